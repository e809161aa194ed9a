import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  real,
  text,
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./bytea.js";
import { agreements } from "./agreements.js";
import { organisations, properties, users } from "./parties.js";
import { tierCode } from "./tiers.js";

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
    check(
      "support_opening_hours_weeks",
      sql`${t.weekFrom} between 1 and 53 and ${t.weekTo} between ${t.weekFrom} and 53`,
    ),
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
    check(
      "support_calendar_exceptions_times",
      sql`(${t.opensAt} is null and ${t.closesAt} is null) or (${t.opensAt} is not null and ${t.closesAt} > ${t.opensAt})`,
    ),
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

export const supportCaseCategory = pgEnum("support_case_category", [
  "PROGRAMMING",
  "DAILY_OPERATION",
  "TECHNICAL",
  "BILLING",
  "OTHER",
]);
export const supportCaseStatus = pgEnum("support_case_status", ["OPEN", "WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED"]);
export const routedTo = pgEnum("routed_to", ["VENDOR", "PARTNER"]);
export const supportPriority = pgEnum("support_priority", ["URGENT", "HIGH", "NORMAL"]);
/** How bad it is, as the one who opens the case says: with the tier it sets the priority and both targets. */
export const supportCaseSeverity = pgEnum("support_case_severity", ["SYSTEM_DOWN", "PARTIAL", "QUESTION"]);
export const messageSide = pgEnum("support_message_side", ["CUSTOMER", "VENDOR", "PARTNER"]);
/** Who opened a case: a person in the portal or the API, or Trygg's monitoring on an incident (issue 20). */
export const supportCaseSource = pgEnum("support_case_source", ["PERSON", "MONITORING"]);

/**
 * Targets as rows: whether a valid agreement covers the case, its tier and the case's severity give the priority and
 * the open hours support has for its first answer and for the resolution ("an agreement answers faster").
 */
export const supportResponseTargets = pgTable(
  "support_response_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coveredByAgreement: boolean("covered_by_agreement").notNull(),
    /** The covering agreement's tier; null for cases without a valid agreement. */
    tier: tierCode("tier"),
    severity: supportCaseSeverity("severity").notNull(),
    priority: supportPriority("priority").notNull(),
    openHours: real("open_hours").notNull(),
    resolutionOpenHours: real("resolution_open_hours").notNull(),
  },
  (t) => [
    unique("support_response_targets_key").on(t.coveredByAgreement, t.tier, t.severity).nullsNotDistinct(),
    check("support_response_targets_tier", sql`${t.coveredByAgreement} = (${t.tier} is not null)`),
    check("support_response_targets_hours", sql`${t.openHours} > 0`),
    check("support_response_targets_resolution", sql`${t.resolutionOpenHours} >= ${t.openHours}`),
  ],
);

/** Per-year counters for readable case numbers, SC-2026-0042. */
export const supportCaseNumberCounters = pgTable("support_case_number_counters", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});

export const supportCases = pgTable(
  "support_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid("property_id").references(() => properties.id),
    /** The valid agreement that covered the case when it was opened, if any. */
    agreementId: uuid("agreement_id").references(() => agreements.id),
    category: supportCaseCategory("category").notNull(),
    subject: text("subject").notNull(),
    description: text("description").notNull(),
    status: supportCaseStatus("status").notNull().default("OPEN"),
    routedTo: routedTo("routed_to").notNull(),
    /** The installer the case is (or would be) routed to; null when the customer has none. */
    partnerId: uuid("partner_id").references(() => organisations.id),
    routingReason: text("routing_reason").notNull(),
    severity: supportCaseSeverity("severity").notNull(),
    priority: supportPriority("priority").notNull(),
    responseTargetHours: real("response_target_hours").notNull(),
    resolutionTargetHours: real("resolution_target_hours").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    /** Null when Trygg's monitoring opened the case (source MONITORING). */
    openedBy: uuid("opened_by").references(() => users.id),
    source: supportCaseSource("source").notNull().default("PERSON"),
    /**
     * Who wrote the description on the public contact page, when the case is a help request staff linked (decision
     * 0103): a person without an account, so a name and an address rather than a user.
     */
    senderName: text("sender_name"),
    senderEmail: text("sender_email"),
    openedByOrganisationId: uuid("opened_by_organisation_id")
      .notNull()
      .references(() => organisations.id),
    /**
     * Derived from openedAt, the target and the pauses with the calendar; kept for sorting and recomputed when any of
     * them changes.
     */
    responseDueAt: timestamp("response_due_at", { withTimezone: true }),
    /**
     * From when the unanswered case counts as near its response deadline (75 % of the target used), derived and kept
     * with responseDueAt; null while a pause holds the clock short of that mark (near-deadline.ts).
     */
    responseNearAt: timestamp("response_near_at", { withTimezone: true }),
    firstRespondedAt: timestamp("first_responded_at", { withTimezone: true }),
    /** The resolution deadline, derived like responseDueAt from the resolution target; null while a pause runs. */
    resolutionDueAt: timestamp("resolution_due_at", { withTimezone: true }),
    /** When the case was last resolved or closed; null while it is open. */
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    /** When an installer's silence past the response deadline handed the case back to the vendor's queue. */
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    assigneeId: uuid("assignee_id").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("support_cases_number_key").on(t.number),
    // A customer's cases newest first, and the staff's queue, each one index range per page (decision 0088).
    index("support_cases_customer_opened_idx").on(t.customerId, t.openedAt, t.number),
    index("support_cases_queue_idx").on(
      sql`coalesce(${t.responseDueAt}, 'infinity'::timestamptz)`,
      t.openedAt,
      t.number,
    ),
    // The counts beside those pages: by status (and the overdue view's running cases), and a partner's own openings.
    index("support_cases_status_idx").on(t.status),
    index("support_cases_opened_by_org_idx").on(t.openedByOrganisationId),
    index("support_cases_updated_idx").on(t.updatedAt),
    index("support_cases_partner_idx").on(t.partnerId),
    index("support_cases_due_idx").on(t.responseDueAt),
    // With support_cases_updated_idx and support_cases_due_idx, one index per instant `updatedSince` compares
    // (caseChangedSince), so a partner's sync is a union of index ranges at any size.
    index("support_cases_near_idx").on(t.responseNearAt),
    index("support_cases_resolution_due_idx").on(t.resolutionDueAt),
    // The overdue view: the cases whose first-response clock runs, in the queue's order, so "due by now" is the
    // index's first range and a page reads its own rows, however many cases run (issue 23).
    index("support_cases_running_due_idx")
      .on(sql`coalesce(${t.responseDueAt}, 'infinity'::timestamptz)`, t.openedAt, t.number)
      .where(sql`${t.firstRespondedAt} is null and ${t.status} in ('OPEN', 'WAITING_ON_CUSTOMER')`),
    // The near-deadline view (decision 0105): the cases that may be near now are those due within a quarter of the
    // longest running target (a range of support_cases_running_due_idx, bounded by that target's max here) ...
    // (Its predicate names the target too, which only that question does: an index over all running cases that any
    // query of them could use would be the planner's pick, sorted, for the overdue view as well.)
    index("support_cases_running_target_idx")
      .on(t.responseTargetHours)
      .where(
        sql`${t.firstRespondedAt} is null and ${t.status} in ('OPEN', 'WAITING_ON_CUSTOMER') and ${t.responseTargetHours} > 0`,
      ),
    // ... and those a pause holds past the 75 % mark, with no deadline, in the queue's order.
    index("support_cases_paused_near_idx")
      .on(sql`coalesce(${t.responseDueAt}, 'infinity'::timestamptz)`, t.openedAt, t.number)
      .where(
        sql`${t.firstRespondedAt} is null and ${t.status} in ('OPEN', 'WAITING_ON_CUSTOMER') and ${t.responseDueAt} is null and ${t.responseNearAt} is not null`,
      ),
    // A partner's deadline views (decision 0106): its scope is two conditions, the cases routed to it and those it
    // opened, each a range of its own index in the queue's order over the running cases.
    index("support_cases_partner_running_idx")
      .on(t.partnerId, sql`coalesce(${t.responseDueAt}, 'infinity'::timestamptz)`, t.openedAt, t.number)
      .where(
        sql`${t.routedTo} = 'PARTNER' and ${t.firstRespondedAt} is null and ${t.status} in ('OPEN', 'WAITING_ON_CUSTOMER')`,
      ),
    index("support_cases_opener_running_idx")
      .on(t.openedByOrganisationId, sql`coalesce(${t.responseDueAt}, 'infinity'::timestamptz)`, t.openedAt, t.number)
      .where(sql`${t.firstRespondedAt} is null and ${t.status} in ('OPEN', 'WAITING_ON_CUSTOMER')`),
    // The escalation sweep's question: unanswered cases with an installer, by deadline.
    index("support_cases_partner_due_idx")
      .on(t.responseDueAt)
      .where(sql`${t.routedTo} = 'PARTNER' and ${t.firstRespondedAt} is null`),
  ],
);

/** Time spent waiting on the customer, as intervals (not a counter), so time used is always recomputable. */
export const supportCasePauses = pgTable(
  "support_case_pauses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => supportCases.id),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [index("support_case_pauses_case_idx").on(t.caseId, t.startedAt)],
);

export const supportCaseMessages = pgTable(
  "support_case_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => supportCases.id),
    /** Null for a note Trygg's monitoring wrote (a recovery). */
    authorUserId: uuid("author_user_id").references(() => users.id),
    side: messageSide("side").notNull(),
    /** Staff-only: vendor staff see all internal notes; the routed partner only its own side's and hand-over notes. */
    internal: boolean("internal").notNull().default(false),
    handover: boolean("handover").notNull().default(false),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("support_case_messages_case_idx").on(t.caseId, t.createdAt)],
);

export const supportCaseAttachments = pgTable(
  "support_case_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => supportCases.id),
    /** The message it came with; null for those sent when the case was opened. */
    messageId: uuid("message_id").references(() => supportCaseMessages.id),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("support_case_attachments_case_idx").on(t.caseId)],
);
