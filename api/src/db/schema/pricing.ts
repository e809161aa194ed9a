import { sql } from "drizzle-orm";
import {
  check,
  date,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./parties.js";

/**
 * What has a list price: the licence kinds that can be rented, the add-ons that can be ordered, and each tier's
 * monthly base fee for the agreement itself (decision 0101: an item per tier, so the fee has the list's history,
 * its "new price from a day" and its indexation).
 */
export const pricedItem = pgEnum("priced_item", [
  "BOOKING",
  "HANTERA",
  "CONSUMPTION",
  "HOSTING",
  "MONITORING",
  "AGREEMENT_PLUS_500",
  "AGREEMENT_BRF",
]);

/**
 * The vendor's price list: one monthly price per item (per licence for licences, per agreement for
 * add-ons) and validity. A new price closes the one before it; no row is ever removed, so the list on
 * any past day can be read back. Prices of one item never overlap: the rule in set-list-price.ts
 * checks it under a lock, and the unique start and the single open-ended row back it here.
 */
export const listPrices = pgTable(
  "list_prices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    item: pricedItem("item").notNull(),
    monthlyPriceMinor: integer("monthly_price_minor").notNull(),
    currency: text("currency").notNull().default("SEK"),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    /** Last day the price holds; null while it holds until further notice. */
    validTo: date("valid_to", { mode: "string" }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Why the price was set, as the admin wrote it; null for prices from before reasons were asked. */
    reason: text("reason"),
  },
  (t) => [
    uniqueIndex("list_prices_item_start_key").on(t.item, t.validFrom),
    uniqueIndex("list_prices_item_open_key")
      .on(t.item)
      .where(sql`${t.validTo} is null`),
    check("list_prices_price", sql`${t.monthlyPriceMinor} >= 0`),
    check("list_prices_dates", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** A price index the list can follow (decision 0084), e.g. KPI with its base month (1980 = 100). */
export const priceIndexSeries = pgTable("price_index_series", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  /** The first day of the month the series is based on (its value there is 100). */
  baseMonth: date("base_month", { mode: "string" }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One month's value of a series, as published; a correction replaces it (who and when are kept). */
export const priceIndexValues = pgTable(
  "price_index_values",
  {
    seriesId: uuid("series_id")
      .notNull()
      .references(() => priceIndexSeries.id),
    /** The first day of the month. */
    month: date("month", { mode: "string" }).notNull(),
    /** Exact, as published (KPI has two decimals); read as a string and computed on in integers. */
    value: numeric("value", { precision: 12, scale: 4 }).notNull(),
    recordedById: uuid("recorded_by_id").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.seriesId, t.month] }),
    check("price_index_values_month", sql`extract(day from ${t.month}) = 1`),
    check("price_index_values_value", sql`${t.value} > 0`),
  ],
);

/** One priced line of an indexation: an item's price before and after. */
export interface IndexedPriceLine {
  item: (typeof pricedItem.enumValues)[number];
  oldMinor: number;
  newMinor: number;
}

/**
 * The list's yearly indexation (decision 0084): once a year (the unique year), new = old × index(to) / index(from).
 * A change under the threshold is CARRIED_FORWARD: no price changes, and next year's starts from the same month.
 */
export const priceIndexations = pgTable(
  "price_indexations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seriesId: uuid("series_id")
      .notNull()
      .references(() => priceIndexSeries.id),
    /** The year of validFrom: the year's one indexation. */
    year: integer("year").notNull(),
    fromMonth: date("from_month", { mode: "string" }).notNull(),
    toMonth: date("to_month", { mode: "string" }).notNull(),
    /** The first day of the new prices (or the day they would have started, when carried forward). */
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    outcome: text("outcome").$type<"APPLIED" | "CARRIED_FORWARD">().notNull(),
    lines: jsonb("lines").$type<IndexedPriceLine[]>().notNull(),
    reason: text("reason").notNull(),
    decidedById: uuid("decided_by_id")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("price_indexations_year_key").on(t.year),
    check("price_indexations_outcome", sql`${t.outcome} in ('APPLIED', 'CARRIED_FORWARD')`),
  ],
);
