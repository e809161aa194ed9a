import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { monitoringChecks, monitoringFlips, monitoringIncidents, monitoringPings } from "../../db/schema/index.js";
import { paginate, type PageRequest } from "../../shared/connection.js";
import type { Viewer } from "../../shared/viewer.js";
import type { CheckRow } from "./check-records.js";
import { checkScope } from "./check.service.js";

export type PingRow = Omit<typeof monitoringPings.$inferSelect, "remoteAddress">;
export type FlipRow = typeof monitoringFlips.$inferSelect;
export type IncidentRow = typeof monitoringIncidents.$inferSelect;

/** Checks of many properties or agreements at once, in the viewer's scope (the loaders' query). */
function checksWhere(db: DbOrTx, viewer: Viewer | null, where: SQL): Promise<CheckRow[]> {
  if (!viewer) return Promise.resolve([]);
  return db
    .select()
    .from(monitoringChecks)
    .where(and(where, checkScope(viewer)))
    .orderBy(asc(monitoringChecks.name), asc(monitoringChecks.id));
}

export const checksOfProperties = (db: DbOrTx, viewer: Viewer | null, ids: readonly string[]) =>
  checksWhere(db, viewer, inArray(monitoringChecks.propertyId, [...ids]));
export const checksOfAgreements = (db: DbOrTx, viewer: Viewer | null, ids: readonly string[]) =>
  checksWhere(db, viewer, inArray(monitoringChecks.agreementId, [...ids]));

/** The check's pings, newest first. The sender's address is kept for abuse, not shown. */
export function pingsOf(db: DbOrTx, checkId: string, page: PageRequest) {
  const where = eq(monitoringPings.checkId, checkId);
  return paginate(
    page,
    async () => (await db.select({ n: count() }).from(monitoringPings).where(where))[0]!.n,
    (offset, limit) =>
      db
        .select({
          id: monitoringPings.id,
          checkId: monitoringPings.checkId,
          receivedAt: monitoringPings.receivedAt,
          signal: monitoringPings.signal,
          exitCode: monitoringPings.exitCode,
          runId: monitoringPings.runId,
          durationMs: monitoringPings.durationMs,
          sizeBytes: monitoringPings.sizeBytes,
          body: monitoringPings.body,
          anomaly: monitoringPings.anomaly,
        })
        .from(monitoringPings)
        .where(where)
        .orderBy(desc(monitoringPings.receivedAt), desc(monitoringPings.id))
        .offset(offset)
        .limit(limit),
    (r): PingRow => r,
  );
}

/** The check's flips, newest first: its timeline. */
export function flipsOf(db: DbOrTx, checkId: string, page: PageRequest) {
  const where = eq(monitoringFlips.checkId, checkId);
  return paginate(
    page,
    async () => (await db.select({ n: count() }).from(monitoringFlips).where(where))[0]!.n,
    (offset, limit) =>
      db
        .select()
        .from(monitoringFlips)
        .where(where)
        .orderBy(desc(monitoringFlips.happenedAt), desc(monitoringFlips.id))
        .offset(offset)
        .limit(limit),
    (r): FlipRow => r,
  );
}

export function incidentsOf(db: DbOrTx, checkId: string): Promise<IncidentRow[]> {
  return db
    .select()
    .from(monitoringIncidents)
    .where(eq(monitoringIncidents.checkId, checkId))
    .orderBy(desc(monitoringIncidents.startedAt));
}

/** Support's board: every check that is DOWN, LATE or PAUSED, the worst first, across customers. */
export function boardChecks(db: DbOrTx, page: PageRequest) {
  const where = inArray(monitoringChecks.state, ["DOWN", "LATE", "PAUSED"]);
  return paginate(
    page,
    async () => (await db.select({ n: count() }).from(monitoringChecks).where(where))[0]!.n,
    (offset, limit) =>
      db
        .select()
        .from(monitoringChecks)
        .where(where)
        // DOWN before LATE before PAUSED: the enum's order is not the urgency.
        .orderBy(
          sql`case ${monitoringChecks.state} when 'DOWN' then 0 when 'LATE' then 1 else 2 end`,
          asc(monitoringChecks.updatedAt),
          asc(monitoringChecks.id),
        )
        .offset(offset)
        .limit(limit),
    (r): CheckRow => r,
  );
}
