import { check, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { agreements } from "./agreements.js";
import { organisations, users } from "./parties.js";

/** The services Aptus Hosting can host; the add-on's `hosted_services` column keeps them as text. */
export const hostedService = pgEnum("hosted_service", ["BOKNING", "FORBRUKNING", "FDB", "APTUSPORTAL", "HANTERA"]);
export const restoreTestResult = pgEnum("restore_test_result", ["OK", "FAILED"]);

/** A restore of a backup tried by vendor staff: the proof that the backups can be used. */
export const hostingRestoreTests = pgTable(
  "hosting_restore_tests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => organisations.id),
    /** The agreement whose hosting add-on covered the test. */
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    testedAt: timestamp("tested_at", { withTimezone: true }).notNull(),
    /** Which backup was restored: when it was taken. */
    backupTakenAt: timestamp("backup_taken_at", { withTimezone: true }).notNull(),
    result: restoreTestResult("result").notNull(),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("hosting_restore_tests_customer_idx").on(t.customerId, t.testedAt),
    check("hosting_restore_tests_order", sql`${t.backupTakenAt} <= ${t.testedAt}`),
  ],
);

/** An update of one hosted service: the current version of a service is the latest update's `version_after`. */
export const hostedServiceUpdates = pgTable(
  "hosted_service_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => organisations.id),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    service: hostedService("service").notNull(),
    versionBefore: text("version_before").notNull(),
    versionAfter: text("version_after").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("hosted_service_updates_current_idx").on(t.customerId, t.service, t.updatedAt),
    check("hosted_service_updates_changed", sql`${t.versionBefore} <> ${t.versionAfter}`),
  ],
);
