import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Outgoing e-mail, written in the same transaction as its cause and sent afterwards. */
export const emailOutbox = pgTable("email_outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  toAddress: text("to_address").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
  lastError: text("last_error"),
  attempts: integer("attempts").notNull().default(0),
});
