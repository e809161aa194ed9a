/** userError codes of support (the calendar and support cases); clients switch on these. */
export const SupportErrors = {
  NOT_FOUND: "NOT_FOUND",
  INVALID_DATE: "INVALID_DATE",
  INVALID_OPENING_TIMES: "INVALID_OPENING_TIMES",
  REASON_REQUIRED: "REASON_REQUIRED",
  /** A partner or vendor staff opening a case must say for which customer. */
  CUSTOMER_REQUIRED: "CUSTOMER_REQUIRED",
  SUBJECT_REQUIRED: "SUBJECT_REQUIRED",
  DESCRIPTION_REQUIRED: "DESCRIPTION_REQUIRED",
  MESSAGE_REQUIRED: "MESSAGE_REQUIRED",
  TOO_MANY_ATTACHMENTS: "TOO_MANY_ATTACHMENTS",
  ATTACHMENT_TOO_LARGE: "ATTACHMENT_TOO_LARGE",
  ATTACHMENT_TYPE_NOT_ALLOWED: "ATTACHMENT_TYPE_NOT_ALLOWED",
  ATTACHMENT_NOT_BASE64: "ATTACHMENT_NOT_BASE64",
  /** The case's attachments would pass its quota of files or bytes. */
  CASE_ATTACHMENT_QUOTA_REACHED: "CASE_ATTACHMENT_QUOTA_REACHED",
  /** The attachments of the customer's cases that are not closed would pass its quota of files or bytes. */
  CUSTOMER_ATTACHMENT_QUOTA_REACHED: "CUSTOMER_ATTACHMENT_QUOTA_REACHED",
  /** The user has attached as many files as an hour allows. */
  TOO_MANY_UPLOADS: "TOO_MANY_UPLOADS",
  /** Handing a case to the installer when the customer has none. */
  NO_INSTALLER: "NO_INSTALLER",
  ALREADY_ROUTED_THERE: "ALREADY_ROUTED_THERE",
  CASE_CLOSED: "CASE_CLOSED",
  SAME_STATUS: "SAME_STATUS",
  ASSIGNEE_NOT_ALLOWED: "ASSIGNEE_NOT_ALLOWED",
} as const;
