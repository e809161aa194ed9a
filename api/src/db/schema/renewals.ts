import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agreements } from "./agreements.js";
import { users } from "./parties.js";
import { pricedItem } from "./pricing.js";

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

/**
 * An agreement's entry into its expiring window told to its partner (webhook `agreement.status_changed`, change
 * EXPIRING): a change the calendar makes with no write of its own. One row per agreement and end, inserted set-wise
 * by the renewal pass, so two processes, or a pass repeated after a crash, tell it once; a renewal moves the end and
 * so makes the next entry its own row.
 */
export const agreementExpiryNotices = pgTable(
  "agreement_expiry_notices",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    toldAt: timestamp("told_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.endsOn] })],
);

export const renewalQuoteState = pgEnum("renewal_quote_state", ["REQUESTED", "CONFIRMED", "DECLINED"]);

/** One priced line of a renewal quote: a rental or an add-on carried into the new period at its list price. */
export interface RenewalQuoteLine {
  /** The rental or add-on carried. */
  partId: string;
  item: "BOOKING" | "HANTERA" | "CONSUMPTION" | "HOSTING" | "MONITORING";
  quantity: number;
  unitPriceMinor: number;
  monthlyPriceMinor: number;
}

/** A rental or add-on the customer left unticked: it ends on the end the quote renews from (decision 0090). */
export interface RenewalQuoteEnding {
  partId: string;
  item: RenewalQuoteLine["item"];
  quantity: number;
}

/**
 * A customer's request to renew, priced from the list of the new period's first day, until the seller confirms or
 * declines it. The lines are kept as they were priced: the quote is what the customer was shown, even if the list
 * changes before the seller answers. One open quote per agreement (the partial unique index).
 */
export const renewalQuotes = pgTable(
  "renewal_quotes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    state: renewalQuoteState("state").notNull().default("REQUESTED"),
    /** The end the quote renews from: confirmed after another renewal, it would renew a period nobody priced. */
    renewsEndOn: date("renews_end_on", { mode: "string" }).notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    lines: jsonb("lines").$type<RenewalQuoteLine[]>().notNull(),
    /** What was running and not chosen, as the customer was shown it: the confirmation ends it. */
    ending: jsonb("ending")
      .$type<RenewalQuoteEnding[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The tier's base fee item and its list price a month on the first day; null on quotes from before it. */
    baseFeeItem: pricedItem("base_fee_item"),
    baseFeeMonthlyMinor: integer("base_fee_monthly_minor"),
    /** Twelve months of the lines and of the base fee. */
    yearlyTotalMinor: integer("yearly_total_minor").notNull(),
    currency: text("currency").notNull().default("SEK"),
    requestedById: uuid("requested_by_id")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    decidedById: uuid("decided_by_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    declineReason: text("decline_reason"),
  },
  (t) => [
    uniqueIndex("renewal_quotes_open_key")
      .on(t.agreementId)
      .where(sql`${t.state} = 'REQUESTED'`),
    index("renewal_quotes_state_idx").on(t.state),
    check(
      "renewal_quotes_base_fee",
      sql`(${t.baseFeeItem} is null) = (${t.baseFeeMonthlyMinor} is null) and coalesce(${t.baseFeeMonthlyMinor}, 0) >= 0`,
    ),
  ],
);

/**
 * An agreement that renews on its own unless either side says no before its notice period closes (decision 0083):
 * the notice in months, set by the seller or an admin. The row is the setting; what happened at each end is in
 * `auto_renewal_refusals` and `auto_renewal_steps`, keyed by that end.
 */
export const autoRenewals = pgTable(
  "auto_renewals",
  {
    agreementId: uuid("agreement_id")
      .primaryKey()
      .references(() => agreements.id),
    noticeMonths: integer("notice_months").notNull(),
    setById: uuid("set_by_id")
      .notNull()
      .references(() => users.id),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("auto_renewals_notice", sql`${t.noticeMonths} between 1 and 24`)],
);

/** A "no" to the automatic renewal at one end ("säg upp"), by the customer's admin or the vendor; one per end. */
export const autoRenewalRefusals = pgTable(
  "auto_renewal_refusals",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    refusedById: uuid("refused_by_id")
      .notNull()
      .references(() => users.id),
    refusedAt: timestamp("refused_at", { withTimezone: true }).notNull().defaultNow(),
    reason: text("reason"),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.endsOn] })],
);

/**
 * What the auto-renewal job did at an end: NOTICE (the customer's admins told in advance) and RENEWED. The key makes
 * each step exactly-once across processes, as `renewal_reminders` does for the reminders.
 */
export const autoRenewalSteps = pgTable(
  "auto_renewal_steps",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    step: text("step").$type<"NOTICE" | "RENEWED">().notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.endsOn, t.step] }),
    check("auto_renewal_steps_step", sql`${t.step} in ('NOTICE', 'RENEWED')`),
  ],
);
