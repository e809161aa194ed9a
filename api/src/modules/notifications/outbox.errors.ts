/** userError codes of the e-mail outbox. */
export const OutboxErrors = {
  NOT_FOUND: "NOT_FOUND",
  EMAIL_NOT_FAILED: "EMAIL_NOT_FAILED",
} as const;
