/** userError codes of deactivating an organisation; clients switch on these. */
export const OffboardingErrors = {
  NOT_FOUND: "NOT_FOUND",
  STALE_VERSION: "STALE_VERSION",
  ALREADY_DEACTIVATED: "ALREADY_DEACTIVATED",
  /** The vendor itself is never deactivated: its admins would lock everyone out. */
  VENDOR_NOT_DEACTIVATED: "VENDOR_NOT_DEACTIVATED",
  /** Only a partner's agreements are handed to another partner; a customer's are terminated. */
  RECEIVING_PARTNER_NOT_ALLOWED: "RECEIVING_PARTNER_NOT_ALLOWED",
  NOT_A_PARTNER: "NOT_A_PARTNER",
  ORGANISATION_DEACTIVATED: "ORGANISATION_DEACTIVATED",
  /** Reactivating an organisation that is not deactivated. */
  ORGANISATION_NOT_DEACTIVATED: "ORGANISATION_NOT_DEACTIVATED",
  INVALID_INPUT: "INVALID_INPUT",
} as const;
