import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { monitoringChecks, monitoringFlips, monitoringPings } from "../../db/schema/index.js";
import { tableRows } from "../../shared/table-rows.js";
import type { CheckRow } from "./check-records.js";
import type { CheckFacts, Flip } from "./check-state.js";
import type { PingInput } from "./ping-input.js";
import { pgArray } from "./pg-array.js";

const checkRows = tableRows(monitoringChecks);

/**
 * The checks of a group's keys, locked. In id order, so two groups (in two API processes) that share
 * checks lock them in the same order and one waits for the other instead of deadlocking.
 */
export function lockChecksByKey(tx: Tx, keyHashes: readonly string[]): Promise<CheckRow[]> {
  return checkRows(tx, {
    where: sql`${monitoringChecks.pingKeyHash} = any(${pgArray(keyHashes)}::text[])`,
    orderBy: sql`${monitoringChecks.id}`,
    forUpdate: true,
  });
}

/** What the quiet pings of a group write: each ping, each check's facts after its last ping, each flip. */
export interface QuietWrites {
  pings: { checkId: string; input: PingInput; durationMs: number | null; now: Date }[];
  checks: { id: string; facts: CheckFacts; now: Date }[];
  flips: { checkId: string; flip: Flip; now: Date }[];
}

/**
 * Writes them in three statements for the whole group, whatever its size. Plain SQL over arrays
 * (one parameter per column): the ping path ran these through drizzle's query builder once per ping,
 * which was a quarter of its CPU, and a fixed statement text is prepared once per connection.
 */
export async function writeQuietPings(tx: Tx, w: QuietWrites): Promise<void> {
  if (w.pings.length) {
    const p = w.pings;
    await tx.execute(
      sql`insert into ${monitoringPings} (check_id, received_at, signal, exit_code, run_id, duration_ms, size_bytes, body, remote_address)
        select * from unnest(
          ${pgArray(p.map((x) => x.checkId))}::uuid[], ${pgArray(p.map((x) => x.now))}::timestamptz[],
          ${pgArray(p.map((x) => x.input.signal))}::monitoring_signal[], ${pgArray(p.map((x) => x.input.exitCode))}::smallint[],
          ${pgArray(p.map((x) => x.input.runId))}::text[], ${pgArray(p.map((x) => x.durationMs))}::bigint[],
          ${pgArray(p.map((x) => x.input.sizeBytes))}::bigint[], ${pgArray(p.map((x) => x.input.body))}::text[],
          ${pgArray(p.map((x) => x.input.remoteAddress))}::text[])`,
    );
  }
  if (w.checks.length) {
    const c = w.checks;
    await tx.execute(
      sql`update ${monitoringChecks} as c set state = v.state, failure_streak = v.failure_streak,
          success_streak = v.success_streak, expected_at = v.expected_at, started_at = v.started_at,
          alert_after = v.alert_after, updated_at = v.at, last_ping_at = v.at
        from unnest(
          ${pgArray(c.map((x) => x.id))}::uuid[], ${pgArray(c.map((x) => x.facts.state))}::monitoring_check_state[],
          ${pgArray(c.map((x) => x.facts.failureStreak))}::int[], ${pgArray(c.map((x) => x.facts.successStreak))}::int[],
          ${pgArray(c.map((x) => x.facts.expectedAt))}::timestamptz[], ${pgArray(c.map((x) => x.facts.startedAt))}::timestamptz[],
          ${pgArray(c.map((x) => x.facts.alertAfter))}::timestamptz[], ${pgArray(c.map((x) => x.now))}::timestamptz[]
        ) as v(id, state, failure_streak, success_streak, expected_at, started_at, alert_after, at)
        where c.id = v.id`,
    );
  }
  if (w.flips.length) {
    const f = w.flips;
    // The flips' unique key (check, moment, new state) keeps a flip a racing writer wrote once.
    await tx.execute(
      sql`insert into ${monitoringFlips} (check_id, from_state, to_state, happened_at, reason, recorded_at)
        select * from unnest(
          ${pgArray(f.map((x) => x.checkId))}::uuid[], ${pgArray(f.map((x) => x.flip.from))}::monitoring_check_state[],
          ${pgArray(f.map((x) => x.flip.to))}::monitoring_check_state[], ${pgArray(f.map((x) => x.flip.at))}::timestamptz[],
          ${pgArray(f.map((x) => x.flip.reason))}::text[], ${pgArray(f.map((x) => x.now))}::timestamptz[])
        on conflict do nothing`,
    );
  }
}
