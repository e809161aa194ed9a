import { and, desc, eq, isNull, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { monitoringChecks, monitoringPings } from "../../db/schema/index.js";
import { backupAnomaly, BACKUP_HISTORY_RUNS } from "./backup-anomaly.js";
import { factsOf, storeStep, type CheckRow } from "./check-records.js";
import { applyCheckEvent, catchUp, type CheckEvent, type CheckState } from "./check-state.js";
import { followFlips } from "./check-incidents.js";
import { hashPingKey } from "./ping-key.js";

export interface PingInput {
  key: string;
  signal: "SUCCESS" | "START" | "FAIL";
  exitCode: number | null;
  runId: string | null;
  durationMs: number | null;
  sizeBytes: number | null;
  body: string | null;
  remoteAddress: string | null;
}

/**
 * Takes one signal from an installation: the check's row is locked (so the sweeper, which skips
 * locked rows, and a second ping wait their turn), the deadlines that passed before the ping are
 * applied first so an outage is dated right even if no sweeper has run, then the ping itself; the
 * ping row, the check's facts, any flips and incidents are written in one transaction. Null for a
 * key no check has: nothing is stored.
 */
export async function receivePing(db: Db, input: PingInput, now: Date): Promise<{ state: CheckState } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(monitoringChecks)
      .where(eq(monitoringChecks.pingKeyHash, hashPingKey(input.key)))
      .for("update");
    if (!row) return null;
    const durationMs = input.durationMs ?? (await measuredDuration(tx, row, input, now));
    let anomaly: string | null = null;
    let event: CheckEvent =
      input.signal === "FAIL" ? { type: "FAIL", at: now, reason: "FAILED" } : { type: input.signal, at: now };
    if (row.kind === "BACKUP_JOB" && input.signal === "SUCCESS") {
      const history = await tx
        .select({ durationMs: monitoringPings.durationMs, sizeBytes: monitoringPings.sizeBytes })
        .from(monitoringPings)
        .where(
          and(
            eq(monitoringPings.checkId, row.id),
            eq(monitoringPings.signal, "SUCCESS"),
            isNull(monitoringPings.anomaly),
            isNotNull(monitoringPings.sizeBytes),
            isNotNull(monitoringPings.durationMs),
          ),
        )
        .orderBy(desc(monitoringPings.receivedAt))
        .limit(BACKUP_HISTORY_RUNS);
      const found = backupAnomaly(
        { durationMs, sizeBytes: input.sizeBytes },
        history.map((h) => ({ durationMs: h.durationMs!, sizeBytes: h.sizeBytes! })),
      );
      if (found) {
        anomaly = found;
        event = { type: "FAIL", at: now, reason: "BACKUP_ANOMALY" };
      }
    }
    await tx.insert(monitoringPings).values({
      checkId: row.id,
      receivedAt: now,
      signal: input.signal,
      exitCode: input.exitCode,
      runId: input.runId,
      durationMs,
      sizeBytes: input.sizeBytes,
      body: input.body,
      anomaly,
      remoteAddress: input.remoteAddress,
    });
    const caught = catchUp(factsOf(row), now);
    const step = applyCheckEvent(caught.facts, event);
    const stored = await storeStep(tx, row, { facts: step.facts, flips: [...caught.flips, ...step.flips] }, now, {
      lastPingAt: now,
    });
    await followFlips(tx, stored.row, stored.flips, anomaly);
    return { state: stored.row.state };
  });
}

/** How long the run took: from its start with the same run id, else from the start in progress. */
async function measuredDuration(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  row: CheckRow,
  input: PingInput,
  now: Date,
) {
  if (input.signal === "START") return null;
  if (input.runId) {
    const [start] = await tx
      .select({ receivedAt: monitoringPings.receivedAt })
      .from(monitoringPings)
      .where(
        and(
          eq(monitoringPings.checkId, row.id),
          eq(monitoringPings.runId, input.runId),
          eq(monitoringPings.signal, "START"),
        ),
      )
      .orderBy(desc(monitoringPings.receivedAt))
      .limit(1);
    return start ? now.getTime() - start.receivedAt.getTime() : null;
  }
  return row.startedAt ? now.getTime() - row.startedAt.getTime() : null;
}
