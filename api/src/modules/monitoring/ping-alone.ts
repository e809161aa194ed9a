import { and, desc, eq, isNull, isNotNull } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { monitoringChecks, monitoringPings } from "../../db/schema/index.js";
import { backupAnomaly, BACKUP_HISTORY_RUNS } from "./backup-anomaly.js";
import { factsOf, storeStep, type CheckRow } from "./check-records.js";
import { applyCheckEvent, catchUp, type CheckEvent, type CheckState } from "./check-state.js";
import { followFlips } from "./check-incidents.js";
import { hashPingKey } from "./ping-key.js";

import type { PingInput } from "./ping-input.js";

/**
 * One ping on its own, inside the caller's transaction: what a group does for a check whose pings
 * need more than the quiet path (a run to pair, a backup to judge, an outage to open or close).
 */
export async function takePing(tx: Tx, input: PingInput, now: Date): Promise<{ state: CheckState } | null> {
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
}

/** How long the run took: from its start with the same run id, else from the start in progress. */
async function measuredDuration(tx: Tx, row: CheckRow, input: PingInput, now: Date) {
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
