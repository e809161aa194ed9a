import { and, desc, eq, getTableColumns, inArray, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { auditEvents } from "../../db/schema/index.js";

export type AuditEventRow = typeof auditEvents.$inferSelect;
import { boundedCount } from "../../shared/bounded-count.js";
import { paginateKeyset, type KeyValue, type PageRequest } from "../../shared/connection.js";
import { keysetOrder } from "../../shared/keyset-order.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { AUDITORS } from "./audit.roles.js";

export interface AuditFilter {
  objectId?: string | null;
  actorUserId?: string | null;
  action?: string | null;
  objectType?: string | null;
  occurredFrom?: string | null;
  occurredTo?: string | null;
}

// The days an admin picks are Swedish days, whatever the server's zone.
const swedishDay = sql`(${auditEvents.occurredAt} at time zone 'Europe/Stockholm')::date`;

/** The audit trail, newest first. Admins read all of it. */
export async function listAuditEvents(db: Db, viewer: Viewer, filter: AuditFilter, page: PageRequest) {
  requireRole(viewer, AUDITORS);
  const where = and(
    filter.objectId ? eq(auditEvents.objectId, filter.objectId) : undefined,
    filter.actorUserId ? eq(auditEvents.actorUserId, filter.actorUserId) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.objectType ? eq(auditEvents.objectType, filter.objectType) : undefined,
    filter.occurredFrom ? sql`${swedishDay} >= ${filter.occurredFrom}::date` : undefined,
    filter.occurredTo ? sql`${swedishDay} <= ${filter.occurredTo}::date` : undefined,
  );
  return paginateKeyset(
    page,
    NEWEST_FIRST.sortKey,
    () => boundedCount(db, auditEvents, where),
    async (window) => ({
      rows: await db
        .select({ ...getTableColumns(auditEvents), cursorKey: NEWEST_FIRST.cursorKey })
        .from(auditEvents)
        .where(and(where, NEWEST_FIRST.within(window)))
        .orderBy(...NEWEST_FIRST.orderBy(window))
        .limit(window.limit),
      totalCount: null,
      bounded: true,
    }),
    ({ cursorKey: _key, ...row }) => row,
  );
}

/** Newest first, by the index on (occurred_at, id) read backwards: ties on the moment keep the id's order. */
const NEWEST_FIRST = keysetOrder<AuditEventRow & { cursorKey: KeyValue[] }>(
  [
    { sql: auditEvents.occurredAt, part: "timestamp" },
    { sql: auditEvents.id, part: "uuid" },
  ],
  "desc",
);

/** How many events an agreement's history shows, newest first. */
const HISTORY_LIMIT = 200;

/**
 * The histories of agreements: each one's own events and those of its parts (accounts, rentals,
 * add-ons), newest first, up to HISTORY_LIMIT each. One query for all of them. Whoever may see an
 * agreement may read its history; the caller checks that first.
 */
export async function agreementHistories(db: DbOrTx, agreementIds: readonly string[]): Promise<AuditEventRow[][]> {
  if (agreementIds.length === 0) return [];
  const ids = [...agreementIds];
  const rows = await db
    .select()
    .from(auditEvents)
    .where(or(inArray(auditEvents.objectId, ids), inArray(sql<string>`${auditEvents.details}->>'agreementId'`, ids)))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id));
  return ids.map((id) =>
    rows.filter((r) => r.objectId === id || r.details["agreementId"] === id).slice(0, HISTORY_LIMIT),
  );
}
