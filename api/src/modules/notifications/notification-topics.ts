import type { notificationTopic } from "../../db/schema/index.js";
import type { Role } from "../../shared/viewer.js";
import { INCIDENT_MAIL_RECEIVERS } from "./notification.roles.js";

export type NotificationTopic = (typeof notificationTopic.enumValues)[number];

/**
 * The mails a user may turn off, and whose they are to choose: a topic is offered to (and mailed to)
 * only the roles listed. A new kind of notice is a row here, not a branch in the services.
 */
export const NOTIFICATION_TOPICS: Record<NotificationTopic, { receivers: readonly Role[]; description: string }> = {
  OUTAGE_STARTED: {
    receivers: INCIDENT_MAIL_RECEIVERS,
    description: "A monitored check has been down past the grouping wait.",
  },
  OUTAGE_REMINDER: {
    receivers: INCIDENT_MAIL_RECEIVERS,
    description: "A monitored check is still down (one per reminder interval).",
  },
  OUTAGE_RECOVERED: {
    receivers: INCIDENT_MAIL_RECEIVERS,
    description: "A check that was mailed about is up again, with how long it was down.",
  },
  BACKUP_STARTED: {
    receivers: INCIDENT_MAIL_RECEIVERS,
    description: "A backup failed, was missing, or fell short of its own history.",
  },
  BACKUP_REMINDER: {
    receivers: INCIDENT_MAIL_RECEIVERS,
    description: "A backup is still failing (one per reminder interval).",
  },
  BACKUP_RECOVERED: {
    receivers: INCIDENT_MAIL_RECEIVERS,
    description: "Backups that were mailed about succeed again.",
  },
};

/** The topics a role may choose among, in their table order. */
export function topicsFor(role: Role): NotificationTopic[] {
  return (Object.keys(NOTIFICATION_TOPICS) as NotificationTopic[]).filter((t) =>
    NOTIFICATION_TOPICS[t].receivers.includes(role),
  );
}
