import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "./parties.js";

/**
 * What a partner's system can be told of (issue 22), sent as `type` in dotted lower case
 * (`agreement.status_changed`); TEST is only ever sent by "send a test event". A new kind is a new value
 * here and a row in modules/webhooks/webhook-event-types.ts.
 */
export const webhookEventType = pgEnum("webhook_event_type", [
  "AGREEMENT_STATUS_CHANGED",
  "CASE_ROUTED",
  "CASE_UPDATED",
  "VISIT_BOOKED",
  "VISIT_COMPLETED",
  "INCIDENT_OPENED",
  "INCIDENT_CLOSED",
  "TEST",
]);

/** PENDING until the receiver answered 2xx (SUCCEEDED) or every attempt failed (FAILED; "send again" revives it). */
export const webhookDeliveryState = pgEnum("webhook_delivery_state", ["PENDING", "SUCCEEDED", "FAILED"]);

/** A partner's HTTPS endpoint and the events it wants. The secret signs; it is shown once and can be rotated. */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    eventTypes: webhookEventType("event_types").array().notNull(),
    /** `whsec_<base64>`: kept readable because every delivery is signed with it (decision 0064). */
    secret: text("secret").notNull(),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    secretRotatedAt: timestamp("secret_rotated_at", { withTimezone: true }),
    /** The first failed attempt since the last success; failing for WEBHOOK_DISABLE_AFTER_HOURS disables. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    disabledReason: text("disabled_reason"),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("webhook_endpoints_organisation_idx").on(t.organisationId)],
);

/** One change a partner may hear of, written in the transaction of the change itself. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The partner whose customer, agreement or case the event is about: the only one it is sent to. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    type: webhookEventType("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_events_organisation_idx").on(t.organisationId, t.occurredAt)],
);

/** One event for one endpoint: claimed with FOR UPDATE SKIP LOCKED, so exactly one process sends it at a time. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => webhookEvents.id),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id),
    state: webhookDeliveryState("state").notNull().default("PENDING"),
    /** Every claim counts one; an outcome is written only if the count is still the claimer's. */
    attempts: integer("attempts").notNull().default(0),
    /** `attempts` when the current round began ("send again" starts a new one with the full back-off schedule). */
    roundStartedAt: integer("round_started_at").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_endpoint_key").on(t.eventId, t.endpointId),
    index("webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.state} = 'PENDING'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    check("webhook_deliveries_attempts", sql`${t.attempts} >= ${t.roundStartedAt}`),
  ],
);

/** The delivery log: one row per HTTP attempt, with the receiver's answer (its body capped). */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
    /** Null when no HTTP answer came (refused address, timeout, connection error). */
    statusCode: integer("status_code"),
    responseBody: text("response_body"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attemptedAt)],
);
