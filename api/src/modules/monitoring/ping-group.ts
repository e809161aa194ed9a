import type { Db, Tx } from "../../db/client.js";
import { isDatabaseUnavailable } from "../../db/client.js";
import { factsOf } from "./check-records.js";
import { applyCheckEvent, catchUp, type CheckEvent, type CheckState } from "./check-state.js";
import { takePing } from "./ping-alone.js";
import {
  countAndReadChecks,
  readChecksByKey,
  writeQuietPings,
  type QuietWrites,
  type SeenCheck,
} from "./ping-group-writes.js";
import type { PingInput } from "./ping-input.js";
import type { PingLimits } from "./ping-limits.js";

/** A ping as the route hands it over: its key's hash (computed once) and the moment it arrived. */
export interface ArrivedPing {
  input: PingInput;
  keyHash: string;
  now: Date;
}

/** What became of one ping: taken (null when no check has its key: nothing stored), or the error it met. */
export type SettledPing = { taken: { state: CheckState } | null } | { error: unknown };

/** A ping's answer: settled, or refused for its key's flood (seconds to wait). */
export type PingAnswer = SettledPing | { retryAfter: number };

/**
 * A group as the route commits it: the flood limit per key (one upsert for all) and the read of the
 * group's checks in one statement (decision 0127), then the pings the limit lets through. `groups`
 * runs the group's two fixed statements (Database.pingGroups: generic plans, decision 0128); `db`
 * the locked way.
 */
export async function commitPingGroup(
  db: Db,
  groups: Db,
  limits: PingLimits,
  group: ArrivedPing[],
): Promise<PingAnswer[]> {
  const count = limits.countKeys(
    group.map((ping) => ping.keyHash),
    new Date(),
  );
  const { counters, checks } = count.upsert
    ? await countAndReadChecks(groups, count.upsert)
    : { counters: [], checks: [] };
  const refusals = count.settle(counters);
  const settled = await takePings(
    db,
    group.filter((_, i) => refusals[i] === null),
    checks,
    groups,
  );
  let next = 0;
  return refusals.map((wait) => (wait === null ? settled[next++]! : { retryAfter: wait }));
}

/** Takes a group of pings (below), reading their checks first: the seed's and the tests' way in. */
export async function receivePings(db: Db, pings: readonly ArrivedPing[]): Promise<SettledPing[]> {
  let rows: SeenCheck[];
  try {
    rows = await readChecksByKey(
      db,
      pings.map((p) => p.keyHash),
    );
  } catch (error) {
    return pings.map(() => ({ error }));
  }
  return takePings(db, pings, rows);
}

/**
 * Takes a group of pings (decision 0096, after 0062): the quiet ones — a healthy fleet's every ping —
 * in one statement for the whole group (its pings, its checks, its flips), each check's written only if
 * it is still as read; then, each in a savepoint of one locked transaction, the pings of the checks that
 * need more (a run to pair, a backup to judge, an outage to open or close) or that another writer
 * changed meanwhile. Each check's pings go through the state machine in arrival order, so the outcome is
 * the one of taking them one by one. If the group's statement fails, its pings are each taken alone, so
 * one bad ping does not cost the others theirs. A database that is away fails the pings not yet taken
 * (answered 503); one already committed keeps its answer, so no stored ping is sent again.
 */
async function takePings(
  db: Db,
  pings: readonly ArrivedPing[],
  rows: readonly SeenCheck[],
  groups: Db = db,
): Promise<SettledPing[]> {
  const checkOf = new Map(rows.map((row) => [row.pingKeyHash, row]));
  const settled: SettledPing[] = new Array(pings.length);
  // Each check with the indices of its pings, in arrival order.
  const byCheck = new Map<SeenCheck, number[]>();
  pings.forEach((ping, i) => {
    const row = checkOf.get(ping.keyHash);
    if (!row) settled[i] = { taken: null };
    else byCheck.set(row, [...(byCheck.get(row) ?? []), i]);
  });
  const writes: QuietWrites = { pings: [], checks: [], flips: [] };
  const quiet: { id: string; indices: number[]; states: CheckState[] }[] = [];
  const locked: number[][] = [];
  for (const [row, indices] of byCheck) {
    const states = quietly(
      row,
      indices.map((i) => pings[i]!),
      writes,
    );
    if (states) quiet.push({ id: row.id, indices, states });
    else locked.push(indices);
  }
  let away: unknown = null;
  const alone: number[] = [];
  if (quiet.length > 0) {
    try {
      const written = await writeQuietPings(groups, writes);
      for (const { id, indices, states } of quiet) {
        if (written.has(id)) indices.forEach((i, n) => (settled[i] = { taken: { state: states[n]! } }));
        else locked.push(indices);
      }
    } catch (error) {
      if (isDatabaseUnavailable(error)) away = error;
      else for (const { indices } of quiet) alone.push(...indices);
    }
  }
  if (locked.length > 0 && away === null) {
    try {
      await db.transaction(async (tx) => {
        for (const indices of locked) for (const i of indices) settled[i] = await takeInSavepoint(tx, pings[i]!);
      });
    } catch (error) {
      // Nothing of the transaction is kept: its pings are not taken, whatever they were told so far.
      for (const indices of locked) for (const i of indices) delete settled[i];
      if (isDatabaseUnavailable(error)) away = error;
      else for (const indices of locked) alone.push(...indices);
    }
  }
  for (const i of alone.sort((a, b) => a - b)) {
    if (away !== null) break;
    try {
      settled[i] = await db.transaction((tx) => takeInSavepoint(tx, pings[i]!));
    } catch (error) {
      if (isDatabaseUnavailable(error)) away = error;
      else settled[i] = { error };
    }
  }
  for (let i = 0; i < pings.length; i++) settled[i] ??= { error: away };
  return settled;
}

/** One ping the locked way, in a savepoint: one that fails leaves the others of its transaction taken. */
async function takeInSavepoint(tx: Tx, { input, now }: ArrivedPing): Promise<SettledPing> {
  try {
    return { taken: await tx.transaction((sp) => takePing(sp, input, now)) };
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    return { error };
  }
}

/**
 * A check's pings on the quiet path: nothing to read but the check, no incident to open or close —
 * a healthy fleet's every ping. Adds their writes and gives the state after each, or gives null (and
 * adds nothing) when any of them needs more: a run id to pair from earlier pings, a backup to judge
 * against its history, a flip into or out of DOWN, or a state machine error; then the check's pings
 * are taken one by one (takePing), which does all of that.
 */
function quietly(row: SeenCheck, pings: readonly ArrivedPing[], writes: QuietWrites): CheckState[] | null {
  let facts = factsOf(row);
  const mine: QuietWrites = { pings: [], checks: [], flips: [] };
  const states: CheckState[] = [];
  try {
    for (const { input, now } of pings) {
      if (row.kind === "BACKUP_JOB" && input.signal === "SUCCESS") return null;
      if (input.durationMs === null && input.runId !== null && input.signal !== "START") return null;
      // As takePing measures it: from the start in progress, as the check stood before this ping.
      const durationMs =
        input.durationMs ?? (input.signal !== "START" && facts.startedAt ? +now - +facts.startedAt : null);
      const event: CheckEvent =
        input.signal === "FAIL" ? { type: "FAIL", at: now, reason: "FAILED" } : { type: input.signal, at: now };
      const caught = catchUp(facts, now);
      const step = applyCheckEvent(caught.facts, event);
      const flips = [...caught.flips, ...step.flips];
      if (flips.some((flip) => flip.to === "DOWN" || flip.from === "DOWN")) return null;
      mine.pings.push({ checkId: row.id, input, durationMs, now });
      for (const flip of flips) mine.flips.push({ checkId: row.id, flip, now });
      facts = step.facts;
      states.push(facts.state);
    }
  } catch {
    return null;
  }
  writes.pings.push(...mine.pings);
  writes.flips.push(...mine.flips);
  writes.checks.push({ id: row.id, version: row.version, facts, now: pings[pings.length - 1]!.now });
  return states;
}
