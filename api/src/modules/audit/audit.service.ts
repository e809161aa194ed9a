import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditEvents } from "../../db/schema/index.js";
import { paginate, type ConnectionArgs } from "../../shared/connection.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { AUDITORS } from "./audit.roles.js";

/** The audit trail, newest first. Admins read all of it. */
export async function listAuditEvents(
  db: Db,
  viewer: Viewer,
  filter: { objectId?: string | null; actorUserId?: string | null; action?: string | null },
  page: ConnectionArgs,
) {
  requireRole(viewer, AUDITORS);
  const where = and(
    filter.objectId ? eq(auditEvents.objectId, filter.objectId) : undefined,
    filter.actorUserId ? eq(auditEvents.actorUserId, filter.actorUserId) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
  );
  return paginate(
    page,
    async () => db.$count(auditEvents, where),
    (offset, limit) =>
      db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id)).offset(offset).limit(limit),
    (row) => row,
  );
}

/**
 * The history of one agreement: its own events and those of its parts (accounts, rentals, add-ons),
 * newest first. Whoever may see the agreement may read it; the caller checks that first.
 */
export function agreementHistory(db: Db, agreementId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(or(eq(auditEvents.objectId, agreementId), sql`${auditEvents.details}->>'agreementId' = ${agreementId}`))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(200);
}
