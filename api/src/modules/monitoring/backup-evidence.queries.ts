import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { monitoringChecks, monitoringPings } from "../../db/schema/index.js";
import { backupEvidenceOf, type BackupEvidence, type PausedStretch } from "./backup-evidence.js";
import { historyOf, historyRows } from "./check-history.queries.js";
import { stateSpans } from "./check-uptime.js";

/**
 * The backup checks' evidence for the properties between `from` and `to`; null when none of them has
 * a backup check. A pure read with no viewer: the caller (the visit) has already decided who may see it.
 */
export async function backupEvidence(
  db: DbOrTx,
  propertyIds: readonly string[],
  from: Date,
  to: Date,
): Promise<BackupEvidence | null> {
  if (propertyIds.length === 0) return null;
  const checks = await db
    .select()
    .from(monitoringChecks)
    .where(and(inArray(monitoringChecks.propertyId, [...propertyIds]), eq(monitoringChecks.kind, "BACKUP_JOB")))
    .orderBy(asc(monitoringChecks.name), asc(monitoringChecks.id));
  if (checks.length === 0) return null;
  const ids = checks.map((c) => c.id);
  const [pings, rows] = await Promise.all([
    // A year of one nightly backup is ~730 rows per check (start and end): read by the (check, time) index.
    db
      .select({
        checkId: monitoringPings.checkId,
        receivedAt: monitoringPings.receivedAt,
        signal: monitoringPings.signal,
        sizeBytes: monitoringPings.sizeBytes,
        anomaly: monitoringPings.anomaly,
      })
      .from(monitoringPings)
      .where(
        and(
          inArray(monitoringPings.checkId, ids),
          gte(monitoringPings.receivedAt, from),
          lte(monitoringPings.receivedAt, to),
        ),
      ),
    historyRows(db, ids, from),
  ]);
  const paused: PausedStretch[] = ids.flatMap((checkId) => {
    const h = historyOf(rows.filter((r) => r.checkId === checkId));
    return stateSpans(h.stateBefore, h.flips, from, to)
      .filter((s) => s.state === "PAUSED")
      .map((s) => ({ checkId, from: s.from, to: s.to }));
  });
  return backupEvidenceOf(
    checks.map((c) => ({
      id: c.id,
      name: c.name,
      // A backup check always has its cron expression (the table's check constraint).
      cronExpression: c.cronExpression!,
      timeZone: c.timeZone,
      graceSeconds: c.graceSeconds,
      runGraceSeconds: c.runGraceSeconds,
      createdAt: c.createdAt,
    })),
    pings,
    paused,
    from,
    to,
  );
}
