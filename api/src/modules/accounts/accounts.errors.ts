/** userError codes of invitations, password resets and password changes (password rules: PartyErrors). */
export const AccountErrors = {
  NOT_FOUND: "NOT_FOUND",
  EMAIL_TAKEN: "EMAIL_TAKEN",
  ROLE_NOT_ALLOWED_FOR_ORGANISATION: "ROLE_NOT_ALLOWED_FOR_ORGANISATION",
  /** An open invitation to the address exists: resend it (or revoke it) instead. */
  INVITATION_PENDING: "INVITATION_PENDING",
  /** The link is unknown, revoked or replaced by a resend. */
  INVITATION_INVALID: "INVITATION_INVALID",
  INVITATION_EXPIRED: "INVITATION_EXPIRED",
  INVITATION_ALREADY_ACCEPTED: "INVITATION_ALREADY_ACCEPTED",
  /** The reset link is unknown or already used. */
  RESET_LINK_INVALID: "RESET_LINK_INVALID",
  RESET_LINK_EXPIRED: "RESET_LINK_EXPIRED",
  WRONG_PASSWORD: "WRONG_PASSWORD",
  /** A vendor recovering a board must say why (it is kept in the audit trail). */
  RECOVERY_REASON_REQUIRED: "RECOVERY_REASON_REQUIRED",
  /** Only a customer's or partner's board is handed over or recovered; the vendor's admins invite directly. */
  NOT_A_BOARD: "NOT_A_BOARD",
} as const;
