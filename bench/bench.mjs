// `npm run bench`: Trygg's partner query side by side with PostGraphile and a plain SQL handler on
// one throwaway PostgreSQL with generated data. See docs/performance.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { apiProcess, freePort, log, root, waitFor } from "../scripts/lib.mjs";
import { generate, insert, SIZES } from "./data.mjs";
import {
  cpuMs,
  load,
  percentile,
  rssMb,
  startCountingCluster,
  startServer,
  statementsOf,
  stopAll,
} from "./measure.mjs";
import { fromPostgraphile, fromTrygg, PAGE_SIZE, POSTGRAPHILE_QUERY, TRYGG_QUERY } from "./queries.mjs";
import { supportCalendarFigure } from "./support-calendar.mjs";
import { writeReport } from "./report.mjs";

const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const MEASURED_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** `tsx` measures the API the way `npm start` ran it before it was compiled. */
const TRYGG_START = process.env.BENCH_TRYGG_START ?? "production";

const ROLES = { trygg: "bench_trygg", postgraphile: "bench_postgraphile", plain: "bench_plain" };

function urlAs(url, role) {
  const u = new URL(url);
  u.username = role;
  return u.toString();
}

async function post(url, body, headers = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const json = await res.json();
  if (!res.ok || json.errors) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(json).slice(0, 500)}`);
  return json;
}

/** Waits until a server has finished what it was doing: no CPU and no statements for a while. */
async function drain(pid, role) {
  const deadline = Date.now() + 20_000;
  let last = "";
  let quiet = 0;
  while (Date.now() < deadline && quiet < 2) {
    await new Promise((r) => setTimeout(r, 400));
    const now = `${cpuMs(pid)}/${(await statementsOf(admin, role)).calls}`;
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}

function firstDifference(a, b) {
  if (a.totalCount !== b.totalCount) return `totalCount ${a.totalCount} vs ${b.totalCount}`;
  if (a.agreements.length !== b.agreements.length) return `${a.agreements.length} vs ${b.agreements.length} agreements`;
  const i = a.agreements.findIndex((x, n) => JSON.stringify(x) !== JSON.stringify(b.agreements[n]));
  return i < 0 ? null : `agreement #${i + 1}: ${JSON.stringify(a.agreements[i])} vs ${JSON.stringify(b.agreements[i])}`;
}

const machine = {
  cpu: os.cpus()[0]?.model ?? "unknown",
  cores: os.cpus().length,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(1))),
  commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim(),
};

if (TRYGG_START !== "tsx") {
  log("Compiling the API (npm run build -w api), so the bench measures the code as it is now…");
  if (
    spawnSync("npm", ["run", "build", "-w", "api"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] }).status !== 0
  )
    process.exit(1);
}
const { cluster, admin } = await startCountingCluster();
const children = [];
let exitCode = 0;
try {
  machine.postgres = (await admin.query("show server_version")).rows[0].server_version;
  // One role per server, so pg_stat_statements tells whose statements it counted.
  for (const role of Object.values(ROLES)) await admin.query(`create role ${role} login superuser`);

  log("Migrating with Trygg's migrations and inserting the generated data…");
  const migrate = apiProcess("scripts/migrate", { production: TRYGG_START !== "tsx" });
  const migrated = spawnSync(migrate.cmd, migrate.args, {
    cwd: root,
    env: { ...process.env, ...migrate.env, DATABASE_URL: cluster.url },
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(`Migrations failed: ${migrated.stderr}`);
  const data = generate();
  await insert(admin, data.tables);

  const ports = { trygg: await freePort(), postgraphile: await freePort(), plain: await freePort() };
  const api = apiProcess("main", { production: TRYGG_START !== "tsx" });
  const servers = {
    // BENCH_TRYGG_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=bench/results/profile", reach Trygg's node only.
    trygg: startServer(
      "Trygg",
      api.cmd,
      [...(process.env.BENCH_TRYGG_NODE_FLAGS?.split(" ").filter(Boolean) ?? []), ...api.args],
      {
        ...api.env,
        DATABASE_URL: urlAs(cluster.url, ROLES.trygg),
        API_PORT: String(ports.trygg),
        API_HOST: "127.0.0.1",
      },
    ),
    postgraphile: startServer("PostGraphile", "node", ["bench/servers/postgraphile.mjs"], {
      DATABASE_URL: urlAs(cluster.url, ROLES.postgraphile),
      PORT: String(ports.postgraphile),
      NODE_ENV: "production",
    }),
    plain: startServer("plain", "node", ["bench/servers/plain.mjs"], {
      DATABASE_URL: urlAs(cluster.url, ROLES.plain),
      PORT: String(ports.plain),
      BENCH_PARTNER_ID: data.partnerId,
      NODE_ENV: "production",
    }),
  };
  children.push(...Object.values(servers));
  const targets = {
    trygg: {
      label: `Trygg (${TRYGG_START === "tsx" ? "tsx, as npm start ran it" : "as npm start runs it"})`,
      url: `http://127.0.0.1:${ports.trygg}/graphql`,
      body: JSON.stringify({ query: TRYGG_QUERY, variables: { first: PAGE_SIZE } }),
      headers: { authorization: `Bearer ${data.token}` },
      page: fromTrygg,
    },
    postgraphile: {
      label: "PostGraphile 5 (amber, no auth)",
      url: `http://127.0.0.1:${ports.postgraphile}/graphql`,
      body: JSON.stringify({ query: POSTGRAPHILE_QUERY, variables: { first: PAGE_SIZE, partner: data.partnerId } }),
      headers: {},
      page: fromPostgraphile,
    },
    plain: {
      label: "plain SQL + JSON handler",
      url: `http://127.0.0.1:${ports.plain}/graphql`,
      body: JSON.stringify({ variables: { first: PAGE_SIZE } }),
      headers: {},
      page: fromTrygg,
    },
  };
  await waitFor(`http://127.0.0.1:${ports.trygg}/healthz`, { what: "Trygg" });
  await waitFor(`http://127.0.0.1:${ports.plain}/healthz`, { what: "the plain handler" });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await post(targets.postgraphile.url, targets.postgraphile.body);
      break;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  const pages = {};
  for (const [name, t] of Object.entries(targets)) pages[name] = t.page(await post(t.url, t.body, t.headers));
  for (const name of ["postgraphile", "plain"]) {
    const difference = firstDifference(pages.trygg, pages[name]);
    if (difference) throw new Error(`Trygg and ${name} answer different pages: ${difference}`);
  }
  const rentals = pages.trygg.agreements.reduce((n, a) => n + a.rentals.length, 0);
  log(
    `All three return the same page: ${pages.trygg.agreements.length} of ${pages.trygg.totalCount} agreements, ${rentals} licence rentals.`,
  );

  const runs = Object.fromEntries(
    Object.keys(targets).map((n) => [
      n,
      { requests: 0, sent: 0, seconds: 0, errors: 0, cpuMs: 0, statements: 0, dbMs: 0, rssMb: 0, latencies: [] },
    ]),
  );
  for (let round = 1; round <= ROUNDS; round++) {
    // Each round starts with a different server, so none always runs first on a cool machine.
    const order = Object.keys(targets);
    for (let i = 1; i < round; i++) order.push(order.shift());
    for (const name of order) {
      const t = targets[name];
      const pid = servers[name].pid;
      log(
        `Round ${round}/${ROUNDS}: ${t.label} — ${WARMUP_SECONDS} s warm-up, ${MEASURED_SECONDS} s measured, ${CONNECTIONS} connections`,
      );
      await load({ ...t, seconds: WARMUP_SECONDS, connections: CONNECTIONS });
      await drain(pid, ROLES[name]);
      const cpu0 = cpuMs(pid);
      const sql0 = await statementsOf(admin, ROLES[name]);
      const rss = setInterval(() => (runs[name].rssMb = Math.max(runs[name].rssMb, rssMb(pid))), 250);
      const { result, latencies } = await load({ ...t, seconds: MEASURED_SECONDS, connections: CONNECTIONS });
      clearInterval(rss);
      // Requests still in flight when autocannon stops are finished by the server all the same:
      // let them finish, and divide by the requests sent, so that CPU and statements per request
      // are exact rather than inflated by the requests cut off at the end.
      await drain(pid, ROLES[name]);
      const sql1 = await statementsOf(admin, ROLES[name]);
      const r = runs[name];
      r.cpuMs += cpuMs(pid) - cpu0;
      r.statements += sql1.calls - sql0.calls;
      r.dbMs += sql1.ms - sql0.ms;
      r.requests += result.requests.total;
      r.sent += result.requests.sent;
      r.seconds += result.duration;
      r.errors += result.errors + result.timeouts + result.non2xx;
      r.latencies.push(...latencies);
    }
  }

  const results = {};
  for (const [name, r] of Object.entries(runs)) {
    const sorted = r.latencies.sort((a, b) => a - b);
    results[name] = {
      label: targets[name].label,
      requests: r.requests,
      reqPerSecond: r.requests / r.seconds,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
      errors: r.errors,
      statementsPerRequest: r.statements / r.sent,
      dbMsPerRequest: r.dbMs / r.sent,
      cpuMsPerRequest: r.cpuMs / r.sent,
      peakRssMb: r.rssMb,
    };
  }
  const report = {
    date: new Date().toISOString(),
    machine,
    data: SIZES,
    settings: {
      pageSize: PAGE_SIZE,
      connections: CONNECTIONS,
      warmupSeconds: WARMUP_SECONDS,
      measuredSeconds: MEASURED_SECONDS,
      rounds: ROUNDS,
      tryggStart: TRYGG_START,
    },
    results,
    ratios: {
      tryggToPostgraphile: results.trygg.reqPerSecond / results.postgraphile.reqPerSecond,
      tryggToPlain: results.trygg.reqPerSecond / results.plain.reqPerSecond,
      postgraphileToPlain: results.postgraphile.reqPerSecond / results.plain.reqPerSecond,
    },
    supportCalendar: await supportCalendarFigure(),
  };
  // Which statements Trygg ran, over the whole run: where its statement count per request comes from.
  report.tryggStatements = (
    await admin.query(
      `select calls::int, round(mean_exec_time::numeric, 2)::float8 as mean_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query
         from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname = $1 order by calls desc limit 15`,
      [ROLES.trygg],
    )
  ).rows;
  await admin.end();
  const resultsDir = path.join(root, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  // The portal's figures of an earlier run stay when only the API part runs (`--only api`).
  const latest = path.join(resultsDir, "latest.json");
  const earlierPortal = existsSync(latest) ? JSON.parse(readFileSync(latest, "utf8")).portal : undefined;
  writeFileSync(latest, JSON.stringify(earlierPortal ? { ...report, portal: earlierPortal } : report, null, 2) + "\n");
  writeReport(report, {
    print: (line) => console.log(line),
    docs: path.join(root, "docs", "performance.md"),
    readFileSync,
    writeFileSync,
    existsSync,
  });
} catch (e) {
  log(`The bench failed: ${e.stack ?? e}`);
  exitCode = 1;
} finally {
  await stopAll(children, cluster);
}
process.exit(exitCode);
