/** userError codes of renewal quotes and automatic renewals; clients switch on these. */
export const RenewalErrors = {
  NOT_FOUND: "NOT_FOUND",
  INVALID_INPUT: "INVALID_INPUT",
  /** Terminated or still a draft: there is no period to renew. */
  AGREEMENT_NOT_RENEWABLE: "AGREEMENT_NOT_RENEWABLE",
  /** The agreement already has a quote waiting for the seller. */
  RENEWAL_ALREADY_REQUESTED: "RENEWAL_ALREADY_REQUESTED",
  /** Someone confirmed or declined the quote first. */
  RENEWAL_QUOTE_DECIDED: "RENEWAL_QUOTE_DECIDED",
  /** The price list has no price for a carried item on the new period's first day. */
  NO_LIST_PRICE: "NO_LIST_PRICE",
  /** The automatic renewal's notice period has closed: too late to say no, or to turn it on for this end. */
  AUTO_RENEWAL_NOTICE_CLOSED: "AUTO_RENEWAL_NOTICE_CLOSED",
  /** A "no" to an automatic renewal the agreement does not have. */
  AUTO_RENEWAL_NOT_SET: "AUTO_RENEWAL_NOT_SET",
  /** There is no "no" to the current end to take back. */
  AUTO_RENEWAL_NOT_REFUSED: "AUTO_RENEWAL_NOT_REFUSED",
  /** The "no" was said by the other side (the customer, or the vendor): only its own side may take it back. */
  AUTO_RENEWAL_REFUSED_BY_OTHER_SIDE: "AUTO_RENEWAL_REFUSED_BY_OTHER_SIDE",
} as const;
