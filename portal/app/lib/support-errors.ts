import type { MessageKey } from "~/i18n/i18n";
import type { FormError } from "./form-result";

/** The support module's codes the portal has its own (Swedish) words for. */
const SUPPORT_CODES = [
  "CUSTOMER_REQUIRED",
  "SUBJECT_REQUIRED",
  "DESCRIPTION_REQUIRED",
  "MESSAGE_REQUIRED",
  "TOO_MANY_ATTACHMENTS",
  "ATTACHMENT_TOO_LARGE",
  "ATTACHMENT_TYPE_NOT_ALLOWED",
  "ATTACHMENT_NOT_BASE64",
  "CASE_ATTACHMENT_QUOTA_REACHED",
  "CUSTOMER_ATTACHMENT_QUOTA_REACHED",
  "TOO_MANY_UPLOADS",
  "NO_INSTALLER",
  "ALREADY_ROUTED_THERE",
  "CASE_CLOSED",
  "SAME_STATUS",
  "ASSIGNEE_NOT_ALLOWED",
] as const;

export function supportFormErrors(errors: FormError[]): FormError[] {
  return errors.map((e) => ((SUPPORT_CODES as readonly string[]).includes(e.code) ? { ...e, key: `support.error.${e.code}` as MessageKey } : e));
}
