import { sql } from "drizzle-orm";
import {
  check,
  doublePrecision,
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
import { properties, users } from "./parties.js";
import { actionItems } from "./tailoring.js";

export const visitCheckKind = pgEnum("visit_check_kind", [
  "DATABASE_REVIEW",
  "ROUTINES",
  "HARDWARE_AND_VERSIONS",
  "BACKUP_ROUTINES",
  "DATABASE_SIZE",
]);
export const checkResult = pgEnum("check_result", ["OK", "NEEDS_ACTION", "NOT_APPLICABLE"]);

/** The checks of the annual visit are rows (seeded by migration): a new check is an insert, not a branch. */
export const visitCheckKinds = pgTable("visit_check_kinds", {
  code: visitCheckKind("code").primaryKey(),
  titleSv: text("title_sv").notNull(),
  titleEn: text("title_en").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

/** The annual on-site support visit of a 500+ agreement. Overdue is derived (past, not completed), never stored. */
export const serviceVisits = pgTable(
  "service_visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    propertyId: uuid("property_id")
      .notNull()
      .references(() => properties.id),
    technicianId: uuid("technician_id")
      .notNull()
      .references(() => users.id),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    bookedById: uuid("booked_by_id").references(() => users.id),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedById: uuid("completed_by_id").references(() => users.id),
    /** The customer's contact signed on the technician's tablet: name, time and the drawn PNG. */
    signedByName: text("signed_by_name"),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    signaturePng: text("signature_png"),
    /** Or a customer user acknowledged the protocol later in the portal. */
    acknowledgedById: uuid("acknowledged_by_id").references(() => users.id),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    protocolSentAt: timestamp("protocol_sent_at", { withTimezone: true }),
    /** The newest frozen protocol version (null until completed), and the newest one mailed (decision 0080). */
    protocolVersion: integer("protocol_version"),
    protocolSentVersion: integer("protocol_sent_version"),
    /** Set when a booked visit was called off (by the lapse job when its agreement ended), with why. */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Moved by every write of the row or its parts (triggers, migration 0017): partners sync with `updatedSince`. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("service_visits_updated_idx").on(t.updatedAt),
    index("service_visits_agreement_idx").on(t.agreementId, t.scheduledAt),
    // The calendar by time, paged by keyset on (scheduled_at, id) (decision 0088).
    index("service_visits_scheduled_id_idx").on(t.scheduledAt, t.id),
    // The visits still to do (overdue, upcoming) in the calendar's order: at a vendor's scale most visits are done,
    // and the overdue list and count walked them all (issue 23).
    index("service_visits_open_scheduled_idx")
      .on(t.scheduledAt, t.id)
      .where(sql`${t.completedAt} is null and ${t.cancelledAt} is null`),
    // The delivery job's question, "which protocol version is not mailed yet", reads only the few that are not.
    index("service_visits_protocol_unsent_idx")
      .on(t.id)
      .where(sql`${t.protocolVersion} > coalesce(${t.protocolSentVersion}, 0)`),
  ],
);

/** Every booking and rescheduling of a visit, in order; never changed. */
export const serviceVisitBookings = pgTable(
  "service_visit_bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => serviceVisits.id),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    technicianId: uuid("technician_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason"),
    changedById: uuid("changed_by_id").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("service_visit_bookings_visit_idx").on(t.visitId, t.changedAt)],
);

/** The working copy of a visit's checks, editable until completion; the protocol versions are the frozen record. */
export const visitChecks = pgTable(
  "visit_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => serviceVisits.id),
    kind: visitCheckKind("kind").notNull(),
    result: checkResult("result").notNull(),
    note: text("note").notNull().default(""),
    databaseSizeMb: doublePrecision("database_size_mb"),
    /** For the hardware check: each product's installed version against the latest release when recorded. */
    versions: jsonb("versions").$type<{ product: string; installed: string | null; latest: string | null }[]>(),
    actionItemId: uuid("action_item_id").references(() => actionItems.id),
    recordedById: uuid("recorded_by_id").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("visit_checks_kind_key").on(t.visitId, t.kind),
    index("visit_checks_action_item_idx").on(t.actionItemId),
    check("visit_checks_size_nonnegative", sql`coalesce(${t.databaseSizeMb}, 0) >= 0`),
  ],
);

export interface ProtocolCheckSnapshot {
  kind: string;
  result: string;
  note: string;
  databaseSizeMb: number | null;
  versions: { product: string; installed: string | null; latest: string | null }[] | null;
  /**
   * BACKUP_ROUTINES: monitoring's evidence as it stood when the version was frozen (the sentence and the
   * weekly backup sizes), so the protocol reads the same after old pings are pruned.
   */
  backupEvidence?: { sentence: string; points: { visitedOn: string; sizeMb: number }[] } | null;
}

/** The frozen protocol: version 1 at completion, each correction a new version with its reason. */
export const visitProtocolVersions = pgTable(
  "visit_protocol_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => serviceVisits.id),
    version: integer("version").notNull(),
    checks: jsonb("checks").$type<ProtocolCheckSnapshot[]>().notNull(),
    reason: text("reason"),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("visit_protocol_versions_key").on(t.visitId, t.version)],
);

/**
 * Which reminders went out for which booking. The primary key makes the job idempotent and safe
 * with several API processes: only the process whose insert wins sends the mail.
 */
export const visitReminders = pgTable(
  "visit_reminders",
  {
    visitId: uuid("visit_id")
      .notNull()
      .references(() => serviceVisits.id),
    daysBefore: integer("days_before").notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.daysBefore, t.scheduledAt] })],
);

export const visitTimeProposalStatus = pgEnum("visit_time_proposal_status", [
  "OPEN",
  "ACCEPTED",
  "OTHER_TIMES_REQUESTED",
  "WITHDRAWN",
]);

/**
 * One to three times the vendor offers for a visit; the customer's admin accepts one (which books the
 * visit) or asks for others. Kept after the answer, so the booking shows how it was agreed.
 */
export const visitTimeProposals = pgTable(
  "visit_time_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    propertyId: uuid("property_id")
      .notNull()
      .references(() => properties.id),
    technicianId: uuid("technician_id")
      .notNull()
      .references(() => users.id),
    times: timestamp("times", { withTimezone: true }).array().notNull(),
    note: text("note").notNull().default(""),
    status: visitTimeProposalStatus("status").notNull().default("OPEN"),
    proposedById: uuid("proposed_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredById: uuid("answered_by_id").references(() => users.id),
    answerNote: text("answer_note"),
    /** The visit the accepted time booked (or moved). */
    visitId: uuid("visit_id").references(() => serviceVisits.id),
    /**
     * For new times offered for a visit already booked (decision 0093): that visit. Accepting moves it; until then
     * its booking stands. Null for a first proposal, whose accepted time books a new visit.
     */
    movesVisitId: uuid("moves_visit_id").references(() => serviceVisits.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("visit_time_proposals_agreement_idx").on(t.agreementId, t.createdAt),
    check("visit_time_proposals_one_to_three", sql`cardinality(${t.times}) between 1 and 3`),
  ],
);

/**
 * The e-mailed answer links of a proposal, one per customer admin mailed, so an answer by link is
 * recorded as that person's. Only the SHA-256 of the token is kept; a link works until it expires or
 * the proposal is answered (by any link or in the portal), whichever comes first.
 */
export const visitTimeProposalLinks = pgTable(
  "visit_time_proposal_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => visitTimeProposals.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("visit_time_proposal_links_token_hash_key").on(t.tokenHash),
    index("visit_time_proposal_links_proposal_idx").on(t.proposalId),
  ],
);
