import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiProcess, type ApiProcess } from "./api-process.js";
import { startFaultProxy, type FaultProxy } from "./fault-proxy.js";
import { startMonitoringWorld, uuidOf, type MonitoringWorld } from "./support.js";

/**
 * Pings taken in groups (decisions 0062, 0096) while the database goes away: an API process of its
 * own (main.ts, with its crash policy), on the world's database through a TCP hop the test can break,
 * takes the pings. Every ping of a group that cannot be written is told so (503, Retry-After) within
 * seconds, none is left hanging, nothing of theirs is stored, the process keeps serving, and once the
 * database is back pings are taken again.
 */
let w: MonitoringWorld;
let proxy: FaultProxy;
let api: ApiProcess;

beforeAll(async () => {
  w = await startMonitoringWorld(["karin"], {
    env: { TRUST_PROXY: "loopback", PING_MAX_PER_ADDRESS_PER_MINUTE: 5, PING_MAX_PER_KEY_PER_MINUTE: 1_000 },
  });
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${w.api.databaseName}`;
  proxy = await startFaultProxy(url.toString());
  api = await startApiProcess({
    DATABASE_URL: proxy.url,
    PING_MAX_PER_KEY_PER_MINUTE: "1000",
    PING_MAX_PER_ADDRESS_PER_MINUTE: "10000",
  });
});

afterAll(async () => {
  await api?.stop();
  await proxy?.close();
  await w?.close();
});

interface Answer {
  status: number;
  ms: number;
  type: string | null;
  retryAfter: string | null;
  text: string;
}

/** A ping to the API behind the proxy; a request still unanswered after 15 s counts as hanging (status 0). */
async function ping(key: string): Promise<Answer> {
  const started = Date.now();
  try {
    const r = await fetch(`${api.url}/ping/${key}`, { method: "POST", signal: AbortSignal.timeout(15_000) });
    return {
      status: r.status,
      ms: Date.now() - started,
      type: r.headers.get("content-type"),
      retryAfter: r.headers.get("retry-after"),
      text: await r.text(),
    };
  } catch {
    return { status: 0, ms: Date.now() - started, type: null, retryAfter: null, text: "" };
  }
}

/** Pings sent at once, so the API takes them in groups: each of the keys several times. */
const together = (keys: readonly string[]) =>
  Promise.all(Array.from({ length: 24 }, (_, i) => ping(keys[i % keys.length]!)));

async function pingCount(ids: readonly string[]) {
  const [row] = await w.sql`select count(*)::int as n from monitoring_pings where check_id in ${w.sql(ids)}`;
  return row!.n as number;
}

describe("grouped pings while the database is away", () => {
  it("answers every ping of a group that cannot be written 503 at once, stores none, and takes pings again after", async () => {
    const made = await Promise.all(
      [1, 2, 3, 4].map((n) => w.createCheck({ kind: "HEARTBEAT", name: `Outage ${n}`, periodSeconds: 300 })),
    );
    const keys = made.map((m) => m.pingKey!);
    const ids = made.map((m) => uuidOf(m.monitoringCheck!.id));
    expect((await together(keys)).map((a) => a.status)).toEqual(Array(24).fill(200));
    expect(await pingCount(ids)).toBe(24);

    // Nothing listens any more, and the pool's open connections are cut.
    await proxy.refuse();
    const away = await together(keys);
    expect(away.map((a) => a.status)).toEqual(Array(24).fill(503));
    for (const a of away) {
      expect(a.type).toBe("text/plain; charset=utf-8");
      expect(a.retryAfter).toBe("2");
      expect(a.text).toMatch(/Briefly unavailable/);
      expect(a.ms).toBeLessThan(10_000);
    }
    // The API itself is up: it still answers, and says what is wrong.
    const health = await fetch(`${api.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([503, { status: "unavailable", database: "down" }]);
    expect(await pingCount(ids)).toBe(24);

    await proxy.restore();
    // The pool reconnects by itself; the first pings after may still meet connections that were cut,
    // one for each group in flight at once (decision 0120), so a whole round is sent until one is taken.
    const deadline = Date.now() + 10_000;
    let taken = 0;
    for (;;) {
      const round = (await together(keys)).map((a) => a.status);
      taken += round.filter((s) => s === 200).length;
      if (round.every((s) => s === 200)) break;
      if (Date.now() > deadline) throw new Error("Pings were not taken again within 10 s of the database's return.");
      await new Promise((r) => setTimeout(r, 200));
    }
    const back = await together(keys);
    expect(back.map((a) => a.status)).toEqual(Array(24).fill(200));
    expect(await pingCount(ids)).toBe(24 + taken + 24);
    expect(api.exitCode()).toBeNull();
  });

  it("answers every ping of a group whose connections are cut mid-statement, and none hangs", async () => {
    const made = await Promise.all(
      [1, 2, 3].map((n) => w.createCheck({ kind: "HEARTBEAT", name: `Cut ${n}`, periodSeconds: 300 })),
    );
    const keys = made.map((m) => m.pingKey!);
    const ids = made.map((m) => uuidOf(m.monitoringCheck!.id));
    // The group's write waits behind a lock taken outside the API; its connections are cut meanwhile.
    const holder = await w.sql.reserve();
    await holder`begin`;
    await holder`lock table monitoring_pings in access exclusive mode`;
    const pending = together(keys);
    await new Promise((r) => setTimeout(r, 500));
    proxy.cut();
    await new Promise((r) => setTimeout(r, 100));
    await holder`rollback`;
    holder.release();
    const answers = await pending;
    // The group in flight is told 503; pings that came after it are taken through new connections.
    const statuses = answers.map((a) => a.status);
    expect(statuses).toContain(503);
    expect(statuses.filter((s) => s !== 503 && s !== 200)).toEqual([]);
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(5_000);
    // A ping told 503 may still have been stored (its statement ran on after its connection was cut:
    // an answer lost on the way is the one outcome no one can know); every ping told 200 is.
    expect(await pingCount(ids)).toBeGreaterThanOrEqual(statuses.filter((s) => s === 200).length);
    // With several groups in flight, a pooled connection that was cut may meet one more ping before it is
    // dropped (decision 0120): that ping is told 503 with Retry-After, and one of the next few is taken.
    const after: number[] = [];
    while (after.at(-1) !== 200 && after.length < 5) after.push((await ping(keys[0]!)).status);
    expect(after.at(-1)).toBe(200);
    expect(after.filter((s) => s !== 503 && s !== 200)).toEqual([]);
    expect(api.exitCode()).toBeNull();
  });
});

describe("the caller's address", () => {
  it("is read from X-Forwarded-For sent by a trusted proxy, stored with the ping, and limited on its own", async () => {
    const made = await w.createCheck({ kind: "HEARTBEAT", name: "Behind a router", periodSeconds: 300 });
    const from = (address: string) => ({ headers: { "x-forwarded-for": address } });
    const busy = [];
    for (let i = 0; i < 7; i++) busy.push((await w.ping(made.pingKey!, from("203.0.113.7"))).status);
    expect(busy).toEqual([200, 200, 200, 200, 200, 429, 429]);
    // Another address behind the same proxy keeps its pings.
    expect((await w.ping(made.pingKey!, from("198.51.100.9"))).status).toBe(200);
    const stored = await w.sql`select remote_address, count(*)::int as n from monitoring_pings
      where check_id = ${uuidOf(made.monitoringCheck!.id)} group by remote_address order by remote_address`;
    expect(stored.map((r) => [r.remote_address, r.n])).toEqual([
      ["198.51.100.9", 1],
      ["203.0.113.7", 5],
    ]);
  });
});
