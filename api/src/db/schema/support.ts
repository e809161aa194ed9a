import { sql } from "drizzle-orm";
import { bigint, check, date, integer, pgTable, text, time, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./parties.js";

/**
 * Support's opening hours as rows, not branches: "weekday W in ISO weeks A to B, from T1 to T2".
 * A new season or a lunch break is a row. Several rows on one day are several slots. Seeded with
 * the brochure's hours by the migration.
 */
export const supportOpeningHours = pgTable(
  "support_opening_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** ISO weekday: 1 is Monday, 7 is Sunday. */
    weekday: integer("weekday").notNull(),
    /** First and last ISO week (1–53) the row applies in, both included. */
    weekFrom: integer("week_from").notNull(),
    weekTo: integer("week_to").notNull(),
    /** Local Swedish wall-clock times. */
    opensAt: time("opens_at").notNull(),
    closesAt: time("closes_at").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("support_opening_hours_weekday", sql`${t.weekday} between 1 and 7`),
    check("support_opening_hours_weeks", sql`${t.weekFrom} between 1 and 53 and ${t.weekTo} between ${t.weekFrom} and 53`),
    check("support_opening_hours_times", sql`${t.closesAt} > ${t.opensAt}`),
  ],
);

/**
 * A date that differs from the weekly hours: closed (a company day; no times) or open at other
 * times (one slot), always with a reason. Admins add them; they override holidays too.
 */
export const supportCalendarExceptions = pgTable(
  "support_calendar_exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    date: date("date", { mode: "string" }).notNull().unique("support_calendar_exceptions_date_key"),
    opensAt: time("opens_at"),
    closesAt: time("closes_at"),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("support_calendar_exceptions_times", sql`(${t.opensAt} is null and ${t.closesAt} is null) or (${t.opensAt} is not null and ${t.closesAt} > ${t.opensAt})`)
  ],
);

/**
 * One row, bumped by a trigger on every change to the hours or the exceptions (whatever writes
 * them), so each API process can tell with one tiny read whether its precomputed calendar is stale.
 */
export const supportCalendarRevision = pgTable("support_calendar_revision", {
  id: integer("id").primaryKey().default(1),
  revision: bigint("revision", { mode: "number" }).notNull().default(1),
});
