import { date, integer, primaryKey, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agreements } from "./agreements.js";
import { users } from "./parties.js";

/**
 * Which renewal reminders went out: one row per agreement, end of its period and threshold (90, 60, 30 days). The key
 * makes the job exactly-once with any number of API processes: only the transaction whose insert wins queues the mail.
 * A renewal gives a new end, so the next period is reminded afresh.
 */
export const renewalReminders = pgTable(
  "renewal_reminders",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    daysBefore: integer("days_before").notNull(),
    recipients: integer("recipients").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.endsOn, t.daysBefore] })],
);

/** The weekly digest of what a seller has ending within 90 days: one row per seller and ISO week (its Monday). */
export const renewalDigests = pgTable(
  "renewal_digests",
  {
    sellerId: uuid("seller_id")
      .notNull()
      .references(() => users.id),
    weekOf: date("week_of", { mode: "string" }).notNull(),
    agreements: integer("agreements").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.weekOf] })],
);

/**
 * An agreement's end applied by the lapse job (lapse.ts): what the preview showed, done. One row per agreement and end
 * date, inserted first in the job's transaction, so two processes, or a run repeated after a crash, do it once.
 */
export const agreementLapses = pgTable(
  "agreement_lapses",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    endedOn: date("ended_on", { mode: "string" }).notNull(),
    /** EXPIRED or TERMINATED: why the agreement ended. */
    cause: text("cause").notNull(),
    appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.endedOn] })],
);
