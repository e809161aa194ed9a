import type { notificationTopic } from "../../db/schema/index.js";
import type { Role } from "../../shared/viewer.js";
import {
  INCIDENT_MAIL_RECEIVERS,
  LAPSE_NOTICE_RECEIVERS,
  RENEWAL_DIGEST_RECEIVERS,
  RENEWAL_REMINDER_RECEIVERS,
} from "./notification.roles.js";

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
  RENEWAL_REMINDER: {
    receivers: RENEWAL_REMINDER_RECEIVERS,
    description: "An agreement ends in 90, 60 or 30 days (one mail per threshold and period).",
  },
  RENEWAL_DIGEST: {
    receivers: RENEWAL_DIGEST_RECEIVERS,
    description: "Every Monday: the seller's agreements that end within 30, 60 and 90 days, with their yearly value.",
  },
  AGREEMENT_LAPSED: {
    receivers: LAPSE_NOTICE_RECEIVERS,
    description: "An agreement has ended: what ended with it (rentals, hosting, monitoring, booked visits).",
  },
};

/** The topics a role may choose among, in their table order. */
export function topicsFor(role: Role): NotificationTopic[] {
  return (Object.keys(NOTIFICATION_TOPICS) as NotificationTopic[]).filter((t) =>
    NOTIFICATION_TOPICS[t].receivers.includes(role),
  );
}
