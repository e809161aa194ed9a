// `npm run bench -- --scale[=factor]`: Trygg's pages at two sizes side by side, each size in its own database of one
// throwaway PostgreSQL, both from the scale data set (api/src/seed/scale.sql, issue 23): at factor 0.01 (1,000
// agreements, the demo's size) and at `factor` (1 = 100,000 agreements; 0.1, the default, fits in minutes on a shared
// 2-core machine). The partner page (first and last page of 50) beside PostGraphile 5's; the agreement list sorted by
// end date as a seller and the support queue's overdue view as support staff, each first, deep (after the list's
// middle row) and last (bench/scale-lists.mjs); header search as support staff, the seller's and
// support's dashboards and a customer's agreement page as the portal asks for them (its own documents); each a short
// load at 4 connections, with CPU and SQL statements per request beside latency. Then the portal's server render of
// those three pages over the same API (bench/scale-portal.mjs). `--explain`: then every statement of those pages
// explained at `factor` (bench/scale-plans.mjs, decision 0129). See docs/performance.md.
import { createHash, randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import os from "node:os";
import pg from "pg";
import { apiProcess, freePort, log, root, waitFor } from "../scripts/lib.mjs";
import {
  cpuMs,
  idleRate,
  load,
  percentile,
  startCountingCluster,
  startServer,
  statementsOf,
  stopAll,
  untilIdle,
} from "./measure.mjs";
import { portalOperation, vendorDashboardVariables } from "./portal-operations.mjs";
import { POSTGRAPHILE_QUERY, TRYGG_QUERY } from "./queries.mjs";
import { SCALE_AGREEMENT, SCALE_USERS, measurePortal, startPortal } from "./scale-portal.mjs";
import { listRows } from "./scale-lists.mjs";
import { explainViews } from "./scale-plans.mjs";

const flag = process.argv.find((a) => a.startsWith("--scale"));
const FACTOR = Number(flag?.split("=")[1] ?? process.env.BENCH_SCALE_FACTOR ?? 0.1);
/** `--explain`: EXPLAIN (ANALYZE, BUFFERS) of every statement of the pages at the factor given, kept in the docs. */
const EXPLAIN = process.argv.includes("--explain");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const PAGE = 50;
/** The demo's size: the scale set at a hundredth has its thousand agreements. */
const DEMO_FACTOR = 0.01;
const ROLES = { trygg: "bench_trygg", postgraphile: "bench_postgraphile" };
const QUIET_SWEEPS = { MONITORING_SWEEP_SECONDS: "300", ESCALATION_SWEEP_SECONDS: "3600", WEBHOOK_POLL_SECONDS: "300" };

const withDatabase = (url, database, role) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (role) u.username = role;
  return u.toString();
};
/** The last page: Trygg's keyset and PostGraphile's both read it backwards from the list's end. */
const lastPage = (query) => query.replace("(first: $first", "(last: $first");

/** A log-in session of a scale-set user, as `login` makes one (its secret starts `tgs_`), sent as a Bearer token. */
async function sessionOf(client, email) {
  const token = `tgs_bench${randomUUID().replaceAll("-", "")}`;
  await client.query(
    `insert into sessions (user_id, token_hash, expires_at) select id, $2, now() + interval '1 day' from users where email = $1`,
    [email, createHash("sha256").update(token).digest("hex")],
  );
  return token;
}

/** A partner admin and an API token for the scale set's largest installer (the set has no partner users). */
async function scaleToken(client) {
  const token = `tgk_scale_${randomUUID().replaceAll("-", "")}`;
  const { rows } = await client.query(`select id from organisations where name = 'Installatör 01 AB'`);
  const partnerId = rows[0].id;
  const userId = randomUUID();
  await client.query(
    `insert into users (id, organisation_id, email, name, role, password_hash) values ($1, $2, 'partner1@skala.test', 'Partner', 'PARTNER_ADMIN', 'scale-no-password-login')`,
    [userId, partnerId],
  );
  await client.query(
    `insert into api_tokens (id, organisation_id, created_by_id, name, prefix, token_hash) values ($1, $2, $3, 'Nightly sync (bench)', $4, $5)`,
    [randomUUID(), partnerId, userId, token.slice(0, 10), createHash("sha256").update(token).digest("hex")],
  );
  return { partnerId, token };
}

async function prepare(cluster, admin, size) {
  const database = `bench_${size}`;
  await admin.query(`create database ${database}`);
  const url = withDatabase(cluster.url, database);
  const migrate = apiProcess("scripts/migrate");
  const migrated = spawnSync(migrate.cmd, migrate.args, {
    cwd: root,
    env: { ...process.env, ...migrate.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(`Migrations failed: ${migrated.stderr}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const factor = size === "demo" ? DEMO_FACTOR : FACTOR;
    log(`Seeding the scale data set at factor ${factor} (npm run seed:scale)…`);
    const seed = apiProcess("scripts/seed-scale");
    const seeded = spawnSync(seed.cmd, [...seed.args, String(factor)], {
      cwd: root,
      env: { ...process.env, ...seed.env, DATABASE_URL: url },
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (seeded.status !== 0) throw new Error("The scale seed failed");
    return {
      url,
      ...(await scaleToken(client)),
      seller: await sessionOf(client, SCALE_USERS.seller),
      support: await sessionOf(client, SCALE_USERS.support),
      customer: await sessionOf(client, SCALE_USERS.customer),
      // The API's global id, as the portal's agreement page has it in its path.
      agreementId: Buffer.from(
        `Agreement:${(await client.query(`select id from agreements where number = $1`, [SCALE_AGREEMENT])).rows[0].id}`,
      ).toString("base64url"),
    };
  } finally {
    await client.end();
  }
}

async function measure(admin, name, pid, target) {
  await load({ ...target, seconds: WARMUP_SECONDS, connections: CONNECTIONS });
  // The warm-up's last requests finish first, or the idle rate counts them.
  await new Promise((r) => setTimeout(r, 1000));
  const idle = await idleRate(admin, ROLES[name], [pid]);
  const cpu0 = cpuMs(pid);
  const sql0 = await statementsOf(admin, ROLES[name]);
  const t0 = Date.now();
  const { result, latencies } = await load({ ...target, seconds: SECONDS, connections: CONNECTIONS });
  await new Promise((r) => setTimeout(r, 500));
  const sql1 = await statementsOf(admin, ROLES[name]);
  const seconds = (Date.now() - t0) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const sent = Math.max(1, result.requests.sent);
  return {
    reqPerSecond: result.requests.total / result.duration,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    errors: result.errors + result.timeouts + result.non2xx,
    cpuMs: (cpuMs(pid) - cpu0) / sent,
    statements: (sql1.calls - sql0.calls) / sent,
    backgroundCpuMs: (idle.cpuMsPerSecond[0] * seconds) / sent,
    backgroundStatements: (idle.statementsPerSecond * seconds) / sent,
  };
}

const SEARCH = `{ search(query: "brf 12", first: 8) { kind nodeId title subtitle } }`;
const VIEWER = `{ viewer { user { role } sections } }`;
/** What a row's answer holds, to show beside it (and to know it answered). */
const listOf = (data) => data?.agreements ?? data?.allAgreements ?? data?.supportCases;
function answerSize(data) {
  if (data?.agreement) return `${data.agreement.licenceRentals.length} rentals`;
  const list = listOf(data);
  return (data?.in90 ?? data?.openCases ?? list)?.totalCount ?? (list?.edges ?? data?.search)?.length;
}

const machine = `${os.cpus()[0]?.model ?? "unknown"} (${os.cpus().length} cores), Node ${process.version}`;
log("Compiling the API and the portal (npm run build -w api -w portal)…");
if (
  spawnSync("npm", ["run", "build", "-w", "api", "-w", "portal"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] })
    .status
)
  process.exit(1);
const { cluster, admin } = await startCountingCluster();
const children = [];
const rows = [];
/** How long each size's API took to settle after its start (its daily jobs' first pass over the fresh set). */
const catchUps = {};
let exitCode = 0;
try {
  for (const role of Object.values(ROLES)) await admin.query(`create role ${role} login superuser`);
  const loadAtStart = os.loadavg()[0].toFixed(1);
  for (const size of ["demo", "scale"]) {
    log(`Preparing the ${size} data…`);
    const data = await prepare(cluster, admin, size);
    const ports = { trygg: await freePort(), postgraphile: await freePort() };
    const api = apiProcess("main");
    const servers = {
      trygg: startServer("Trygg", api.cmd, api.args, {
        ...api.env,
        DATABASE_URL: withDatabase(data.url, `bench_${size}`, ROLES.trygg),
        API_PORT: String(ports.trygg),
        API_HOST: "127.0.0.1",
        // The sweeps over every check and running case, at their longest intervals: their cost grows with the set
        // and, spread over a short run's requests, read as the pages' own (decision 0130).
        ...QUIET_SWEEPS,
      }),
      postgraphile: startServer("PostGraphile", "node", ["bench/servers/postgraphile.mjs"], {
        DATABASE_URL: withDatabase(data.url, `bench_${size}`, ROLES.postgraphile),
        PORT: String(ports.postgraphile),
        NODE_ENV: "production",
      }),
    };
    children.push(...Object.values(servers));
    await waitFor(`http://127.0.0.1:${ports.trygg}/healthz`, { what: "Trygg" });
    // The API's daily jobs catch up on the fresh set first; measured beside it, their work read as the pages'.
    log(`${size}: waiting for the API's start-up catch-up on the fresh set to finish…`);
    const settled = await untilIdle(admin, ROLES.trygg, servers.trygg.pid);
    log(`${size}: the API was ${settled.idle ? "idle" : "still busy"} after ${Math.round(settled.seconds)} s`);
    catchUps[size] = settled;
    const targets = (query, pgQuery) => ({
      trygg: {
        url: `http://127.0.0.1:${ports.trygg}/graphql`,
        body: JSON.stringify({ query, variables: { first: PAGE } }),
        headers: { authorization: `Bearer ${data.token}` },
      },
      postgraphile: {
        url: `http://127.0.0.1:${ports.postgraphile}/graphql`,
        body: JSON.stringify({ query: pgQuery, variables: { first: PAGE, partner: data.partnerId } }),
        headers: {},
      },
    });
    const staff = (token, query, variables = {}) => ({
      trygg: {
        url: `http://127.0.0.1:${ports.trygg}/graphql`,
        body: JSON.stringify({ query, variables }),
        headers: { authorization: `Bearer ${token}` },
      },
    });
    // The dashboard's variables as its loader chooses them from the viewer's role and sections.
    const dashboard = async (token) => {
      const res = await fetch(staff(token, VIEWER).trygg.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: VIEWER }),
      });
      const { viewer } = (await res.json()).data;
      return staff(token, portalOperation("VendorDashboard"), vendorDashboardVariables(viewer));
    };
    for (const [page, set] of [
      ["partner page, first", targets(TRYGG_QUERY, POSTGRAPHILE_QUERY)],
      ["partner page, last", targets(lastPage(TRYGG_QUERY), lastPage(POSTGRAPHILE_QUERY))],
      ...(await listRows(`http://127.0.0.1:${ports.trygg}/graphql`, data)).map(([page, query, variables, token]) => [
        page,
        staff(token, query, variables),
      ]),
      ["header search 'brf 12', support staff", staff(data.support, SEARCH)],
      ["dashboard (portal's VendorDashboard), seller", await dashboard(data.seller)],
      ["dashboard (portal's VendorDashboard), support staff", await dashboard(data.support)],
      [
        `agreement page ${SCALE_AGREEMENT} (portal's AgreementPage), customer admin`,
        staff(data.customer, portalOperation("AgreementPage"), { id: data.agreementId }),
      ],
    ]) {
      // Both answer a full page first (PostGraphile takes a while to start; its order is the number, not the end).
      for (const [name, t] of Object.entries(set)) {
        const deadline = Date.now() + 60_000;
        for (;;) {
          const res = await fetch(t.url, {
            method: "POST",
            headers: { "content-type": "application/json", ...t.headers },
            body: t.body,
          }).catch(() => null);
          const json = res?.ok ? await res.json() : null;
          const shown = answerSize(json?.data);
          if (shown && !json.errors) {
            rows.push({ size, page, name, totalCount: shown });
            break;
          }
          if (Date.now() > deadline)
            throw new Error(
              `${name} gave no ${page}: ${JSON.stringify(json?.errors ?? json?.data?.agreement ?? json).slice(0, 300)}`,
            );
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      for (const [name, t] of Object.entries(set)) {
        log(`${size}, ${page}: ${name}, ${SECONDS} s at ${CONNECTIONS} connections`);
        Object.assign(
          rows.at(name === "trygg" ? -Object.keys(set).length : -1),
          await measure(admin, name, servers[name].pid, t),
        );
      }
    }
    await stopAll([servers.postgraphile], { stop: () => {} });
    const portal = await startPortal(`http://127.0.0.1:${ports.trygg}/graphql`);
    children.push(portal.server);
    for (const row of await measurePortal({
      portal,
      apiPid: servers.trygg.pid,
      admin,
      role: ROLES.trygg,
      agreementId: data.agreementId,
      seconds: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      connections: CONNECTIONS,
    }))
      rows.push({ size, ...row });
    await stopAll([servers.trygg, portal.server], { stop: () => {} });
    children.length = 0;
    if (EXPLAIN && size === "scale") explainViews(data.url, FACTOR);
  }
  const SERVERS = { trygg: "Trygg", postgraphile: "PostGraphile 5", portal: "portal over Trygg" };
  const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : "–");
  console.log(
    `\n| data | page | server | rows in the list, hits, rentals (agreement page) or HTML (portal) | req/s | p50 | p95 | errors | CPU / request | SQL statements / request | of which the API's idle rate (CPU, statements) |`,
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows)
    console.log(
      `| ${r.size === "demo" ? `scale × ${DEMO_FACTOR} (demo size)` : `scale × ${FACTOR}`} | ${r.page} | ${SERVERS[r.name]} | ${r.totalCount} | ${fmt(r.reqPerSecond)} | ${fmt(r.p50)} ms | ${fmt(r.p95)} ms | ${r.errors} | ${r.apiCpuMs === undefined ? "" : `portal ${fmt(r.cpuMs, 1)} ms + API ${fmt(r.apiCpuMs, 1)} ms = `}${fmt(r.cpuMs + (r.apiCpuMs ?? 0), 1)} ms | ${fmt(r.statements, 2)} | ${fmt(r.backgroundCpuMs, 1)} ms, ${fmt(r.backgroundStatements, 2)} |`,
    );
  console.log(
    `\n${new Date().toISOString()} on ${machine}, load average ${loadAtStart} at the start and ${os.loadavg()[0].toFixed(1)} at the end; ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured per row.`,
  );
  for (const [size, c] of Object.entries(catchUps))
    console.log(
      `The API at ${size} size ${c.idle ? "settled" : "had not settled"} ${Math.round(c.seconds)} s after its start, before the first row.`,
    );
} catch (e) {
  log(`The scale bench failed: ${e.stack ?? e}`);
  exitCode = 1;
} finally {
  await admin.end().catch(() => {});
  await stopAll(children, cluster);
}
process.exit(exitCode);
