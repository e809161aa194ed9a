import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { monitoringChecks, monitoringPings } from "../../db/schema/index.js";
import { isBelievableBackup } from "./backup-anomaly.js";

/** One finished run of a backup job, as its ending ping told it (a start ping is not a run). */
export interface BackupRun {
  pingId: string;
  checkId: string;
  checkName: string;
  customerId: string;
  propertyId: string;
  finishedAt: Date;
  durationMs: number | null;
  sizeBytes: number | null;
  /** A success ping judged too fast or too small (backup-anomaly.ts) is no success. */
  succeeded: boolean;
  /** Why it failed, as a code: the anomaly's (backup-anomaly.ts), or FAILED as the installation said. */
  failure: string | null;
  exitCode: number | null;
}

/**
 * The last finished runs of each of the customers' backup checks, newest first, at most `limit` a
 * check (each check's trend is its own), in one statement for a page of customers. Read from the
 * pings where they are kept, never copied: hosting's record of backups is the monitoring evidence itself.
 */
export async function backupRunsOfCustomers(
  db: DbOrTx,
  customerIds: readonly string[],
  limit: number,
): Promise<BackupRun[]> {
  if (customerIds.length === 0) return [];
  const ranked = db
    .select({
      pingId: sql<string>`${monitoringPings.id}`.as("ping_id"),
      checkId: sql<string>`${monitoringChecks.id}`.as("check_id"),
      checkName: sql<string>`${monitoringChecks.name}`.as("check_name"),
      customerId: monitoringChecks.customerId,
      propertyId: monitoringChecks.propertyId,
      finishedAt: sql<Date>`${monitoringPings.receivedAt}`.as("finished_at"),
      durationMs: monitoringPings.durationMs,
      sizeBytes: monitoringPings.sizeBytes,
      signal: monitoringPings.signal,
      exitCode: monitoringPings.exitCode,
      anomaly: monitoringPings.anomaly,
      rank: sql<number>`row_number() over (partition by ${monitoringChecks.id}
        order by ${monitoringPings.receivedAt} desc, ${monitoringPings.id} desc)`.as("rank"),
    })
    .from(monitoringPings)
    .innerJoin(monitoringChecks, eq(monitoringChecks.id, monitoringPings.checkId))
    .where(
      and(
        inArray(monitoringChecks.customerId, [...customerIds]),
        eq(monitoringChecks.kind, "BACKUP_JOB"),
        inArray(monitoringPings.signal, ["SUCCESS", "FAIL"]),
      ),
    )
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(desc(ranked.finishedAt), desc(ranked.pingId));
  return rows.map(({ signal, anomaly, rank: _rank, ...r }) => ({
    ...r,
    finishedAt: new Date(r.finishedAt),
    succeeded: isBelievableBackup({ signal, anomaly }),
    failure: anomaly ?? (signal === "FAIL" ? "FAILED" : null),
  }));
}
