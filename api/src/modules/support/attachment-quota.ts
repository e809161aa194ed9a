import { and, count, eq, ne, sql, type SQL } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { organisations, supportCaseAttachments, supportCases } from "../../db/schema/index.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { SupportErrors as E } from "./support.errors.js";

const MB = 1024 * 1024;

/**
 * What the attachments of one case, and of one customer's cases that are not closed, may hold
 * together. A case thread is not a file store: beyond a screenshot or a log per message, the files
 * belong elsewhere. Closed cases do not count, so a customer makes room by finishing cases, and
 * the total a customer can keep open is bounded whatever the number of cases.
 */
export interface AttachmentQuota {
  filesPerCase: number;
  bytesPerCase: number;
  filesPerCustomer: number;
  bytesPerCustomer: number;
}

interface Usage {
  files: number;
  bytes: number;
}

function usage(tx: Tx, where: SQL | undefined): Promise<Usage> {
  const a = supportCaseAttachments;
  return tx
    .select({ files: count(), bytes: sql<number>`coalesce(sum(${a.sizeBytes}), 0)`.mapWith(Number) })
    .from(a)
    .innerJoin(supportCases, eq(supportCases.id, a.caseId))
    .where(where)
    .then(([row]) => row ?? { files: 0, bytes: 0 });
}

const mb = (bytes: number) => `${Number((bytes / MB).toFixed(1))} MB`;
const fits = (used: Usage, adding: Usage, files: number, bytes: number) =>
  used.files + adding.files <= files && used.bytes + adding.bytes <= bytes;

/**
 * Whether `sizes` more files fit the case (null: a case being opened) and its customer. Locks the
 * customer's row first (NO KEY UPDATE, so a case can still be opened for it meanwhile) so that two
 * uploads for one customer at once queue and each counts the other's files.
 */
export async function checkAttachmentQuota(
  tx: Tx,
  quota: AttachmentQuota,
  at: { customerId: string; caseId: string | null },
  sizes: readonly number[],
  field: string[],
): Promise<Result<void>> {
  if (sizes.length === 0) return ok(undefined);
  const adding = { files: sizes.length, bytes: sizes.reduce((sum, n) => sum + n, 0) };
  await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, at.customerId))
    .for("no key update");
  const onCase = at.caseId ? await usage(tx, eq(supportCaseAttachments.caseId, at.caseId)) : { files: 0, bytes: 0 };
  if (!fits(onCase, adding, quota.filesPerCase, quota.bytesPerCase)) {
    return userError(
      E.CASE_ATTACHMENT_QUOTA_REACHED,
      `A case holds at most ${quota.filesPerCase} files and ${mb(quota.bytesPerCase)}; this one has ${onCase.files} files of ${mb(onCase.bytes)}, and ${adding.files} more of ${mb(adding.bytes)} do not fit.`,
      field,
    );
  }
  const onCustomer = await usage(
    tx,
    and(eq(supportCases.customerId, at.customerId), ne(supportCases.status, "CLOSED")),
  );
  if (!fits(onCustomer, adding, quota.filesPerCustomer, quota.bytesPerCustomer)) {
    return userError(
      E.CUSTOMER_ATTACHMENT_QUOTA_REACHED,
      `A customer's cases that are not closed hold at most ${quota.filesPerCustomer} files and ${mb(quota.bytesPerCustomer)} together; they have ${onCustomer.files} files of ${mb(onCustomer.bytes)}, and ${adding.files} more of ${mb(adding.bytes)} do not fit.`,
      field,
    );
  }
  return ok(undefined);
}
