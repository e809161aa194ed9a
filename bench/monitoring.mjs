// Monitoring's two hot paths, part of `npm run bench` (alone: `npm run bench -- --only monitoring`):
// ping ingestion (what every installation calls, all day) and the sweeper (one loop for every
// check), against the compiled API as `npm start` runs it, on a throwaway PostgreSQL holding
// 100,000 checks (issue 20's size). See docs/performance.md.
import autocannon from "autocannon";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import pg from "pg";
import { apiProcess, freePort, log, root, waitFor } from "../scripts/lib.mjs";
import { generate, insert } from "./data.mjs";
import {
  cpuMs,
  percentile,
  postgresCpuMs,
  rssMb,
  startCountingCluster,
  startServer,
  statementsOf,
  stopAll,
} from "./measure.mjs";
import { writeMonitoringReport } from "./report.mjs";

const CHECKS = Number(process.env.BENCH_MONITORING_CHECKS ?? 100_000);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const MEASURED_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** BENCH_MONITORING_SWEEP=off measures the pings alone (minutes less; docs/performance.md is then left as it is). */
const SWEEP = process.env.BENCH_MONITORING_SWEEP !== "off";
/**
 * BENCH_MONITORING_COMPARE=<another build's api/dist>: measures the pings of that build (B) and of
 * this one (A), each on a database of the same cluster that its own build migrated (so a change of
 * schema can be compared) holding the same data, interleaved for BENCH_MONITORING_ROUNDS rounds, and
 * prints A/B per round; on a shared machine the ratio means more than either figure. Skips the sweep.
 */
const COMPARE = process.env.BENCH_MONITORING_COMPARE;
const COMPARE_ROUNDS = Number(process.env.BENCH_MONITORING_ROUNDS ?? 3);
/** Installations ping from their own addresses; the bench says so in X-Forwarded-For (loopback is trusted). */
const ADDRESSES = 5_000;
const ROLE = "bench_monitoring_api";
/** Issue 20's goals on this 2-core machine. */
export const GOALS = { pingsPerSecond: 2_000, p99Ms: 50, peakRssMb: 300 };

/** A reproducible ping key per check: "tpk_" and 43 base64url characters, as ping-key.ts makes them. */
const keyOf = (n) => `tpk_${createHash("sha256").update(`bench-check-${n}`).digest("base64url")}`;
const sha256 = (s) => createHash("sha256").update(s).digest("hex");

/** A URL of the cluster's, for another database or role. */
function urlWith(url, { role, database }) {
  const u = new URL(url);
  if (role) u.username = role;
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

async function until(what, test, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Pings random checks from random addresses: successes, as a healthy fleet sends them. */
function pingLoad(base, seconds) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let n = 0;
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            setupRequest: (req) => {
              n = (n * 7919 + 104_729) % CHECKS;
              return {
                ...req,
                method: "POST",
                path: `/ping/${keyOf(n)}`,
                headers: { "x-forwarded-for": `10.${(n % ADDRESSES) >> 8}.${n % 256}.1` },
              };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, latencies })),
    );
    instance.on("response", (_c, _s, _b, responseTime) => latencies.push(responseTime));
  });
}

/** Warms up, then pings a server for the measured seconds: rate, latency, per-ping work, memory, load. */
async function measurePings(server, base, label) {
  log(
    `Pings${label && ` (${label})`}: ${WARMUP_SECONDS} s warm-up, ${MEASURED_SECONDS} s measured, ${CONNECTIONS} connections`,
  );
  await pingLoad(base, WARMUP_SECONDS);
  const cpu0 = cpuMs(server.pid);
  const pgCpu0 = postgresCpuMs(pgPort);
  const benchCpu0 = process.cpuUsage();
  const sql0 = await statementsOf(admin, ROLE);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid))), 250);
  const { result, latencies } = await pingLoad(base, MEASURED_SECONDS);
  clearInterval(sampler);
  const benchCpu = process.cpuUsage(benchCpu0);
  const pgCpu = postgresCpuMs(pgPort) - pgCpu0;
  // The machine may be shared: the figures mean little without the load they were measured under.
  const loadAverage = loadavg()[0];
  await new Promise((r) => setTimeout(r, 500));
  const sql1 = await statementsOf(admin, ROLE);
  const sorted = latencies.sort((a, b) => a - b);
  const sent = result.requests.sent;
  const pings = {
    checks: CHECKS,
    connections: CONNECTIONS,
    perSecond: result.requests.total / result.duration,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    errors: result.errors + result.timeouts + result.non2xx,
    statementsPerPing: (sql1.calls - sql0.calls) / sent,
    cpuMsPerPing: (cpuMs(server.pid) - cpu0) / sent,
    // Where the rest of the two cores went: PostgreSQL, and this process (autocannon sending the pings).
    postgresCpuMsPerPing: pgCpu / sent,
    benchCpuMsPerPing: (benchCpu.user + benchCpu.system) / 1000 / sent,
    peakRssMb: peakRss,
    loadAverage,
  };
  log(
    `Pings${label && ` (${label})`}: ${pings.perSecond.toFixed(0)}/s, p50 ${pings.p50Ms} ms, p99 ${pings.p99Ms} ms, ${pings.errors} errors, ` +
      `${pings.statementsPerPing.toFixed(2)} statements and ${pings.cpuMsPerPing.toFixed(2)} ms API CPU per ping ` +
      `(PostgreSQL ${pings.postgresCpuMsPerPing.toFixed(2)} ms, autocannon ${pings.benchCpuMsPerPing.toFixed(2)} ms), ` +
      `peak RSS ${peakRss.toFixed(0)} MB, load average ${loadAverage.toFixed(1)}.`,
  );
  return pings;
}

if (process.env.BENCH_TRYGG_START !== "tsx") {
  log("Compiling the API (npm run build -w api)…");
  if (spawnSync("npm", ["run", "build", "-w", "api"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] }).status)
    process.exit(1);
}
/**
 * A database as the API `dist` migrates it, the partner bench's data, and an API on it whose first
 * reconciliation gives each covered installation its default checks; then CHECKS bench heartbeats.
 */
async function prepare({ name, db, url, dist, flags }) {
  const migrate = apiProcess("scripts/migrate", { dist });
  const migrated = spawnSync(migrate.cmd, migrate.args, {
    cwd: root,
    env: { ...process.env, ...migrate.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(`Migrations failed: ${migrated.stderr}`);
  await insert(db, generate().tables);
  // Every agreement orders Systemövervakning, so the checks below stay covered when the sweeper reconciles.
  await db.query(
    `insert into add_ons (agreement_id, kind, starts_on) select id, 'MONITORING', current_date - 30 from agreements`,
  );
  const port = await freePort();
  const api = apiProcess("main", { dist });
  const server = startServer(name, api.cmd, [...flags, ...api.args], {
    ...api.env,
    DATABASE_URL: urlWith(url, { role: ROLE }),
    API_PORT: String(port),
    API_HOST: "127.0.0.1",
    MONITORING_SWEEP_SECONDS: "1",
  });
  children.push(server);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/healthz`, { what: name });
  // The first pass reconciles: each covered installation gets its default checks. Their properties
  // and agreements carry the bench's own checks, so these are covered too.
  await until(
    "the sweeper's first reconciliation",
    async () => (await db.query("select count(*)::int as n from monitoring_checks")).rows[0].n > 0,
    60_000,
  ).catch((e) => {
    throw new Error(`${e.message} The API said: ${server.stderrTail().slice(-1_500)}`);
  });
  const { rows: covered } = await db.query(
    "select distinct property_id, agreement_id, customer_id from monitoring_checks order by property_id",
  );
  log(`Inserting ${CHECKS.toLocaleString("en")} heartbeat checks over ${covered.length} covered installations…`);
  await db.query("update monitoring_checks set alert_after = null, state = 'PAUSED', pause_cause = 'BY_USER'");
  const rows = Array.from({ length: CHECKS }, (_, n) => {
    const at = covered[n % covered.length];
    const key = keyOf(n);
    return {
      customer_id: at.customer_id,
      property_id: at.property_id,
      agreement_id: at.agreement_id,
      kind: "HEARTBEAT",
      name: `Bench heartbeat ${n}`,
      period_seconds: 300,
      grace_seconds: 300,
      run_grace_seconds: 3600,
      failure_threshold: 2,
      success_threshold: 1,
      state: "NEW",
      ping_key_prefix: key.slice(0, 10),
      ping_key_hash: sha256(key),
    };
  });
  await insert(db, { monitoring_checks: rows });
  const first = await fetch(`${base}/ping/${keyOf(0)}`, { method: "POST" });
  if (first.status !== 200) throw new Error(`A ping answered ${first.status}: ${await first.text()}`);
  return { server, base };
}

const { cluster, admin } = await startCountingCluster();
const pgPort = Number(new URL(cluster.url).port);
const children = [];
let exitCode = 0;
try {
  await admin.query(`create role ${ROLE} login superuser`);
  log("Migrating and inserting the partner bench's data…");
  // BENCH_TRYGG_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=bench/results/profile", reach the API's node only.
  const flags = process.env.BENCH_TRYGG_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const { server, base } = await prepare({
    name: "Trygg",
    db: admin,
    url: cluster.url,
    dist: path.join(root, "api", "dist"),
    flags,
  });

  if (COMPARE) {
    // A/B: the other build (B) on a database of its own, migrated by B (its schema may differ), in
    // the same cluster; rounds interleaved (B A, A B, …).
    await admin.query("create database bench_b");
    const bUrl = urlWith(cluster.url, { database: "bench_b" });
    const bDb = new pg.Client({ connectionString: bUrl });
    await bDb.connect();
    log("B: migrating and inserting the same data…");
    const { server: other, base: otherBase } = await prepare({
      name: "Trygg (B)",
      db: bDb,
      url: bUrl,
      dist: COMPARE,
      flags,
    });
    await bDb.end();
    // Both need their code compiled hot: not measured.
    for (const b of [otherBase, base]) await pingLoad(b, 2 * WARMUP_SECONDS);
    const ratios = [];
    for (let round = 1; round <= COMPARE_ROUNDS; round++) {
      const b = round % 2 ? await measurePings(other, otherBase, "B") : null;
      const a = await measurePings(server, base, "A");
      const b2 = b ?? (await measurePings(other, otherBase, "B"));
      ratios.push(a.perSecond / b2.perSecond);
      log(`Round ${round}: A/B pings/s ${(a.perSecond / b2.perSecond).toFixed(2)}`);
    }
    log(`A/B pings/s per round (A: this build, B: ${COMPARE}): ${ratios.map((r) => r.toFixed(2)).join(", ")}`);
    throw Object.assign(new Error("done"), { done: true });
  }
  const pings = await measurePings(server, base, "");
  if (!SWEEP) {
    log("Sweep skipped (BENCH_MONITORING_SWEEP=off); docs/performance.md left as it is.");
    throw Object.assign(new Error("done"), { done: true });
  }

  // Every bench check, up, misses its deadline at once: the sweeper must date and write each LATE flip.
  const { rows: due } = await admin.query(
    `update monitoring_checks set state = 'UP', expected_at = now() - interval '1 second', alert_after = now() - interval '1 second'
      where name like 'Bench heartbeat %' returning id`,
  );
  const flips0 = (await admin.query("select count(*)::int as n from monitoring_flips")).rows[0].n;
  const sweepStart = Date.now();
  const sweepCpu0 = cpuMs(server.pid);
  await until(
    "the sweep",
    async () =>
      (
        await admin.query(
          "select count(*)::int as n from monitoring_checks where alert_after < now() - interval '2 seconds'",
        )
      ).rows[0].n === 0,
    600_000,
  );
  const sweepSeconds = (Date.now() - sweepStart) / 1000;
  const flips = (await admin.query("select count(*)::int as n from monitoring_flips")).rows[0].n - flips0;
  const sweep = {
    dueChecks: due.length,
    flips,
    seconds: sweepSeconds,
    checksPerSecond: due.length / sweepSeconds,
    cpuMsPerCheck: (cpuMs(server.pid) - sweepCpu0) / Math.max(1, due.length),
  };
  log(`Sweep: ${due.length} due checks, ${flips} flips in ${sweepSeconds.toFixed(1)} s.`);

  // The same code measures 2-3x apart on two CPU models of the shared machine: the figures name theirs.
  const machine = { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, node: process.version };
  const report = { date: new Date().toISOString(), machine, goals: GOALS, pings, sweep };
  await admin.end();
  const resultsDir = path.join(root, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  const latest = path.join(resultsDir, "latest.json");
  const earlier = existsSync(latest) ? JSON.parse(readFileSync(latest, "utf8")) : {};
  writeFileSync(latest, JSON.stringify({ ...earlier, monitoring: report }, null, 2) + "\n");
  writeMonitoringReport(report, {
    print: (line) => console.log(line),
    docs: path.join(root, "docs", "performance.md"),
    readFileSync,
    writeFileSync,
  });
} catch (e) {
  if (!e.done) {
    log(`The monitoring bench failed: ${e.stack ?? e}`);
    exitCode = 1;
  }
} finally {
  await stopAll(children, cluster);
}
process.exit(exitCode);
