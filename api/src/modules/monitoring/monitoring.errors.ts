/** userError codes of monitoring; clients switch on these. */
export const MonitoringErrors = {
  NOT_FOUND: "NOT_FOUND",
  INVALID_INPUT: "INVALID_INPUT",
  /** A check needs a valid agreement with Systemövervakning or Aptus Hosting covering the property. */
  MONITORING_NOT_COVERED: "MONITORING_NOT_COVERED",
  INVALID_SCHEDULE: "INVALID_SCHEDULE",
  CHECK_ALREADY_PAUSED: "CHECK_ALREADY_PAUSED",
  CHECK_NOT_PAUSED: "CHECK_NOT_PAUSED",
} as const;
