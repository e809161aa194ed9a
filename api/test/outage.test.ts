import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../../scripts/postgres.mjs";
import { openDatabase } from "../src/db/client.js";
import { seedDemo } from "../src/seed/demo.js";
import { PASSWORD } from "./support.js";
import { startApiProcess, type ApiProcess } from "./api-process.js";

/**
 * A database outage under load, on a cluster of this test's own (it is stopped and started again,
 * which the other test files must not feel): the API process stays up, answers quickly and clearly
 * while the database is away, recovers by itself, and loses or half-writes nothing it acknowledged.
 */
let cluster: Cluster;
let api: ApiProcess;
let databaseUrl: string;

beforeAll(async () => {
  cluster = await startCluster();
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  await admin.unsafe("create database trygg_outage");
  await admin.end();
  databaseUrl = cluster.url.replace(/\/postgres$/, "/trygg_outage");
  const database = await openDatabase({ url: databaseUrl });
  await database.migrate();
  await seedDemo(database.db);
  await database.close();
  api = await startApiProcess({ DATABASE_URL: databaseUrl });
});

afterAll(async () => {
  await api?.stop();
  cluster?.stop();
});

interface Outcome {
  at: number;
  ms: number;
  status: number;
  code?: string;
  requestId?: unknown;
  tokenName?: string;
  acknowledged: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a database outage", () => {
  it("keeps the API up, answers 503 SERVICE_UNAVAILABLE quickly, recovers, and keeps every acknowledged write", async () => {
    const writer = await api.login("petra@nordsak.demo", PASSWORD);
    const reader = await api.login("karin@vastkustfast.demo", PASSWORD);
    const outcomes: Outcome[] = [];
    let running = true;

    async function client(n: number) {
      for (let i = 0; running; i++) {
        const tokenName = `load-${n}-${i}`;
        const write = i % 2 === 0;
        const started = Date.now();
        // A refused connection (the API is gone) counts as status 0.
        const r = await (
          write
            ? api.gql(
                `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { apiToken { id } userErrors { code } } }`,
                { i: { name: tokenName } },
                writer,
              )
            : api.gql(
                `{ viewer { user { id } } agreements(first: 5) { totalCount edges { node { id status } } } }`,
                {},
                reader,
              )
        ).catch(() => ({ status: 0, data: null, errors: undefined }) as Awaited<ReturnType<ApiProcess["gql"]>>);
        const ms = Date.now() - started;
        const error = r.errors?.[0];
        outcomes.push({
          at: started,
          ms,
          status: r.status,
          code: error?.extensions?.code,
          requestId: error?.extensions?.requestId,
          tokenName: write ? tokenName : undefined,
          acknowledged: write && r.status === 200 && !!(r.data as any)?.createApiToken?.apiToken?.id,
        });
        if (error) await sleep(50);
      }
    }

    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    await sleep(1_500);

    const haltedAt = Date.now();
    cluster.halt("fast");
    await sleep(1_000);

    // While it is away: /healthz within 1 s, and a caller with a token (the failure then happens
    // while authenticating) gets a clear 503 within 3 s.
    expect(api.exitCode(), `the API process died:\n${api.output()}`).toBeNull();
    const health = await api.timed(() => fetch(`${api.url}/healthz`));
    expect(health.value.status).toBe(503);
    expect(health.ms).toBeLessThan(1_000);
    const authed = await api.timed(() => api.gql(`{ viewer { user { id } } }`, {}, reader));
    expect(authed.ms).toBeLessThan(3_000);
    expect(authed.value.status).toBe(503);
    expect(authed.value.errors?.[0]?.extensions).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      requestId: expect.any(String),
    });
    const anonymous = await api.gql(
      `mutation { login(input: { email: "karin@vastkustfast.demo", password: "x" }) { token } }`,
    );
    expect(anonymous.status).toBe(503);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    await sleep(2_000);

    cluster.resume();
    const resumedAt = Date.now();
    let recoveredAt = 0;
    while (Date.now() - resumedAt < 15_000) {
      const r = await api.gql(`{ viewer { user { id } } }`, {}, reader);
      if (r.status === 200 && r.data?.viewer?.user?.id) {
        recoveredAt = Date.now();
        break;
      }
      await sleep(100);
    }
    expect(recoveredAt, "the API did not recover by itself within 15 s").toBeGreaterThan(0);
    expect(recoveredAt - resumedAt).toBeLessThan(5_000);
    await sleep(1_000);
    running = false;
    await Promise.all(clients);

    expect(api.exitCode(), `the API process died:\n${api.output()}`).toBeNull();
    expect(outcomes.filter((o) => o.at < haltedAt && o.status === 200).length).toBeGreaterThan(10);
    // Every answer is a success or a clear, quick 503; never a 500, never a hang.
    for (const o of outcomes) {
      expect(o.ms, JSON.stringify(o)).toBeLessThan(3_000);
      if (o.status !== 200)
        expect({ status: o.status, code: o.code, hasId: typeof o.requestId === "string" }).toEqual({
          status: 503,
          code: "SERVICE_UNAVAILABLE",
          hasId: true,
        });
    }
    expect(outcomes.some((o) => o.status === 503)).toBe(true);
    expect(outcomes.some((o) => o.at > recoveredAt && o.status === 200)).toBe(true);

    // Nothing acknowledged is lost, nothing is half-written (each token has its audit event).
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const tokens = await sql<{ name: string; audited: boolean }[]>`
        select t.name, exists(select 1 from audit_events e where e.object_id = t.id and e.action = 'apiToken.create') as audited
        from api_tokens t where t.name like 'load-%'`;
      const stored = new Set(tokens.map((t) => t.name));
      const acknowledged = outcomes.filter((o) => o.acknowledged).map((o) => o.tokenName!);
      expect(acknowledged.length).toBeGreaterThan(5);
      expect(acknowledged.filter((name) => !stored.has(name))).toEqual([]);
      expect(tokens.filter((t) => !t.audited)).toEqual([]);
    } finally {
      await sql.end();
    }
  });
});
