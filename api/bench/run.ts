import "reflect-metadata";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";
import { DEMO_PASSWORD, seedDemo } from "../src/seed/demo.js";
import { startServer } from "../src/server.js";

/**
 * `npm run bench`: latency of typical partner and portal requests against the API on an embedded
 * database seeded with the demo. Numbers are for comparing changes on one machine, not promises.
 * Set DATABASE_URL to measure against PostgreSQL instead.
 */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: "memory://" });
await database.migrate();
await seedDemo(database.db);
const server = await startServer({
  database,
  logger: createLogger("silent"),
  port: 0,
  host: "127.0.0.1",
  env: { SESSION_TTL_HOURS: 1, AGREEMENT_EXPIRING_WINDOW_DAYS: 60, LOGIN_MAX_FAILURES_PER_ACCOUNT: 5, LOGIN_MAX_FAILURES_PER_ADDRESS: 100, LOGIN_FAILURE_WINDOW_SECONDS: 60, TRUST_PROXY: false },
});
const url = `${server.url}/graphql`;

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the benchmark reads whatever each query returns
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const token = (await gql(`mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }`, { e: "admin@aptus.demo", p: DEMO_PASSWORD })).login.token as string;

async function measure(name: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await run(); // warm-up
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
    }),
  );
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
  console.log(`${name.padEnd(44)} ${String(times.length).padStart(5)} req  ${(times.length / (total / 1000)).toFixed(0).padStart(6)} req/s  p50 ${pct(50).padStart(6)} ms  p95 ${pct(95).padStart(6)} ms  p99 ${pct(99).padStart(6)} ms`);
}

console.log(`Trygg API benchmark: ${REQUESTS} requests per case, ${CONCURRENCY} at a time, ${database.kind}\n`);
await measure("viewer", () => gql(`{ viewer { user { name } organisation { name } } }`, {}, token));
await measure("organisations (first 20)", () => gql(`{ organisations(first: 20) { totalCount edges { node { id name kind } } } }`, {}, token));
await measure("agreements with parties and quota", () =>
  gql(`{ agreements(first: 20) { totalCount edges { node { number status daysLeft customer { name } partner { name } seller { name } hanteraAccountQuota } } } }`, {}, token),
);
await measure("agreement page (everything)", async () => {
  const list = await gql(`{ agreements(first: 1, filter: { status: [ACTIVE] }) { edges { node { id } } } }`, {}, token);
  const id = list.agreements.edges[0].node.id;
  return gql(
    `query($id: ID!) { agreement(id: $id) { number periods { startsOn } properties { name installedVersions { outdated } } hanteraAccounts { name } hanteraQuota { used quota } licenceRentals { kind } licenceRentalTotals { kind } monthlyCost { amountMinor } addOns { kind active } lapsePreview { benefit } updatesNeeded { product } tailoring { currentStep } } }`,
    { id },
    token,
  );
});
await server.stop();
await database.close();

// A separate figure: pure computation, no HTTP (bench/support-calendar.ts runs alone too).
const { benchSupportCalendar, formatSupportCalendarFigure } = await import("./support-calendar.js");
console.log(`\n${formatSupportCalendarFigure(await benchSupportCalendar())}`);
