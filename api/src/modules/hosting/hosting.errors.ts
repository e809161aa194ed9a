/** userError codes of hosting records; clients switch on these. */
export const HostingErrors = {
  NOT_FOUND: "NOT_FOUND",
  /** The customer has no running Aptus Hosting add-on on a valid agreement. */
  HOSTING_REQUIRED: "HOSTING_REQUIRED",
  /** The service is not one the customer's hosting add-on hosts. */
  SERVICE_NOT_HOSTED: "SERVICE_NOT_HOSTED",
  INVALID_VERSION: "INVALID_VERSION",
  /** An update whose version after is the version before changed nothing. */
  VERSION_UNCHANGED: "VERSION_UNCHANGED",
  /** The version before is not the one Trygg has as running at the update's time. */
  VERSION_BEFORE_NOT_RUNNING: "VERSION_BEFORE_NOT_RUNNING",
  /** A record of something that has not happened yet. */
  DATE_IN_FUTURE: "DATE_IN_FUTURE",
  /** The restored backup was taken after the test that restored it. */
  INVALID_DATE_RANGE: "INVALID_DATE_RANGE",
} as const;
