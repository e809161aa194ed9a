import { date, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { properties } from "./parties.js";

export const product = pgEnum("product", ["MULTI_ACCESS", "HANTERA", "APTUSPORTAL", "BOKNING", "FORBRUKNING", "FDB"]);

export const productReleases = pgTable(
  "product_releases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    product: product("product").notNull(),
    version: text("version").notNull(),
    releasedOn: date("released_on", { mode: "string" }).notNull(),
    notes: text("notes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("product_releases_version_key").on(t.product, t.version)],
);

export const installedVersions = pgTable(
  "installed_versions",
  {
    propertyId: uuid("property_id")
      .notNull()
      .references(() => properties.id),
    product: product("product").notNull(),
    version: text("version").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.propertyId, t.product] })],
);
