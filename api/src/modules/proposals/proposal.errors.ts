/** userError codes of agreement proposals; clients switch on these. */
export const ProposalErrors = {
  NOT_FOUND: "NOT_FOUND",
  NOT_A_CUSTOMER: "NOT_A_CUSTOMER",
  /** The customer was deactivated: it can be no new agreement's party (decision 0085). */
  ORGANISATION_DEACTIVATED: "ORGANISATION_DEACTIVATED",
  NO_PROPERTIES: "NO_PROPERTIES",
  PROPERTY_NOT_OF_CUSTOMER: "PROPERTY_NOT_OF_CUSTOMER",
  /** The wished start lies before today: an agreement is proposed from now on, not backdated. */
  START_IN_PAST: "START_IN_PAST",
  /** Activated or declined already: a proposal is decided once. */
  PROPOSAL_DECIDED: "PROPOSAL_DECIDED",
  INVALID_INPUT: "INVALID_INPUT",
} as const;
