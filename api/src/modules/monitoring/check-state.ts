import { nextExpected, type CheckSchedule } from "./check-schedule.js";

/**
 * What a check knows of its installation: NEW until the first signal, UP while signals come on
 * time, LATE once one is overdue or failed short of the failure threshold, DOWN from the threshold
 * until as many successes in a row as the success threshold, PAUSED while nobody pays for watching
 * (or someone chose to stop). Only a flip into DOWN is an incident.
 */
export type CheckState = "NEW" | "UP" | "LATE" | "DOWN" | "PAUSED";

/** Why a check failed: each reason reads differently on the case, and a backup's is its own incident kind. */
type FailureReason = "MISSED" | "FAILED" | "NEVER_FINISHED" | "BACKUP_ANOMALY";

export interface CheckFacts {
  state: CheckState;
  schedule: CheckSchedule;
  /** How long after the expected moment a signal still counts as on time. */
  graceSeconds: number;
  /** How long a started run may take before it counts as "started but never finished" (healthchecks #910). */
  runGraceSeconds: number;
  failureThreshold: number;
  successThreshold: number;
  /** Failures in a row while not DOWN; successes in a row while DOWN. */
  failureStreak: number;
  successStreak: number;
  /** The moment a signal is next expected; the deadline is this plus grace. */
  expectedAt: Date | null;
  /** The start signal of the run in progress, if one is. */
  startedAt: Date | null;
  /** The stored, indexed moment the sweeper must look at this check again; null when only a signal can change it. */
  alertAfter: Date | null;
}

export type CheckEvent =
  | { type: "SUCCESS"; at: Date }
  | { type: "FAIL"; at: Date; reason: Exclude<FailureReason, "MISSED" | "NEVER_FINISHED"> }
  | { type: "START"; at: Date }
  /** The clock reached the stored alertAfter; `at` is that deadline, the moment things really happened. */
  | { type: "DEADLINE"; at: Date }
  | { type: "PAUSE"; at: Date }
  | { type: "RESUME"; at: Date };

export interface Flip {
  from: CheckState;
  to: CheckState;
  at: Date;
  /** Set on a flip to LATE or DOWN that a failure caused. */
  reason: FailureReason | null;
}

export interface CheckStep {
  facts: CheckFacts;
  flips: Flip[];
}

const SECOND = 1000;

type Change = Partial<Pick<CheckFacts, "state" | "failureStreak" | "successStreak" | "expectedAt" | "startedAt">>;

/** The facts after a change, with the deadline they imply, and the flip if the state changed. */
function settle(facts: CheckFacts, change: Change, at: Date, reason: FailureReason | null): CheckStep {
  const next = { ...facts, ...change };
  next.alertAfter = deadline(next);
  const flips = next.state === facts.state ? [] : [{ from: facts.state, to: next.state, at, reason }];
  return { facts: next, flips };
}

/**
 * When the sweeper must look again: a run in progress must end within its run grace; otherwise an UP check
 * turns LATE at the expected moment; a LATE one (or a DOWN one part-way back) is judged after the
 * grace. NEW, PAUSED and a DOWN check not recovering wait for a signal.
 */
function deadline(f: CheckFacts): Date | null {
  if (f.state === "PAUSED") return null;
  // A started run has answered the schedule; what is left to judge is whether it ends in time.
  if (f.startedAt) return new Date(+f.startedAt + f.runGraceSeconds * SECOND);
  if (!f.expectedAt) return null;
  if (f.state === "UP") return f.expectedAt;
  if (f.state === "LATE" || (f.state === "DOWN" && f.successStreak > 0))
    return new Date(+f.expectedAt + f.graceSeconds * SECOND);
  return null;
}

function failure(facts: CheckFacts, at: Date, reason: FailureReason, expectedAt: Date | null): CheckStep {
  // Already DOWN: a further failure is part of the same incident and only breaks a recovery under way.
  if (facts.state === "DOWN") return settle(facts, { successStreak: 0, startedAt: null, expectedAt }, at, reason);
  const failureStreak = facts.failureStreak + 1;
  const state: CheckState = failureStreak >= facts.failureThreshold ? "DOWN" : "LATE";
  return settle(facts, { state, failureStreak, successStreak: 0, expectedAt, startedAt: null }, at, reason);
}

function success(facts: CheckFacts, at: Date): CheckStep {
  const expectedAt = nextExpected(facts.schedule, at);
  if (facts.state === "DOWN") {
    // Hysteresis: a flapping check stays one incident until it has succeeded successThreshold times in a row.
    const successStreak = facts.successStreak + 1;
    const back = successStreak >= facts.successThreshold;
    return settle(
      facts,
      {
        state: back ? "UP" : "DOWN",
        failureStreak: 0,
        successStreak: back ? 0 : successStreak,
        expectedAt,
        startedAt: null,
      },
      at,
      null,
    );
  }
  return settle(facts, { state: "UP", failureStreak: 0, successStreak: 0, expectedAt, startedAt: null }, at, null);
}

/**
 * The same check under settings a person changed (schedule, graces, thresholds): an UP check's next
 * expected signal is re-derived from its last one by the new schedule, and the deadline from the new
 * graces, but never before `now`, so an edit never dates a flip before itself. The state stays.
 */
export function resettle(facts: CheckFacts, lastSignalAt: Date | null, now: Date): CheckFacts {
  const next = { ...facts };
  if (facts.state === "UP" && lastSignalAt) next.expectedAt = nextExpected(facts.schedule, lastSignalAt);
  const due = deadline(next);
  next.alertAfter = due && +due < +now ? now : due;
  return next;
}

/**
 * The check's next facts and the flips an event causes. Pure: the ping route, the sweeper and the
 * property tests all go through here, so a flip has one definition. A deadline event carries the
 * deadline itself as its moment, so a sweeper that runs late still dates the outage right.
 */
export function applyCheckEvent(facts: CheckFacts, event: CheckEvent): CheckStep {
  const { at } = event;
  const cleared = { failureStreak: 0, successStreak: 0, expectedAt: null, startedAt: null };
  if (event.type === "PAUSE") return settle(facts, { ...cleared, state: "PAUSED" }, at, null);
  if (event.type === "RESUME") {
    // Back to waiting for the first signal: a paused installation may have stopped pinging for good reason.
    return facts.state === "PAUSED" ? settle(facts, { ...cleared, state: "NEW" }, at, null) : { facts, flips: [] };
  }
  // A paused check keeps its pings as evidence but judges nothing: no incidents while nobody watches.
  if (facts.state === "PAUSED") return { facts, flips: [] };
  switch (event.type) {
    case "START":
      return settle(facts, { startedAt: at }, at, null);
    case "SUCCESS":
      return success(facts, at);
    case "FAIL":
      return failure(facts, at, event.reason, nextExpected(facts.schedule, at));
    case "DEADLINE":
      return deadlinePassed(facts, at);
  }
}

function deadlinePassed(facts: CheckFacts, at: Date): CheckStep {
  // Only the stored deadline counts: a second sweeper holding a stale copy changes nothing.
  if (!facts.alertAfter || +facts.alertAfter !== +at) return { facts, flips: [] };
  if (facts.startedAt && +facts.startedAt + facts.runGraceSeconds * SECOND <= +at) {
    // The run never ended: one failure; the schedule goes on from the run's start.
    return failure(facts, at, "NEVER_FINISHED", nextExpected(facts.schedule, facts.startedAt));
  }
  if (!facts.expectedAt) return settle(facts, {}, at, null);
  if (facts.state === "UP") return settle(facts, { state: "LATE" }, at, "MISSED");
  // A recovery under way missed its next signal: it starts over.
  if (facts.state === "DOWN") return settle(facts, { successStreak: 0, expectedAt: null }, at, null);
  // The grace is over: a missed signal is a failure, and the next one is expected on the schedule.
  return failure(facts, at, "MISSED", nextExpected(facts.schedule, facts.expectedAt));
}

/**
 * Applies every deadline before `now` (a signal exactly at its deadline is on time), as a sweeper
 * that was away (or slow) must: each flip keeps its own moment. Bounded, so a one-minute heartbeat
 * nobody swept for a year cannot hold the sweeper: what is left stays due and the next sweep goes on.
 */
export function catchUp(facts: CheckFacts, now: Date, limit = 1_000): CheckStep {
  let current = facts;
  const flips: Flip[] = [];
  for (let i = 0; i < limit && current.alertAfter && +current.alertAfter < +now; i++) {
    const s = applyCheckEvent(current, { type: "DEADLINE", at: current.alertAfter });
    flips.push(...s.flips);
    current = s.facts;
  }
  return { facts: current, flips };
}

/** A new check's facts: thresholds default to 1 for jobs and 2 for heartbeats (one late ping is not an outage). */
export function newCheckFacts(input: {
  schedule: CheckSchedule;
  graceSeconds: number;
  runGraceSeconds: number;
  failureThreshold?: number;
  successThreshold?: number;
}): CheckFacts {
  return {
    state: "NEW",
    schedule: input.schedule,
    graceSeconds: input.graceSeconds,
    runGraceSeconds: input.runGraceSeconds,
    failureThreshold: input.failureThreshold ?? (input.schedule.kind === "PERIOD" ? 2 : 1),
    successThreshold: input.successThreshold ?? 1,
    failureStreak: 0,
    successStreak: 0,
    expectedAt: null,
    startedAt: null,
    alertAfter: null,
  };
}
