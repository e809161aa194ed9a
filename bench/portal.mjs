// The portal's server render, part of `npm run bench` (alone: `npm run bench -- --only portal`):
// the dashboard and one rich agreement page on the demo data, with the API and the portal run as
// `npm start` runs them, loaded with autocannon as logged-in demo users. See docs/performance.md.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { apiProcess, freePort, log, root, waitFor } from "../scripts/lib.mjs";
import { cpuMs, percentile, rssMb, startCountingCluster, startServer, statementsOf, stopAll } from "./measure.mjs";
import { DEMO_PASSWORD, checkPage, drain, loadPage as load, logIn as logInAs, page } from "./portal-client.mjs";
import { writePortalReport } from "./report.mjs";

const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const MEASURED_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_PORTAL_ROUNDS ?? 2);
const CONNECTIONS = (process.env.BENCH_PORTAL_CONNECTIONS ?? "1,4,16").split(",").map(Number);
/** Issue #13's goal for the dashboard and the agreement page. */
export const GOAL_P95_MS = 100;

const ROLE = "bench_portal_api";
const CUSTOMER_ADMIN = { email: "karin@vastkustfast.demo", name: "Karin Fastighetschef" };
const SELLER = { email: "sara.saljare@aptus.demo", name: "Sara S" }; // "Säljare": bodies are checked as ASCII
const logIn = (portal, email) => logInAs(portal, email, DEMO_PASSWORD);

/** The API's own answer, to list the demo's agreements (the portal is what is measured, not this). */
async function apiAgreements(apiUrl, email) {
  const call = async (query, variables, token) => {
    const res = await fetch(apiUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "apollo-require-preflight": "true",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const json = await res.json();
    if (json.errors) throw new Error(JSON.stringify(json.errors).slice(0, 300));
    return json.data;
  };
  const { login } = await call("mutation($input: LoginInput!) { login(input: $input) { token } }", {
    input: { email, password: DEMO_PASSWORD },
  });
  const data = await call("{ agreements(first: 100) { edges { node { id number } } } }", {}, login.token);
  return data.agreements.edges.map((e) => e.node);
}

function machineNow() {
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(1))),
    commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim(),
  };
}

const machine = machineNow();
log("Building the API and the portal (npm run build), so the bench measures the code as it is now…");
if (
  spawnSync("npm", ["run", "build", "-w", "api", "-w", "portal"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] })
    .status !== 0
)
  process.exit(1);

const { cluster, admin } = await startCountingCluster();
const children = [];
let exitCode = 0;
try {
  await admin.query(`create role ${ROLE} login superuser`);
  await admin.query("create database trygg_demo");
  const dbUrl = new URL(cluster.url);
  dbUrl.username = ROLE;
  dbUrl.pathname = "/trygg_demo";

  log("Migrating and seeding the demo (as npm start does)…");
  const seed = apiProcess("scripts/seed-demo");
  const seeded = spawnSync(seed.cmd, [...seed.args, "--quiet"], {
    cwd: root,
    env: { ...process.env, ...seed.env, DATABASE_URL: dbUrl.toString() },
    encoding: "utf8",
  });
  if (seeded.status !== 0 || !seeded.stdout.includes("Seeded the demo."))
    throw new Error(`Seeding the demo failed: ${seeded.stderr || seeded.stdout}`);

  const ports = { api: await freePort(), portal: await freePort() };
  const apiUrl = `http://127.0.0.1:${ports.api}/graphql`;
  const portal = `http://127.0.0.1:${ports.portal}`;
  const main = apiProcess("main");
  // BENCH_PORTAL_NODE_FLAGS / BENCH_PORTAL_API_NODE_FLAGS, e.g. "--cpu-prof
  // --cpu-prof-dir=bench/results/profile-portal".
  const flags = (name) => process.env[name]?.split(" ").filter(Boolean) ?? [];
  const servers = {
    api: startServer("API", main.cmd, [...flags("BENCH_PORTAL_API_NODE_FLAGS"), ...main.args], {
      ...main.env,
      DATABASE_URL: dbUrl.toString(),
      API_PORT: String(ports.api),
      API_HOST: "127.0.0.1",
      // The default log level, as `npm start` runs the API: the request log is part of its cost (decision 0087).
    }),
    portal: startServer("portal", "node", [...flags("BENCH_PORTAL_NODE_FLAGS"), "portal/server.mjs"], {
      PORT: String(ports.portal),
      TRYGG_API_URL: apiUrl,
      NODE_ENV: "production",
      SESSION_SECRET: randomBytes(32).toString("base64url"),
    }),
  };
  children.push(...Object.values(servers));
  await waitFor(`http://127.0.0.1:${ports.api}/healthz`, { what: "the API" });
  await waitFor(`${portal}/login`, { what: "the portal" });

  const cookies = { customer: await logIn(portal, CUSTOMER_ADMIN.email), seller: await logIn(portal, SELLER.email) };
  // The richest demo agreement: the one whose page, as the seller sees it, is largest.
  let richest = null;
  for (const a of await apiAgreements(apiUrl, SELLER.email)) {
    const { status, body } = await page(`${portal}/agreements/${a.id}`, cookies.seller);
    if (status === 200 && (!richest || body.length > richest.bytes)) richest = { ...a, bytes: body.length };
  }
  if (!richest) throw new Error("No demo agreement page answered 200.");

  const targets = {
    customerDashboard: {
      label: "Dashboard `/`, customer admin",
      path: "/",
      cookie: cookies.customer,
      markers: ['class="dashboard"', CUSTOMER_ADMIN.name, 'class="tiles"'],
    },
    sellerDashboard: {
      label: "Dashboard `/`, seller",
      path: "/",
      cookie: cookies.seller,
      markers: ['class="dashboard"', SELLER.name, 'class="dash-group"'],
    },
    agreement: {
      label: `Agreement page ${richest.number}, seller`,
      path: `/agreements/${richest.id}`,
      cookie: cookies.seller,
      markers: ['id="overview"', richest.number, 'id="tailoring"'],
    },
  };
  // Each target is checked once by hand, so a login or error page cannot pass for it.
  for (const t of Object.values(targets)) {
    const body = await checkPage(`${portal}${t.path}`, t.cookie, t.markers, t.label);
    t.bytes = Buffer.byteLength(body);
    // The API's statements for this one page: where its count per page comes from.
    await admin.query("select pg_stat_statements_reset()");
    await page(`${portal}${t.path}`, t.cookie);
    t.statements = (
      await admin.query(
        `select calls::int, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) as query
           from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname = $1 order by calls desc, query`,
        [ROLE],
      )
    ).rows;
  }
  log(
    `Logged in through the portal's form; the agreement page of ${richest.number} is the richest (${richest.bytes} characters).`,
  );

  const runs = {};
  for (const c of CONNECTIONS)
    for (const name of Object.keys(targets))
      runs[`${name}@${c}`] = {
        name,
        connections: c,
        requests: 0,
        sent: 0,
        seconds: 0,
        errors: 0,
        mismatches: 0,
        portalCpuMs: 0,
        apiCpuMs: 0,
        statements: 0,
        latencies: [],
        peakPortalRssMb: 0,
      };
  const pids = [servers.portal.pid, servers.api.pid];
  for (let round = 1; round <= ROUNDS; round++) {
    // Interleaved, each round starting elsewhere, so no page always runs first on a cool machine.
    const order = Object.keys(runs);
    for (let i = 1; i < round; i++) order.push(order.shift());
    for (const key of order) {
      const r = runs[key];
      const t = targets[r.name];
      const options = { url: `${portal}${t.path}`, cookie: t.cookie, markers: t.markers, connections: r.connections };
      log(
        `Round ${round}/${ROUNDS}: ${t.label} — ${WARMUP_SECONDS} s warm-up, ${MEASURED_SECONDS} s measured, ${r.connections} connections`,
      );
      await load({ ...options, seconds: WARMUP_SECONDS });
      await drain(pids);
      const cpu0 = pids.map(cpuMs);
      const sql0 = await statementsOf(admin, ROLE);
      const rss = setInterval(() => (r.peakPortalRssMb = Math.max(r.peakPortalRssMb, rssMb(servers.portal.pid))), 250);
      const { result, latencies } = await load({ ...options, seconds: MEASURED_SECONDS });
      clearInterval(rss);
      await drain(pids);
      const sql1 = await statementsOf(admin, ROLE);
      r.portalCpuMs += cpuMs(pids[0]) - cpu0[0];
      r.apiCpuMs += cpuMs(pids[1]) - cpu0[1];
      r.statements += sql1.calls - sql0.calls;
      r.requests += result.requests.total;
      r.sent += result.requests.sent;
      r.seconds += result.duration;
      r.errors += result.errors + result.timeouts + result.non2xx + result.mismatches;
      r.mismatches += result.mismatches;
      r.latencies.push(...latencies);
    }
  }

  const results = Object.values(runs).map((r) => {
    const sorted = r.latencies.sort((a, b) => a - b);
    const p95Ms = percentile(sorted, 95);
    return {
      page: r.name,
      label: targets[r.name].label,
      path: targets[r.name].path.replace(richest.id, "<id>"),
      connections: r.connections,
      requests: r.requests,
      reqPerSecond: r.requests / r.seconds,
      p50Ms: percentile(sorted, 50),
      p95Ms,
      p99Ms: percentile(sorted, 99),
      errors: r.errors,
      bodyBytes: targets[r.name].bytes,
      portalCpuMsPerRequest: r.portalCpuMs / r.sent,
      apiCpuMsPerRequest: r.apiCpuMs / r.sent,
      statementsPerRequest: r.statements / r.sent,
      peakPortalRssMb: r.peakPortalRssMb,
      meetsGoal: p95Ms < GOAL_P95_MS && r.errors === 0,
    };
  });
  await admin.end();
  machine.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(1)));
  const portalReport = {
    date: new Date().toISOString(),
    machine,
    goalP95Ms: GOAL_P95_MS,
    settings: {
      connections: CONNECTIONS,
      warmupSeconds: WARMUP_SECONDS,
      measuredSeconds: MEASURED_SECONDS,
      rounds: ROUNDS,
      agreement: richest.number,
    },
    results,
    statementsOfOnePage: Object.fromEntries(Object.values(targets).map((t) => [t.label, t.statements])),
  };
  // Added to the partner query's results of the same `npm run bench`, or to the last ones when run alone.
  const resultsDir = path.join(root, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  const latest = path.join(resultsDir, "latest.json");
  const report = existsSync(latest) ? JSON.parse(readFileSync(latest, "utf8")) : {};
  report.portal = portalReport;
  writeFileSync(latest, JSON.stringify(report, null, 2) + "\n");
  writePortalReport(portalReport, {
    print: (line) => console.log(line),
    docs: path.join(root, "docs", "performance.md"),
    readFileSync,
    writeFileSync,
    existsSync,
  });
} catch (e) {
  log(`The portal bench failed: ${e.stack ?? e}`);
  exitCode = 1;
} finally {
  await stopAll(children, cluster);
}
process.exit(exitCode);
