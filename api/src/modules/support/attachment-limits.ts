import type { Db } from "../../db/client.js";
import type { AttachmentQuota } from "./attachment-quota.js";
import { UploadLimit } from "./attachment-upload-limit.js";

/** The operator's settings (env.ts), in files and MB (of 1024 × 1024 bytes). */
export interface AttachmentLimitSettings {
  ATTACHMENT_MAX_FILES_PER_CASE: number;
  ATTACHMENT_MAX_MB_PER_CASE: number;
  ATTACHMENT_MAX_FILES_PER_CUSTOMER: number;
  ATTACHMENT_MAX_MB_PER_CUSTOMER: number;
  ATTACHMENT_MAX_UPLOADS_PER_HOUR: number;
}

/**
 * Four messages of five screenshots on one case, a year of busy cases open at once for a customer,
 * and a person attaching a file a minute: far above real use, far below what fills a disk
 * (docs/decisions/0037-attachment-downloads-and-limits.md).
 */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimitSettings = {
  ATTACHMENT_MAX_FILES_PER_CASE: 20,
  ATTACHMENT_MAX_MB_PER_CASE: 10,
  ATTACHMENT_MAX_FILES_PER_CUSTOMER: 200,
  ATTACHMENT_MAX_MB_PER_CUSTOMER: 100,
  ATTACHMENT_MAX_UPLOADS_PER_HOUR: 60,
};

/** What every upload is checked against: the quotas of case and customer and the user's hourly limit. */
export interface AttachmentLimits {
  quota: AttachmentQuota;
  uploads: UploadLimit;
}

export function createAttachmentLimits(db: Db, settings: Partial<AttachmentLimitSettings> = {}): AttachmentLimits {
  const s = { ...DEFAULT_ATTACHMENT_LIMITS };
  for (const key of Object.keys(s) as (keyof AttachmentLimitSettings)[]) s[key] = settings[key] ?? s[key];
  const MB = 1024 * 1024;
  return {
    quota: {
      filesPerCase: s.ATTACHMENT_MAX_FILES_PER_CASE,
      bytesPerCase: s.ATTACHMENT_MAX_MB_PER_CASE * MB,
      filesPerCustomer: s.ATTACHMENT_MAX_FILES_PER_CUSTOMER,
      bytesPerCustomer: s.ATTACHMENT_MAX_MB_PER_CUSTOMER * MB,
    },
    uploads: new UploadLimit(db, s.ATTACHMENT_MAX_UPLOADS_PER_HOUR),
  };
}
