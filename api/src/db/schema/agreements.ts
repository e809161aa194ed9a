import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations, properties, users } from "./parties.js";
import { tierCode } from "./tiers.js";

export const licenceKind = pgEnum("licence_kind", ["BOOKING", "HANTERA", "CONSUMPTION"]);
export const addOnKind = pgEnum("add_on_kind", ["HOSTING", "MONITORING"]);

/**
 * A support agreement. Its status is never stored: it is derived from activation, termination and
 * the periods, so it cannot go stale (see agreement-status.ts).
 */
export const agreements = pgTable(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull(),
    tier: tierCode("tier").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => organisations.id),
    partnerId: uuid("partner_id").references(() => organisations.id),
    sellerId: uuid("seller_id").references(() => users.id),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    terminatedOn: date("terminated_on", { mode: "string" }),
    terminationReason: text("termination_reason"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Moved by every write of the row or its parts (triggers, migration 0017): partners sync with `updatedSince`. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The day the agreement really ends (its last period's end, or an earlier termination), kept by triggers from
     * the periods and `terminated_on` (migration 0022, decision 0076) so lists sort on an index; services never
     * write it. 'infinity' only between an agreement's insert and its first period's, in one transaction.
     */
    effectiveEnd: date("effective_end", { mode: "string" })
      .notNull()
      .default(sql`'infinity'::date`),
  },
  (t) => [
    index("agreements_updated_idx").on(t.updatedAt),
    uniqueIndex("agreements_number_key").on(t.number),
    // Each viewer's list, soonest ending first (agreementScope picks the column): one index range per page.
    index("agreements_customer_end_idx").on(t.customerId, t.effectiveEnd, t.number),
    index("agreements_partner_end_idx").on(t.partnerId, t.effectiveEnd, t.number),
    index("agreements_seller_end_idx").on(t.sellerId, t.effectiveEnd, t.number),
    index("agreements_end_idx").on(t.effectiveEnd, t.number),
  ],
);

/**
 * How many agreements each list scope holds (decision 0088): ALL (vendor staff, scope_id the nil UUID), and per
 * PARTNER, CUSTOMER and SELLER. Kept by a trigger on `agreements` (migration 0030), never by services, so an
 * unfiltered list's totalCount is one row, not a count of tens of thousands.
 */
export const agreementCounts = pgTable(
  "agreement_counts",
  {
    scope: text("scope").notNull(),
    scopeId: uuid("scope_id").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.scopeId] }),
    check("agreement_counts_scope", sql`${t.scope} in ('ALL', 'PARTNER', 'CUSTOMER', 'SELLER')`),
  ],
);

/** Per-year counters for readable agreement numbers, TA-2027-0042; an upsert hands out the next one. */
export const agreementNumberCounters = pgTable("agreement_number_counters", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});

export const agreementProperties = pgTable(
  "agreement_properties",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    propertyId: uuid("property_id")
      .notNull()
      .references(() => properties.id),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.propertyId] }),
    index("agreement_properties_property_idx").on(t.propertyId),
  ],
);

/** Every period the agreement has run for; renewal adds one, none is ever changed or removed. */
export const agreementPeriods = pgTable(
  "agreement_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    sequence: integer("sequence").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("agreement_periods_sequence_key").on(t.agreementId, t.sequence),
    // Renewal starts a period the day after the last end; two periods with one start are a lost race.
    uniqueIndex("agreement_periods_start_key").on(t.agreementId, t.startsOn),
    check("agreement_periods_dates", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const hanteraAccounts = pgTable(
  "hantera_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    name: text("name").notNull(),
    email: text("email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /**
     * Set by the lapse job on the accounts above the tier's included ones when the agreement ended: the customer
     * chooses which stay (deactivating the rest); cleared when the agreement is renewed or the account deactivated.
     */
    overQuotaSince: date("over_quota_since", { mode: "string" }),
  },
  (t) => [
    index("hantera_accounts_agreement_idx").on(t.agreementId),
    uniqueIndex("hantera_accounts_active_email_key")
      .on(t.agreementId, t.email)
      .where(sql`${t.deactivatedAt} is null`),
  ],
);

export const licenceRentals = pgTable(
  "licence_rentals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    kind: licenceKind("kind").notNull(),
    quantity: integer("quantity").notNull(),
    monthlyPriceMinor: integer("monthly_price_minor").notNull(),
    currency: text("currency").notNull().default("SEK"),
    /**
     * The price list's monthly price for the whole quantity on the start day; null for rentals made before the price
     * list.
     */
    listPriceMinor: integer("list_price_minor"),
    /** Why vendor staff agreed a price other than the list price; null at list price. */
    priceReason: text("price_reason"),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    /** Set when ended early; the rental then ends on this date instead. */
    endedOn: date("ended_on", { mode: "string" }),
    carriedFromId: uuid("carried_from_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("licence_rentals_agreement_idx").on(t.agreementId),
    check("licence_rentals_quantity", sql`${t.quantity} > 0`),
    check("licence_rentals_price", sql`${t.monthlyPriceMinor} >= 0`),
    check("licence_rentals_dates", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const addOns = pgTable(
  "add_ons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    kind: addOnKind("kind").notNull(),
    /** For hosting: the hosted services (Bokning, Förbrukning, FDB, Aptusportal, Hantera). */
    hostedServices: text("hosted_services")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** What the add-on costs per month; null for add-ons ordered before the price list. */
    monthlyPriceMinor: integer("monthly_price_minor"),
    /** The price list's monthly price on the start day. */
    listPriceMinor: integer("list_price_minor"),
    currency: text("currency").notNull().default("SEK"),
    /** Why vendor staff agreed a price other than the list price; null at list price. */
    priceReason: text("price_reason"),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    /**
     * The last day it runs, when an end lies ahead: a confirmed renewal quote ends here what the customer left
     * unticked, and a carried add-on's old price (its new row starts the day after). Null: it runs with the agreement.
     */
    endsOn: date("ends_on", { mode: "string" }),
    /** Set when cancelled, or when the agreement lapsed or was terminated: the add-on ended then. */
    endedOn: date("ended_on", { mode: "string" }),
    endReason: text("end_reason"),
    /** The add-on of the period before, when a renewal quote carried it here at the new period's price. */
    carriedFromId: uuid("carried_from_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("add_ons_agreement_idx").on(t.agreementId), check("add_ons_price", sql`${t.monthlyPriceMinor} >= 0`)],
);
