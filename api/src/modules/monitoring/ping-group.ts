import type { Db, Tx } from "../../db/client.js";
import { isDatabaseUnavailable } from "../../db/client.js";
import { factsOf, type CheckRow } from "./check-records.js";
import { applyCheckEvent, catchUp, type CheckEvent, type CheckState } from "./check-state.js";
import { takePing } from "./ping-alone.js";
import { lockChecksByKey, writeQuietPings, type QuietWrites } from "./ping-group-writes.js";
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

/** A group as the route commits it: the flood limit per key (one upsert for all), then the pings it lets through. */
export async function commitPingGroup(db: Db, limits: PingLimits, group: ArrivedPing[]): Promise<PingAnswer[]> {
  const refusals = await limits.keyRefusals(
    group.map((ping) => ping.keyHash),
    new Date(),
  );
  const settled = await receivePings(
    db,
    group.filter((_, i) => refusals[i] === null),
  );
  let next = 0;
  return refusals.map((wait) => (wait === null ? settled[next++]! : { retryAfter: wait }));
}

/**
 * Takes a group of pings in one transaction: one locked read of all their checks, one insert of
 * their pings, one update of their checks, one of their flips, one commit (decision 0062). Each
 * check's pings go through the state machine in arrival order, so the outcome is the one of taking
 * them one by one. A ping one group cannot take (the group's statements fail) does not cost the
 * others theirs: each is then taken alone, in its own transaction. A database that is away fails
 * them all, to be answered 503.
 */
export async function receivePings(db: Db, pings: readonly ArrivedPing[]): Promise<SettledPing[]> {
  try {
    return await db.transaction((tx) => takeTogether(tx, pings));
  } catch (error) {
    if (pings.length === 1 || isDatabaseUnavailable(error)) return pings.map(() => ({ error }));
    const settled: SettledPing[] = [];
    for (const ping of pings) settled.push(...(await receivePings(db, [ping])));
    return settled;
  }
}

async function takeTogether(tx: Tx, pings: readonly ArrivedPing[]): Promise<SettledPing[]> {
  const rows = await lockChecksByKey(tx, [...new Set(pings.map((p) => p.keyHash))]);
  const checkOf = new Map(rows.map((row) => [row.pingKeyHash, row]));
  const settled: SettledPing[] = new Array(pings.length);
  // Each check with the indices of its pings, in arrival order.
  const groups = new Map<CheckRow, number[]>();
  pings.forEach((ping, i) => {
    const row = checkOf.get(ping.keyHash);
    if (!row) settled[i] = { taken: null };
    else groups.set(row, [...(groups.get(row) ?? []), i]);
  });
  const writes: QuietWrites = { pings: [], checks: [], flips: [] };
  const alone: number[][] = [];
  for (const [row, indices] of groups) {
    const states = quietly(
      row,
      indices.map((i) => pings[i]!),
      writes,
    );
    if (states) indices.forEach((i, n) => (settled[i] = { taken: { state: states[n]! } }));
    else alone.push(indices);
  }
  await writeQuietPings(tx, writes);
  for (const indices of alone) {
    for (const i of indices) {
      const { input, now } = pings[i]!;
      try {
        // A savepoint each: a ping that fails leaves the ones before it, and the rest of the group, taken.
        settled[i] = { taken: await tx.transaction((sp) => takePing(sp, input, now)) };
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw error;
        settled[i] = { error };
      }
    }
  }
  return settled;
}

/**
 * A check's pings on the quiet path: nothing to read but the check, no incident to open or close —
 * a healthy fleet's every ping. Adds their writes and gives the state after each, or gives null (and
 * adds nothing) when any of them needs more: a run id to pair from earlier pings, a backup to judge
 * against its history, a flip into or out of DOWN, or a state machine error; then the check's pings
 * are taken one by one (takePing), which does all of that.
 */
function quietly(row: CheckRow, pings: readonly ArrivedPing[], writes: QuietWrites): CheckState[] | null {
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
  writes.checks.push({ id: row.id, facts, now: pings[pings.length - 1]!.now });
  return states;
}
