/** userError codes of the public contact page and of linking its requests; clients switch on these. */
export const ContactErrors = {
  /** A required field is empty (the field says which). */
  REQUIRED: "REQUIRED",
  /** A field is longer than the page allows (the field says which; the message gives the limit). */
  TOO_LONG: "TOO_LONG",
  INVALID_EMAIL: "INVALID_EMAIL",
  /** Too many requests from this network address or for this e-mail address in the last hour. */
  TOO_MANY_CONTACT_REQUESTS: "TOO_MANY_CONTACT_REQUESTS",
  NOT_FOUND: "NOT_FOUND",
  /** Someone linked it first: a request is linked once. */
  ALREADY_LINKED: "ALREADY_LINKED",
  /** A help request becomes a support case, which is a customer's: it is linked to a customer, not a partner. */
  HELP_NEEDS_CUSTOMER: "HELP_NEEDS_CUSTOMER",
} as const;
