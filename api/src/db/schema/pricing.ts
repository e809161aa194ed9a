import { sql } from "drizzle-orm";
import { check, date, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./parties.js";

/** What has a list price: the licence kinds that can be rented and the add-ons that can be ordered. */
export const pricedItem = pgEnum("priced_item", ["BOOKING", "HANTERA", "CONSUMPTION", "HOSTING", "MONITORING"]);

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
