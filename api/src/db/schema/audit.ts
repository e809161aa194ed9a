import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Who did what to which object, when, and through which session or token. Written in the same
 * transaction as the change it describes, so a change without its row (or the reverse) cannot exist.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: uuid("object_id").notNull(),
    /** The organisation the object belongs to, so tenants can later read their own history. */
    organisationId: uuid("organisation_id"),
    actorUserId: uuid("actor_user_id"),
    actorSessionId: uuid("actor_session_id"),
    actorApiTokenId: uuid("actor_api_token_id"),
    requestId: text("request_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_events_object_idx").on(t.objectId, t.occurredAt),
    // The trail newest first, paged by keyset on (occurred_at, id) (decision 0088).
    index("audit_events_occurred_id_idx").on(t.occurredAt, t.id),
  ],
);
