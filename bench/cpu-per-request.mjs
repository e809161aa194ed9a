// `node bench/cpu-per-request.mjs` (after `npm run build` and one `npm run bench`, which installs
// bench/'s dependencies): a quicker check than the bench while changing code. Trygg and PostGraphile
// on the bench's data each serve the same fixed number of requests (N, default 300, C connections,
// R rounds) and the CPU their process groups spent is divided by it; on a shared machine this moves
// far less than req/s. FLAGS reach Trygg's node, e.g. FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof";
// HEAP replaces the V8 heap flags npm start uses (API_NODE_FLAGS), e.g. HEAP="--max-semi-space-size=32".
// Peak RSS is printed too.
// BENCH_DATABASE_URL reuses a cluster (a database `quick` in it is made once and kept).
import { spawn, spawnSync } from "node:child_process";
import { API_NODE_FLAGS } from "../scripts/lib.mjs";
import { startCluster } from "../scripts/postgres.mjs";
import pg from "pg";
import autocannon from "autocannon";
import { generate, insert } from "./data.mjs";
import { cpuMs, rssMb } from "./measure.mjs";
import { PAGE_SIZE, POSTGRAPHILE_QUERY, TRYGG_QUERY, fromTrygg, fromPostgraphile } from "./queries.mjs";

const cluster = process.env.BENCH_DATABASE_URL ? null : await startCluster();
const base = process.env.BENCH_DATABASE_URL ?? cluster.url;
const dbUrl = base.replace(/\/postgres$/, "/quick");
const admin = new pg.Client({ connectionString: base });
await admin.connect();
const exists = (await admin.query("select 1 from pg_database where datname='quick'")).rowCount;
let data;
if (!exists) {
  await admin.query("create database quick");
  const m = spawnSync("node", ["api/dist/scripts/migrate.js"], {
    env: { ...process.env, DATABASE_URL: dbUrl, NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (m.status) throw new Error(m.stderr);
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  data = generate();
  await insert(c, data.tables);
  await c.end();
} else data = generate();
await admin.end();
const N = Number(process.env.N ?? 300),
  C = Number(process.env.C ?? 8),
  ROUNDS = Number(process.env.R ?? 2);
const flags = (process.env.FLAGS ?? "").split(" ").filter(Boolean);
const servers = {
  trygg: spawn(
    "node",
    [
      ...(process.env.HEAP === undefined ? API_NODE_FLAGS : process.env.HEAP.split(" ").filter(Boolean)),
      ...flags,
      "api/dist/main.js",
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: dbUrl,
        API_PORT: "45101",
        API_HOST: "127.0.0.1",
        // The default log level, as `npm start` runs the API: the request log is part of its cost (decision 0087).
      },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    },
  ),
  postgraphile: spawn("node", ["bench/servers/postgraphile.mjs"], {
    env: { ...process.env, DATABASE_URL: dbUrl, PORT: "45102", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "ignore"],
    detached: true,
  }),
};
const targets = {
  trygg: {
    url: "http://127.0.0.1:45101/graphql",
    body: JSON.stringify({ query: TRYGG_QUERY, variables: { first: PAGE_SIZE } }),
    headers: { authorization: `Bearer ${data.token}` },
    page: fromTrygg,
  },
  postgraphile: {
    url: "http://127.0.0.1:45102/graphql",
    body: JSON.stringify({ query: POSTGRAPHILE_QUERY, variables: { first: PAGE_SIZE, partner: data.partnerId } }),
    headers: {},
    page: fromPostgraphile,
  },
};
const post = async (t) =>
  (
    await fetch(t.url, { method: "POST", headers: { "content-type": "application/json", ...t.headers }, body: t.body })
  ).json();
for (const t of Object.values(targets)) {
  for (let i = 0; ; i++) {
    try {
      const j = await post(t);
      if (j.errors) throw new Error(JSON.stringify(j.errors));
      t.first = j;
      break;
    } catch (e) {
      if (i > 120) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
const a = JSON.stringify(fromTrygg(targets.trygg.first)),
  b = JSON.stringify(fromPostgraphile(targets.postgraphile.first));
console.log(a === b ? "same page" : "DIFFERENT PAGES");
const run = (t, amount) =>
  new Promise((res, rej) =>
    autocannon(
      {
        url: t.url,
        method: "POST",
        body: t.body,
        headers: { "content-type": "application/json", ...t.headers },
        connections: C,
        amount,
      },
      (e, r) => (e ? rej(e) : res(r)),
    ),
  );
const totals = { trygg: [], postgraphile: [] };
for (let r = 0; r < ROUNDS; r++)
  for (const [name, t] of Object.entries(targets)) {
    await run(t, Math.round(N / 3));
    await new Promise((r) => setTimeout(r, 300));
    const c0 = cpuMs(servers[name].pid),
      t0 = Date.now();
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(servers[name].pid))), 250);
    const res = await run(t, N);
    clearInterval(sampler);
    await new Promise((r) => setTimeout(r, 300));
    totals[name].push((cpuMs(servers[name].pid) - c0) / N);
    console.log(
      name,
      `round ${r + 1}: ${((cpuMs(servers[name].pid) - c0) / N).toFixed(1)} ms CPU/request, ${res.requests.average} req/s, non2xx ${res.non2xx}, peak RSS ${Math.round(peak)} MB, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
for (const [n, v] of Object.entries(totals))
  console.log(
    n,
    "median",
    v.sort((x, y) => x - y)[Math.floor(v.length / 2)].toFixed(1),
    "min",
    Math.min(...v).toFixed(1),
  );
for (const s of Object.values(servers)) process.kill(-s.pid, "SIGTERM");
cluster?.stop();
process.exit(0);
