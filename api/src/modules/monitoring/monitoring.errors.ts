/** userError codes of monitoring; clients switch on these. */
export const MonitoringErrors = {
  NOT_FOUND: "NOT_FOUND",
  INVALID_INPUT: "INVALID_INPUT",
  /** A check needs a valid agreement with Systemövervakning or Aptus Hosting covering the property. */
  MONITORING_NOT_COVERED: "MONITORING_NOT_COVERED",
  INVALID_SCHEDULE: "INVALID_SCHEDULE",
  CHECK_ALREADY_PAUSED: "CHECK_ALREADY_PAUSED",
  CHECK_NOT_PAUSED: "CHECK_NOT_PAUSED",
  /** A maintenance window's end is not after its start. */
  INVALID_WINDOW: "INVALID_WINDOW",
  /** A maintenance window that would be over before it is planned. */
  WINDOW_IN_PAST: "WINDOW_IN_PAST",
  /** A one-off maintenance window longer than a week, or starting more than a year ahead. */
  WINDOW_TOO_LONG: "WINDOW_TOO_LONG",
  /** A recurring window's duration is not 5 minutes to 24 hours. */
  INVALID_DURATION: "INVALID_DURATION",
  MAINTENANCE_ALREADY_ENDED: "MAINTENANCE_ALREADY_ENDED",
} as const;
