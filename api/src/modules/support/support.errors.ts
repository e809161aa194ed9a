/** userError codes of support (the calendar and support cases); clients switch on these. */
export const SupportErrors = {
  NOT_FOUND: "NOT_FOUND",
  INVALID_DATE: "INVALID_DATE",
  INVALID_OPENING_TIMES: "INVALID_OPENING_TIMES",
  REASON_REQUIRED: "REASON_REQUIRED",
} as const;
