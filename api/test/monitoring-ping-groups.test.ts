import { sql as drizzleSql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitPingGroup, receivePings, type ArrivedPing } from "../src/modules/monitoring/ping-group.js";
import { factsOf } from "../src/modules/monitoring/check-records.js";
import { takePing } from "../src/modules/monitoring/ping-alone.js";
import { readChecksByKey, writeQuietPings, type QuietWrites } from "../src/modules/monitoring/ping-group-writes.js";
import type { PingInput } from "../src/modules/monitoring/ping-ingestion.js";
import { hashPingKey } from "../src/modules/monitoring/ping-key.js";
import { PingLimits } from "../src/modules/monitoring/ping-limits.js";
import { rowsOf } from "../src/shared/table-rows.js";
import { startMonitoringWorld, type MonitoringWorld } from "./support.js";

// Group commit (decision 0062): pings taken together must come out exactly as taken one by one.
let w: MonitoringWorld;
let sql: postgres.Sql;

beforeAll(async () => {
  w = await startMonitoringWorld(["karin"]);
  sql = w.sql;
});
afterAll(() => w?.close());

const UNKNOWN_KEY = `tpk_${"Z".repeat(43)}`;

function arrived(key: string, at: Date, over: Partial<PingInput> = {}): ArrivedPing {
  const input: PingInput = {
    key,
    signal: "SUCCESS",
    exitCode: null,
    runId: null,
    durationMs: null,
    sizeBytes: null,
    body: null,
    remoteAddress: "10.0.0.1",
    ...over,
  };
  return { input, keyHash: hashPingKey(key), now: at };
}

async function made(name: string, input: Record<string, unknown>) {
  const check = await w.createCheck({ name, ...input });
  // The row's id inside the global id ("MonitoringCheck:<uuid>", base64url).
  const id = Buffer.from(check.monitoringCheck!.id, "base64url").toString().split(":")[1]!;
  return { key: check.pingKey!, id };
}

/** What a check's pings left behind, with moments relative to `base` so two checks can be compared. */
async function trace(id: string, base: Date) {
  const rel = (d: Date | null) => (d ? +new Date(d) - +base : null);
  const [c] = await sql`select state, failure_streak, success_streak, expected_at, alert_after, started_at,
    last_ping_at from monitoring_checks where id = ${id}`;
  const pings = await sql`select signal, exit_code, run_id, duration_ms, anomaly, received_at from monitoring_pings
    where check_id = ${id} order by received_at, id`;
  const flips = await sql`select from_state, to_state, reason, happened_at from monitoring_flips
    where check_id = ${id} order by happened_at, to_state`;
  const incidents = await sql`select kind, reason, started_at, support_case_id is not null as with_case
    from monitoring_incidents where check_id = ${id}`;
  return {
    check: {
      ...c,
      expected_at: rel(c!.expected_at),
      alert_after: rel(c!.alert_after),
      started_at: rel(c!.started_at),
      last_ping_at: rel(c!.last_ping_at),
    },
    pings: pings.map((p) => ({ ...p, duration_ms: p.duration_ms as string | null, received_at: rel(p.received_at) })),
    flips: flips.map((f) => ({ ...f, happened_at: rel(f.happened_at) })),
    incidents: incidents.map((i) => ({ ...i, started_at: rel(i.started_at) })),
  };
}

describe("pings taken together", () => {
  it("leave each check exactly as taken one by one, the same check several times in a group included", async () => {
    const kinds: [string, Record<string, unknown>, (key: string, t: (s: number) => Date) => ArrivedPing[]][] = [
      // Twice in one group: the second ping must see the first one's state (NEW → UP once, not twice).
      ["twice", { kind: "HEARTBEAT", periodSeconds: 300 }, (k, t) => [arrived(k, t(0)), arrived(k, t(1))]],
      // A start and its end without a run id: the duration runs from the start taken just before.
      [
        "start-end",
        { kind: "HEARTBEAT", periodSeconds: 300 },
        (k, t) => [arrived(k, t(0), { signal: "START" }), arrived(k, t(5))],
      ],
      // Paired by run id inside the group; a backup judged against its history.
      [
        "run-id",
        { kind: "BACKUP_JOB", cronExpression: "0 2 * * *" },
        (k, t) => [
          arrived(k, t(0), { signal: "START", runId: "r1" }),
          arrived(k, t(7), { runId: "r1", sizeBytes: 1_000, exitCode: 0 }),
        ],
      ],
      // Two failures: LATE, then DOWN with an incident and a case, then back UP.
      [
        "down-up",
        { kind: "HEARTBEAT", periodSeconds: 300 },
        (k, t) => [
          arrived(k, t(0)),
          arrived(k, t(1), { signal: "FAIL" }),
          arrived(k, t(2), { signal: "FAIL", exitCode: 3 }),
          arrived(k, t(3)),
        ],
      ],
    ];
    const base = new Date(Math.floor(Date.now() / 1000) * 1000);
    const t = (s: number) => new Date(+base + s * 1000);
    const together: ArrivedPing[][] = [];
    const oneByOne: ArrivedPing[][] = [];
    const ids: [string, string][] = [];
    for (const [name, input, pings] of kinds) {
      const a = await made(`Together ${name}`, input);
      const b = await made(`One by one ${name}`, input);
      together.push(pings(a.key, t));
      oneByOne.push(pings(b.key, t));
      ids.push([a.id, b.id]);
    }
    // Interleaved by moment, as they would arrive, with an unknown key among them.
    const group = together.flat().sort((x, y) => +x.now - +y.now);
    group.splice(3, 0, arrived(UNKNOWN_KEY, t(1)));
    const settled = await receivePings(w.api.database.db, group);
    expect(settled.map((s) => ("error" in s ? "error" : s.taken ? "taken" : "unknown"))).toEqual(
      group.map((p) => (p.input.key === UNKNOWN_KEY ? "unknown" : "taken")),
    );
    // The reference: each ping in its own transaction, as the route took them before group commit.
    for (const p of oneByOne.flat().sort((x, y) => +x.now - +y.now))
      await w.api.database.db.transaction((tx) => takePing(tx, p.input, p.now));

    for (const [a, b] of ids) expect(await trace(a, base)).toEqual(await trace(b, base));
    const runId = await trace(ids[2]![0], base);
    expect(runId.pings.map((p) => p.duration_ms)).toEqual([null, "7000"]);
    expect((await trace(ids[1]![0], base)).pings.map((p) => p.duration_ms)).toEqual([null, "5000"]);
    expect((await trace(ids[3]![0], base)).incidents).toEqual([
      { kind: "OUTAGE", reason: "FAILED", started_at: 2000, with_case: true },
    ]);
  });

  it("commits a group's statements on connections that keep generic plans, and nothing else there (decision 0128)", async () => {
    const mode = async (db: typeof w.api.database.db) =>
      rowsOf(await db.execute(drizzleSql`show plan_cache_mode`))[0]!.plan_cache_mode;
    expect(await mode(w.api.database.pingGroups)).toBe("force_generic_plan");
    expect(await mode(w.api.database.db)).toBe("auto");
  });

  it("answers each ping of a mixed group for itself: taken, no such key, or over its key's limit", async () => {
    const one = await made("Mixed one", { kind: "HEARTBEAT", periodSeconds: 300 });
    const two = await made("Mixed two", { kind: "HEARTBEAT", periodSeconds: 300 });
    const limits = new PingLimits(w.api.database.db, {
      PING_MAX_PER_KEY_PER_MINUTE: 2,
      PING_MAX_PER_ADDRESS_PER_MINUTE: 1_000,
    });
    const now = new Date();
    const group = [one.key, UNKNOWN_KEY, two.key, one.key, one.key, UNKNOWN_KEY].map((k, i) =>
      arrived(k, new Date(+now + i)),
    );
    const answers = await commitPingGroup(w.api.database.db, w.api.database.pingGroups, limits, group);
    const words = answers.map((a) => ("retryAfter" in a ? "429" : "error" in a ? "error" : a.taken ? "200" : "404"));
    expect(words).toEqual(["200", "404", "200", "200", "429", "404"]);
    const stored = await sql`select check_id, count(*)::int as n from monitoring_pings
      where check_id in (${one.id}, ${two.id}) group by check_id`;
    expect(Object.fromEntries(stored.map((r) => [r.check_id, r.n]))).toEqual({ [one.id]: 2, [two.id]: 1 });
    // Spent: the next group's ping of that key is refused from memory, the other key still taken.
    const next = await commitPingGroup(w.api.database.db, w.api.database.pingGroups, limits, [
      arrived(one.key, new Date(+now + 10)),
      arrived(two.key, new Date(+now + 10)),
    ]);
    expect(next.map((a) => ("retryAfter" in a ? "429" : "taken" in a && a.taken ? "200" : "other"))).toEqual([
      "429",
      "200",
    ]);
  });

  it("takes the rest of a group when one ping fails, in the group's statements or in the state machine", async () => {
    const good = await made("Good neighbour", { kind: "HEARTBEAT", periodSeconds: 300 });
    const other = await made("Other neighbour", { kind: "HEARTBEAT", periodSeconds: 300 });
    const broken = await made("Broken schedule", { kind: "SCHEDULED_JOB", cronExpression: "0 3 * * *" });
    // A schedule no one could have saved: judging a success throws (a start judges nothing yet).
    await sql`update monitoring_checks set cron_expression = 'not a cron' where id = ${broken.id}`;
    const now = new Date();
    const at = (ms: number) => new Date(+now + ms);
    const group = [
      arrived(good.key, at(0)),
      // The database refuses an exit code over 255: the group's one insert fails for all of them.
      arrived(other.key, at(1), { signal: "FAIL", exitCode: 300 }),
      arrived(broken.key, at(2), { signal: "START" }),
      arrived(broken.key, at(3)),
      arrived(other.key, at(4)),
    ];
    const settled = await receivePings(w.api.database.db, group);
    expect(settled.map((s) => ("error" in s ? "error" : "taken"))).toEqual([
      "taken",
      "error",
      "taken",
      "error",
      "taken",
    ]);
    const stored =
      await sql`select c.name, p.signal from monitoring_pings p join monitoring_checks c on c.id = p.check_id
      where c.id in (${good.id}, ${other.id}, ${broken.id}) order by p.received_at`;
    expect(stored.map((r) => `${r.name}: ${r.signal}`)).toEqual([
      "Good neighbour: SUCCESS",
      "Broken schedule: START",
      "Other neighbour: SUCCESS",
    ]);
  });
});

describe("pings over HTTP at once", () => {
  it("answers each of many pings sent together for itself, and stores exactly the known keys' pings", async () => {
    const checks = await Promise.all(
      [1, 2, 3].map((n) => made(`At once ${n}`, { kind: "HEARTBEAT", periodSeconds: 300 })),
    );
    const paths = Array.from({ length: 24 }, (_, i) => (i % 4 === 3 ? UNKNOWN_KEY : checks[i % 4]!.key));
    const statuses = await Promise.all(paths.map(async (p) => (await w.ping(p)).status));
    expect(statuses).toEqual(paths.map((p) => (p === UNKNOWN_KEY ? 404 : 200)));
    const [pinged] = await sql`select count(*)::int as n from monitoring_pings
      where check_id in ${sql(checks.map((c) => c.id))}`;
    expect(pinged!.n).toBe(18);
    const flips =
      await sql`select count(*)::int as n from monitoring_flips where check_id in ${sql(checks.map((c) => c.id))}`;
    expect(flips[0]!.n).toBe(3);
  });
});

describe("a group's write, conditioned on each check as the group read it", () => {
  it("leaves a check another writer changed in between alone, with its pings and flips, and writes the others", async () => {
    const raced = await made("Raced", { kind: "HEARTBEAT", periodSeconds: 300 });
    const calm = await made("Not raced", { kind: "HEARTBEAT", periodSeconds: 300 });
    const db = w.api.database.db;
    const seen = await readChecksByKey(db, [hashPingKey(raced.key), hashPingKey(calm.key)]);
    // Between the group's read and its write, someone pauses the raced check (a user, the sweeper).
    await sql`update monitoring_checks set state = 'PAUSED', pause_cause = 'BY_USER' where id = ${raced.id}`;
    const now = new Date();
    const writes: QuietWrites = { pings: [], checks: [], flips: [] };
    for (const row of seen) {
      const { input } = arrived(row.id === raced.id ? raced.key : calm.key, now);
      writes.pings.push({ checkId: row.id, input, durationMs: null, now });
      writes.checks.push({ id: row.id, version: row.version, facts: { ...factsOf(row), state: "UP" }, now });
      writes.flips.push({ checkId: row.id, flip: { from: "NEW", to: "UP", at: now, reason: null }, now });
    }
    const written = await writeQuietPings(db, writes);
    expect([...written]).toEqual([calm.id]);
    const rows =
      await sql`select c.name, c.state, (select count(*)::int from monitoring_pings p where p.check_id = c.id) as pings,
      (select count(*)::int from monitoring_flips f where f.check_id = c.id) as flips
      from monitoring_checks c where c.id in (${raced.id}, ${calm.id}) order by c.name`;
    expect(rows.map((r) => [r.name, r.state, r.pings, r.flips])).toEqual([
      ["Not raced", "UP", 1, 1],
      ["Raced", "PAUSED", 0, 0],
    ]);
  });
});
