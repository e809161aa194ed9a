import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agreements } from "./agreements.js";
import { organisations, properties, users } from "./parties.js";
import { supportCases } from "./support.js";

export const monitoringCheckKind = pgEnum("monitoring_check_kind", ["HEARTBEAT", "SCHEDULED_JOB", "BACKUP_JOB"]);
export const monitoringCheckState = pgEnum("monitoring_check_state", ["NEW", "UP", "LATE", "DOWN", "PAUSED"]);
export const monitoringSignal = pgEnum("monitoring_signal", ["SUCCESS", "START", "FAIL"]);
/** Why a check is paused: the add-on or agreement ending (lifted by the same reconciliation) or a person's choice. */
export const monitoringPauseCause = pgEnum("monitoring_pause_cause", ["NOT_COVERED", "BY_USER"]);
/** A failed or missing backup is an incident of its own kind: the brochure promises "tydliga backup-rutiner". */
export const monitoringIncidentKind = pgEnum("monitoring_incident_kind", ["OUTAGE", "BACKUP"]);

/**
 * One thing an installation reports on: a heartbeat (period + grace) or a job on a cron schedule in
 * its own time zone. Belongs to a property and to the agreement whose MONITORING or HOSTING add-on
 * pays for it. The state facts are those of check-state.ts, stored so the sweeper finds due checks by
 * the indexed `alert_after` alone.
 */
export const monitoringChecks = pgTable(
  "monitoring_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid("property_id")
      .notNull()
      .references(() => properties.id),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    kind: monitoringCheckKind("kind").notNull(),
    name: text("name").notNull(),
    /** Set on the checks an add-on provisions (e.g. MULTI_ACCESS_SERVER), so reconciling them is idempotent. */
    template: text("template"),
    periodSeconds: integer("period_seconds"),
    cronExpression: text("cron_expression"),
    timeZone: text("time_zone").notNull().default("Europe/Stockholm"),
    graceSeconds: integer("grace_seconds").notNull(),
    runGraceSeconds: integer("run_grace_seconds").notNull(),
    failureThreshold: smallint("failure_threshold").notNull(),
    successThreshold: smallint("success_threshold").notNull(),
    state: monitoringCheckState("state").notNull().default("NEW"),
    pauseCause: monitoringPauseCause("pause_cause"),
    failureStreak: integer("failure_streak").notNull().default(0),
    successStreak: integer("success_streak").notNull().default(0),
    expectedAt: timestamp("expected_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    alertAfter: timestamp("alert_after", { withTimezone: true }),
    lastPingAt: timestamp("last_ping_at", { withTimezone: true }),
    /**
     * Set when the check went DOWN inside a maintenance window: the incident is held, and the sweeper
     * opens it when the window ends if the check is still down (maintenance-release.ts).
     */
    incidentHeldSince: timestamp("incident_held_since", { withTimezone: true }),
    /** The ping key's first characters, to tell keys apart; the key is shown once and only its hash kept. */
    pingKeyPrefix: text("ping_key_prefix").notNull(),
    pingKeyHash: text("ping_key_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("monitoring_checks_ping_key_hash_key").on(t.pingKeyHash),
    // The sweeper's one query: due checks by deadline; checks without one are not in the index at all.
    index("monitoring_checks_alert_after_idx")
      .on(t.alertAfter)
      .where(sql`${t.alertAfter} is not null`),
    // The sweeper's second query: checks whose incident waits for a maintenance window to end.
    index("monitoring_checks_incident_held_idx")
      .on(t.incidentHeldSince)
      .where(sql`${t.incidentHeldSince} is not null`),
    index("monitoring_checks_agreement_idx").on(t.agreementId),
    index("monitoring_checks_customer_idx").on(t.customerId),
    // Also the index of a property's checks (its leading column): a separate one on property_id was
    // one more entry for every ping to write (a ping's update is not HOT; decision 0127).
    uniqueIndex("monitoring_checks_template_key").on(t.propertyId, t.template),
    check(
      "monitoring_checks_schedule",
      sql`(${t.kind} = 'HEARTBEAT' and ${t.periodSeconds} is not null and ${t.cronExpression} is null) or (${t.kind} <> 'HEARTBEAT' and ${t.cronExpression} is not null and ${t.periodSeconds} is null)`,
    ),
    check(
      "monitoring_checks_thresholds",
      sql`${t.failureThreshold} between 1 and 10 and ${t.successThreshold} between 1 and 10`,
    ),
    check("monitoring_checks_graces", sql`${t.graceSeconds} >= 0 and ${t.runGraceSeconds} > 0`),
  ],
);

/** Every signal an installation sent: evidence on a case, the backups' history. Pruned by age (operations.md). */
export const monitoringPings = pgTable(
  "monitoring_pings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    checkId: uuid("check_id")
      .notNull()
      .references(() => monitoringChecks.id),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    signal: monitoringSignal("signal").notNull(),
    exitCode: smallint("exit_code"),
    /** The run id that pairs a start with its end (`?rid=`). */
    runId: text("run_id"),
    durationMs: bigint("duration_ms", { mode: "number" }),
    sizeBytes: bigint("size_bytes", { mode: "number" }),
    /** A log excerpt the installation sent, at most 10 KB. */
    body: text("body"),
    /** Set when a backup's success was judged a failure: the code saying why (backup-anomaly.ts). */
    anomaly: text("anomaly"),
    remoteAddress: text("remote_address"),
  },
  (t) => [
    index("monitoring_pings_check_idx").on(t.checkId, t.receivedAt),
    check("monitoring_pings_exit_code", sql`${t.exitCode} between 0 and 255`),
    check("monitoring_pings_figures", sql`${t.durationMs} >= 0 and ${t.sizeBytes} >= 0`),
  ],
);

/** Each change of a check's state, with the moment it really happened; written once (the unique key). */
export const monitoringFlips = pgTable(
  "monitoring_flips",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    checkId: uuid("check_id")
      .notNull()
      .references(() => monitoringChecks.id),
    fromState: monitoringCheckState("from_state").notNull(),
    toState: monitoringCheckState("to_state").notNull(),
    happenedAt: timestamp("happened_at", { withTimezone: true }).notNull(),
    reason: text("reason"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("monitoring_flips_once_key").on(t.checkId, t.happenedAt, t.toState)],
);

/** An outage of one check, from its DOWN flip to its recovery, and the support case it opened. */
export const monitoringIncidents = pgTable(
  "monitoring_incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    checkId: uuid("check_id")
      .notNull()
      .references(() => monitoringChecks.id),
    kind: monitoringIncidentKind("kind").notNull(),
    reason: text("reason"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    supportCaseId: uuid("support_case_id").references(() => supportCases.id),
  },
  (t) => [
    // One open incident per check: a second DOWN flip for the same outage cannot open another.
    uniqueIndex("monitoring_incidents_open_key")
      .on(t.checkId)
      .where(sql`${t.resolvedAt} is null`),
    index("monitoring_incidents_check_idx").on(t.checkId, t.startedAt),
    // The incident mailer's look-back over recently resolved incidents (incident-mailer.ts).
    index("monitoring_incidents_resolved_idx")
      .on(t.resolvedAt)
      .where(sql`${t.resolvedAt} is not null`),
  ],
);

/** The mails an incident has caused: the first after the grouping wait, each reminder, the one on recovery. */
export const monitoringIncidentMailOccasion = pgEnum("monitoring_incident_mail_occasion", [
  "STARTED",
  "REMINDER",
  "RECOVERED",
]);

/**
 * One row per mail occasion of an incident, written in the transaction that queues its e-mails: the unique key is what
 * makes each occasion mailed once, however many processes sweep.
 */
export const monitoringIncidentMails = pgTable(
  "monitoring_incident_mails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => monitoringIncidents.id),
    occasion: monitoringIncidentMailOccasion("occasion").notNull(),
    /** 0 for STARTED and RECOVERED; the reminder's number (1, 2, …) for REMINDER. */
    sequence: smallint("sequence").notNull().default(0),
    /** How many people were mailed (those who opted out are not counted). */
    recipients: integer("recipients").notNull(),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("monitoring_incident_mails_once_key").on(t.incidentId, t.occasion, t.sequence)],
);

/**
 * Planned maintenance of a property's installation (check_id null) or of one check: one-off (starts_at
 * to ends_at) or recurring (a cron expression read in time_zone, each run lasting duration_seconds,
 * from starts_at until ends_at if set). Ending early sets ended_at, which cuts everything after it;
 * the row stays as the record of what was planned and why.
 */
export const monitoringMaintenanceWindows = pgTable(
  "monitoring_maintenance_windows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid("property_id")
      .notNull()
      .references(() => properties.id),
    checkId: uuid("check_id").references(() => monitoringChecks.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    cronExpression: text("cron_expression"),
    durationSeconds: integer("duration_seconds"),
    timeZone: text("time_zone").notNull().default("Europe/Stockholm"),
    reason: text("reason").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedByUserId: uuid("ended_by_user_id").references(() => users.id),
  },
  (t) => [
    index("monitoring_maintenance_windows_property_idx").on(t.propertyId, t.startsAt),
    index("monitoring_maintenance_windows_check_idx").on(t.checkId),
    check(
      "monitoring_maintenance_windows_shape",
      sql`(${t.cronExpression} is null and ${t.durationSeconds} is null and ${t.endsAt} is not null) or (${t.cronExpression} is not null and ${t.durationSeconds} is not null)`,
    ),
    check("monitoring_maintenance_windows_order", sql`${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * Ping counters (rate-limiter-flexible's drizzle store, like the log-in counters), so a flood from one
 * key or one address is refused by every API process alike.
 */
export const monitoringPingCounters = pgTable("monitoring_ping_counters", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});
