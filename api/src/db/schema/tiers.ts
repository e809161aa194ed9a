import { boolean, integer, pgEnum, pgTable, text } from "drizzle-orm/pg-core";

export const tierCode = pgEnum("tier_code", ["PLUS_500", "BRF"]);

/** Tier benefits are rows, not branches: a new tier is an insert. */
export const tiers = pgTable("tiers", {
  code: tierCode("code").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  annualVisit: boolean("annual_visit").notNull(),
  includedHanteraAccounts: integer("included_hantera_accounts").notNull(),
  latestVersions: boolean("latest_versions").notNull(),
  licenceRentals: boolean("licence_rentals").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});
