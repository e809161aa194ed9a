import { and, asc, eq, gte, inArray, lte, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { monitoringChecks, monitoringPings } from "../../db/schema/index.js";
import { groupBy } from "../../shared/group-by.js";
import { backupEvidenceOf, type BackupEvidence, type PausedStretch } from "./backup-evidence.js";
import { historyRows, historySince } from "./check-history.queries.js";
import { stateSpans } from "./check-uptime.js";

/** The backup checks of one property asked for between `from` and `to` (a visit's year). */
export interface EvidenceWindow {
  propertyId: string;
  from: Date;
  to: Date;
}

/**
 * The backup checks' evidence for each window, in the order asked; null where the property has no
 * backup check. Three statements however many windows (a page of visits): the checks, the pings of
 * every window, the flips from the earliest start. A pure read with no viewer: the caller (the
 * visit) has already decided who may see it.
 */
export async function backupEvidence(
  db: DbOrTx,
  windows: readonly EvidenceWindow[],
): Promise<(BackupEvidence | null)[]> {
  if (windows.length === 0) return [];
  const checks = await db
    .select()
    .from(monitoringChecks)
    .where(
      and(
        inArray(monitoringChecks.propertyId, [...new Set(windows.map((w) => w.propertyId))]),
        eq(monitoringChecks.kind, "BACKUP_JOB"),
      ),
    )
    .orderBy(asc(monitoringChecks.name), asc(monitoringChecks.id));
  if (checks.length === 0) return windows.map(() => null);
  const checksOf = (w: EvidenceWindow) => checks.filter((c) => c.propertyId === w.propertyId);
  const asked = windows.filter((w) => checksOf(w).length > 0);
  const earliest = new Date(Math.min(...asked.map((w) => +w.from)));
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
        or(
          ...asked.map((w) =>
            and(
              inArray(
                monitoringPings.checkId,
                checksOf(w).map((c) => c.id),
              ),
              gte(monitoringPings.receivedAt, w.from),
              lte(monitoringPings.receivedAt, w.to),
            ),
          ),
        ),
      ),
    historyRows(db, [...new Set(asked.flatMap((w) => checksOf(w).map((c) => c.id)))], earliest),
  ]);
  const rowsOf = groupBy(
    checks.map((c) => c.id),
    rows,
    (r) => r.checkId,
  );
  const rowsOfCheck = new Map(checks.map((c, i) => [c.id, rowsOf[i]!]));
  return windows.map(({ propertyId, from, to }) => {
    const own = checks.filter((c) => c.propertyId === propertyId);
    if (own.length === 0) return null;
    const paused: PausedStretch[] = own.flatMap(({ id: checkId }) => {
      const h = historySince(rowsOfCheck.get(checkId) ?? [], from);
      return stateSpans(h.stateBefore, h.flips, from, to)
        .filter((s) => s.state === "PAUSED")
        .map((s) => ({ checkId, from: s.from, to: s.to }));
    });
    return backupEvidenceOf(
      own.map((c) => ({
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
  });
}
