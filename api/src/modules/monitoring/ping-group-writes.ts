import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { monitoringChecks, monitoringFlips, monitoringPings } from "../../db/schema/index.js";
import { decodeRow, rowsOf } from "../../shared/table-rows.js";
import type { CheckRow, FactsColumns } from "./check-records.js";
import type { CheckFacts, Flip } from "./check-state.js";
import type { PingInput } from "./ping-input.js";
import { pgArray } from "./pg-array.js";

/**
 * The columns of a check a group reads: what the state machine needs (factsOf), its id, kind and
 * key. Not the whole row: names, keys' prefixes and dates nobody reads here cost the database and the
 * driver per check (decision 0127).
 */
const SEEN = {
  id: monitoringChecks.id,
  kind: monitoringChecks.kind,
  pingKeyHash: monitoringChecks.pingKeyHash,
  state: monitoringChecks.state,
  periodSeconds: monitoringChecks.periodSeconds,
  cronExpression: monitoringChecks.cronExpression,
  timeZone: monitoringChecks.timeZone,
  graceSeconds: monitoringChecks.graceSeconds,
  runGraceSeconds: monitoringChecks.runGraceSeconds,
  failureThreshold: monitoringChecks.failureThreshold,
  successThreshold: monitoringChecks.successThreshold,
  failureStreak: monitoringChecks.failureStreak,
  successStreak: monitoringChecks.successStreak,
  expectedAt: monitoringChecks.expectedAt,
  startedAt: monitoringChecks.startedAt,
  alertAfter: monitoringChecks.alertAfter,
} satisfies Record<"id" | "kind" | "pingKeyHash" | FactsColumns, unknown>;
const seenColumns = Object.entries(SEEN).map(([key, column]) => ({ key, name: column.name, column }));
/** `c.<column>, …, c.xmin as version`: one text, so the statement is the same for every group. */
const seenList = sql.raw(`${seenColumns.map((c) => `c."${c.name}"`).join(", ")}, c.xmin as version`);

/** A check as a group read it, with the row version (`xmin`) its write is conditioned on. */
export type SeenCheck = Pick<CheckRow, keyof typeof SEEN> & { version: unknown };

/** A read row as a SeenCheck, each cell decoded as drizzle decodes its column (timestamps into dates). */
function seenOf(r: Record<string, unknown>): SeenCheck {
  const row = decodeRow(seenColumns, r);
  row.version = r.version;
  return row as SeenCheck;
}

/**
 * The checks of a group's keys, read without a lock and without a transaction: the group's write
 * (below) is taken only for the checks still as read, so nothing is held while the state machine runs.
 */
export async function readChecksByKey(db: DbOrTx, keyHashes: readonly string[]): Promise<SeenCheck[]> {
  const rows = rowsOf(
    await db.execute(
      sql`select ${seenList} from ${monitoringChecks} c where c.ping_key_hash = any(${pgArray([...new Set(keyHashes)])}::text[])`,
    ),
  );
  return rows.map(seenOf);
}

/**
 * The flood counters' upsert of a group (PingLimits.countKeys) and the read of the counted keys'
 * checks (as readChecksByKey), in one statement: one round trip on one connection for a group's
 * first step, where two statements took two connections (decision 0127). A key counted but no
 * check's comes back with its count and no check. The counters' write and the checks' read see one
 * snapshot; the read takes no lock, as readChecksByKey's.
 */
export async function countAndReadChecks(
  db: DbOrTx,
  upsert: SQL,
): Promise<{ counters: Record<string, unknown>[]; checks: SeenCheck[] }> {
  const rows = rowsOf(
    await db.execute(
      sql`with counted as (${upsert})
        select k.key_hash, k.points, k.expire, ${seenList}
        from counted k left join ${monitoringChecks} c on c.ping_key_hash = k.key_hash`,
    ),
  );
  return { counters: rows, checks: rows.filter((r) => r.id !== null && r.id !== undefined).map(seenOf) };
}

/** What the quiet pings of a group write: each ping, each check's facts after its last ping, each flip. */
export interface QuietWrites {
  pings: { checkId: string; input: PingInput; durationMs: number | null; now: Date }[];
  checks: { id: string; version: unknown; facts: CheckFacts; now: Date }[];
  flips: { checkId: string; flip: Flip; now: Date }[];
}

/**
 * Writes them in one statement for the whole group, whatever its size, committed on its own (no
 * BEGIN, no COMMIT: one statement is one transaction). Each check is updated only if its row
 * version (`xmin`, which every update of the row changes) is still the one the group read — an
 * optimistic lock: a check another writer (the sweeper, another API process, a user's edit) changed
 * in between is left alone, and so are its pings and flips, which the caller then takes the locked
 * way. Under READ COMMITTED, an update that meets a row changed since the statement began re-reads it
 * and re-checks the condition, so a racing writer is always seen. Gives the ids of the checks written.
 * Plain SQL over arrays (one parameter per column): one statement text for every group size, prepared
 * once per connection; the query builder once per ping was a quarter of the ping path's CPU.
 */
export async function writeQuietPings(db: DbOrTx, w: QuietWrites): Promise<Set<string>> {
  const c = w.checks;
  const p = w.pings;
  const f = w.flips;
  const rows = rowsOf(
    await db.execute(
      sql`with v as (
          select * from unnest(
            ${pgArray(c.map((x) => x.id))}::uuid[], ${pgArray(c.map((x) => String(x.version)))}::xid[],
            ${pgArray(c.map((x) => x.facts.state))}::monitoring_check_state[],
            ${pgArray(c.map((x) => x.facts.failureStreak))}::int[], ${pgArray(c.map((x) => x.facts.successStreak))}::int[],
            ${pgArray(c.map((x) => x.facts.expectedAt))}::timestamptz[], ${pgArray(c.map((x) => x.facts.startedAt))}::timestamptz[],
            ${pgArray(c.map((x) => x.facts.alertAfter))}::timestamptz[], ${pgArray(c.map((x) => x.now))}::timestamptz[]
          ) as v(id, version, state, failure_streak, success_streak, expected_at, started_at, alert_after, at)
        ), written as (
          update ${monitoringChecks} as c set state = v.state, failure_streak = v.failure_streak,
            success_streak = v.success_streak, expected_at = v.expected_at, started_at = v.started_at,
            alert_after = v.alert_after, updated_at = v.at, last_ping_at = v.at
          from v where c.id = v.id and c.xmin = v.version
          returning c.id
        ), pings as (
          insert into ${monitoringPings} (check_id, received_at, signal, exit_code, run_id, duration_ms, size_bytes, body, remote_address)
          select * from unnest(
            ${pgArray(p.map((x) => x.checkId))}::uuid[], ${pgArray(p.map((x) => x.now))}::timestamptz[],
            ${pgArray(p.map((x) => x.input.signal))}::monitoring_signal[], ${pgArray(p.map((x) => x.input.exitCode))}::smallint[],
            ${pgArray(p.map((x) => x.input.runId))}::text[], ${pgArray(p.map((x) => x.durationMs))}::bigint[],
            ${pgArray(p.map((x) => x.input.sizeBytes))}::bigint[], ${pgArray(p.map((x) => x.input.body))}::text[],
            ${pgArray(p.map((x) => x.input.remoteAddress))}::text[]
          ) as p(check_id, received_at, signal, exit_code, run_id, duration_ms, size_bytes, body, remote_address)
          where p.check_id in (select id from written)
        ), flips as (
          -- The flips' unique key (check, moment, new state) keeps a flip a racing writer wrote once.
          insert into ${monitoringFlips} (check_id, from_state, to_state, happened_at, reason, recorded_at)
          select * from unnest(
            ${pgArray(f.map((x) => x.checkId))}::uuid[], ${pgArray(f.map((x) => x.flip.from))}::monitoring_check_state[],
            ${pgArray(f.map((x) => x.flip.to))}::monitoring_check_state[], ${pgArray(f.map((x) => x.flip.at))}::timestamptz[],
            ${pgArray(f.map((x) => x.flip.reason))}::text[], ${pgArray(f.map((x) => x.now))}::timestamptz[]
          ) as f(check_id, from_state, to_state, happened_at, reason, recorded_at)
          where f.check_id in (select id from written)
          on conflict do nothing
        )
        select id from written`,
    ),
  );
  return new Set(rows.map((row) => String(row.id)));
}
