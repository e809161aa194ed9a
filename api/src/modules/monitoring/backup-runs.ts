import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { monitoringChecks, monitoringPings } from "../../db/schema/index.js";

/** One finished run of a backup job, as its ending ping told it (a start ping is not a run). */
export interface BackupRun {
  pingId: string;
  checkId: string;
  checkName: string;
  propertyId: string;
  finishedAt: Date;
  durationMs: number | null;
  sizeBytes: number | null;
  /** A success ping judged too fast or too small (backup-anomaly.ts) is no success. */
  succeeded: boolean;
  /** Why it failed, in words, when the installation or the anomaly rule said. */
  failure: string | null;
}

/**
 * The last finished runs of a customer's backup checks, newest first. Read from the pings where they
 * are kept, never copied: hosting's record of backups is the monitoring evidence itself.
 */
export async function backupRunsOfCustomer(db: DbOrTx, customerId: string, limit: number): Promise<BackupRun[]> {
  const rows = await db
    .select({
      pingId: monitoringPings.id,
      checkId: monitoringChecks.id,
      checkName: monitoringChecks.name,
      propertyId: monitoringChecks.propertyId,
      finishedAt: monitoringPings.receivedAt,
      durationMs: monitoringPings.durationMs,
      sizeBytes: monitoringPings.sizeBytes,
      signal: monitoringPings.signal,
      exitCode: monitoringPings.exitCode,
      anomaly: monitoringPings.anomaly,
    })
    .from(monitoringPings)
    .innerJoin(monitoringChecks, eq(monitoringChecks.id, monitoringPings.checkId))
    .where(
      and(
        eq(monitoringChecks.customerId, customerId),
        eq(monitoringChecks.kind, "BACKUP_JOB"),
        inArray(monitoringPings.signal, ["SUCCESS", "FAIL"]),
      ),
    )
    .orderBy(desc(monitoringPings.receivedAt), desc(monitoringPings.id))
    .limit(limit);
  return rows.map(({ signal, exitCode, anomaly, ...r }) => ({
    ...r,
    succeeded: signal === "SUCCESS" && !anomaly,
    failure: anomaly ?? (signal === "FAIL" ? (exitCode ? `exit code ${exitCode}` : "failed") : null),
  }));
}
