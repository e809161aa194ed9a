/** userError codes of the price list and of priced orders; clients switch on these. */
export const PricingErrors = {
  /** A customer or partner sent a price: orders by them are at list price. */
  PRICE_NOT_ALLOWED: "PRICE_NOT_ALLOWED",
  /** Vendor staff agreed a price other than the list price without saying why. */
  PRICE_REASON_REQUIRED: "PRICE_REASON_REQUIRED",
  /** The price list has no price for the item on the start date. */
  NO_LIST_PRICE: "NO_LIST_PRICE",
  /** Another price of the item already starts that day or runs into the new one's validity. */
  LIST_PRICE_OVERLAP: "LIST_PRICE_OVERLAP",
  /** A price can be set from today on; the list of a past day is history. */
  LIST_PRICE_IN_PAST: "LIST_PRICE_IN_PAST",
  INVALID_DATE_RANGE: "INVALID_DATE_RANGE",
  /** A quoted order would outlast its agreement, which rentLicence refuses. */
  OUTSIDE_AGREEMENT_PERIOD: "OUTSIDE_AGREEMENT_PERIOD",
  /** The index series has no value recorded for a month the indexation needs. */
  INDEX_VALUE_MISSING: "INDEX_VALUE_MISSING",
  /** No index series of that name: record its values first. */
  INDEX_SERIES_UNKNOWN: "INDEX_SERIES_UNKNOWN",
  /** The list has been indexed (or the change carried forward) for that year already: once a year. */
  ALREADY_INDEXED_THIS_YEAR: "ALREADY_INDEXED_THIS_YEAR",
  INVALID_INPUT: "INVALID_INPUT",
  NOT_FOUND: "NOT_FOUND",
} as const;
