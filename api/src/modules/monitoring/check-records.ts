import type { Tx } from "../../db/client.js";
import { monitoringChecks, monitoringFlips } from "../../db/schema/index.js";
import { DEFAULT_TIME_ZONE, type CheckSchedule } from "./check-schedule.js";
import type { CheckFacts, CheckStep, Flip } from "./check-state.js";
import { eq } from "drizzle-orm";

export type CheckRow = typeof monitoringChecks.$inferSelect;
export type CheckKind = CheckRow["kind"];

function scheduleOf(row: Pick<CheckRow, "periodSeconds" | "cronExpression" | "timeZone">): CheckSchedule {
  return row.cronExpression
    ? { kind: "CRON", expression: row.cronExpression, timeZone: row.timeZone || DEFAULT_TIME_ZONE }
    : { kind: "PERIOD", periodSeconds: row.periodSeconds! };
}

/** The columns of a check the state machine reads (factsOf): all a quiet ping needs besides id and kind. */
export type FactsColumns =
  | "state"
  | "periodSeconds"
  | "cronExpression"
  | "timeZone"
  | "graceSeconds"
  | "runGraceSeconds"
  | "failureThreshold"
  | "successThreshold"
  | "failureStreak"
  | "successStreak"
  | "expectedAt"
  | "startedAt"
  | "alertAfter";

/** The state machine's view of a stored check. */
export function factsOf(row: Pick<CheckRow, FactsColumns>): CheckFacts {
  return {
    state: row.state,
    schedule: scheduleOf(row),
    graceSeconds: row.graceSeconds,
    runGraceSeconds: row.runGraceSeconds,
    failureThreshold: row.failureThreshold,
    successThreshold: row.successThreshold,
    failureStreak: row.failureStreak,
    successStreak: row.successStreak,
    expectedAt: row.expectedAt,
    startedAt: row.startedAt,
    alertAfter: row.alertAfter,
  };
}

/**
 * Stores a step of the state machine: the check's new facts and each flip. The flips' unique key
 * (check, moment, new state) makes a flip written twice impossible even if two writers raced past
 * the row lock; the returned list holds only the flips this call wrote.
 */
export async function storeStep(
  tx: Tx,
  row: CheckRow,
  step: CheckStep,
  now: Date,
  extra: Partial<Pick<CheckRow, "lastPingAt" | "pauseCause">> = {},
): Promise<{ row: CheckRow; flips: Flip[] }> {
  const f = step.facts;
  const [updated] = await tx
    .update(monitoringChecks)
    .set({
      state: f.state,
      failureStreak: f.failureStreak,
      successStreak: f.successStreak,
      expectedAt: f.expectedAt,
      startedAt: f.startedAt,
      alertAfter: f.alertAfter,
      updatedAt: now,
      ...extra,
    })
    .where(eq(monitoringChecks.id, row.id))
    .returning();
  if (step.flips.length === 0) return { row: updated!, flips: [] };
  const written = await tx
    .insert(monitoringFlips)
    .values(
      step.flips.map((flip) => ({
        checkId: row.id,
        fromState: flip.from,
        toState: flip.to,
        happenedAt: flip.at,
        reason: flip.reason,
        recordedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning();
  const kept = new Set(written.map((w) => `${w.toState}@${w.happenedAt.getTime()}`));
  return { row: updated!, flips: step.flips.filter((flip) => kept.has(`${flip.to}@${flip.at.getTime()}`)) };
}
