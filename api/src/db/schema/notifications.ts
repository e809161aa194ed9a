import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./bytea.js";
import { users } from "./parties.js";

/** PENDING until delivered (SENT) or until every attempt has failed (FAILED, kept for a person to look at). */
export const emailState = pgEnum("email_state", ["PENDING", "SENT", "FAILED"]);

/** Outgoing e-mail, written in the same transaction as its cause and sent afterwards. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    html: text("html"),
    state: emailState("state").notNull().default("PENDING"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * When a sender may (re)try it: now for new mail, later after each failure (exponential back-off), and a lease
     * while one sender is at it.
     */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
    attempts: integer("attempts").notNull().default(0),
  },
  (t) => [
    index("email_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.state} = 'PENDING'`),
    // The admin's list newest first, paged by keyset on (created_at, id) (decision 0088).
    index("email_outbox_created_idx").on(t.createdAt, t.id),
    check("email_outbox_attempts", sql`${t.attempts} >= 0`),
  ],
);

export const emailAttachments = pgTable(
  "email_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    emailId: uuid("email_id")
      .notNull()
      .references(() => emailOutbox.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    content: bytea("content").notNull(),
  },
  (t) => [index("email_attachments_email_idx").on(t.emailId, t.position)],
);

/**
 * The mails a person may choose not to get, one per occasion and incident kind (issue 20: "Each user can choose which
 * of these mails they get"). A new kind of notice is a new value here and a row in notification-topics.ts.
 */
export const notificationTopic = pgEnum("notification_topic", [
  "OUTAGE_STARTED",
  "OUTAGE_REMINDER",
  "OUTAGE_RECOVERED",
  "BACKUP_STARTED",
  "BACKUP_REMINDER",
  "BACKUP_RECOVERED",
  "RENEWAL_REMINDER",
  "RENEWAL_DIGEST",
  "AGREEMENT_LAPSED",
]);

/** A topic a user turned off. Every topic is on until its row exists, so a new admin gets everything. */
export const notificationOptOuts = pgTable(
  "notification_opt_outs",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    topic: notificationTopic("topic").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topic] })],
);
