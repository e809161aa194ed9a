// What the bench reads while it loads a server: the server's CPU time and resident memory (from
// /proc, summed over its process group), the SQL statements its database role ran
// (pg_stat_statements), and the latency of every response (autocannon).
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import { log, root, stopService } from "../scripts/lib.mjs";
import { startCluster } from "../scripts/postgres.mjs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Starts a server to measure, detached: it leads its own process group, which is what /proc is summed over. */
export function startServer(name, cmd, args, env) {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr.on("data", (c) => (stderr = (stderr + c).slice(-4_000)));
  /** What the server last said on stderr, to tell why it did not do what the bench waits for. */
  child.stderrTail = () => stderr;
  child.on("exit", (code) => {
    if (code && !child.stopping) log(`${name} exited with ${code}: ${stderr}`);
  });
  return child;
}

/** Processes of a process group (a server started detached leads its own group). */
function groupMembers(pgid) {
  const members = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name may hold spaces; the fields after it are fixed.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) members.push({ pid: Number(name), fields });
    } catch {
      // gone meanwhile
    }
  }
  return members;
}

/** User + system CPU milliseconds of every process in the group. */
export function cpuMs(pgid) {
  return groupMembers(pgid).reduce(
    (sum, m) => sum + ((Number(m.fields[11]) + Number(m.fields[12])) * 1000) / TICKS_PER_SECOND,
    0,
  );
}

/**
 * User + system CPU milliseconds of the PostgreSQL listening on `port`: its postmaster, its children
 * (the backends, the WAL writer, …) and the children it has reaped (ended connections).
 */
export function postgresCpuMs(port) {
  let sum = 0;
  let postmaster = null;
  const stats = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.push({ pid: Number(name), fields });
      const candidate = postmaster === null && stat.includes("(postgres)");
      const args = candidate ? readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0") : [];
      if (args[0]?.endsWith("/postgres") && args[args.indexOf("-p") + 1] === String(port)) postmaster = Number(name);
    } catch {
      // gone meanwhile
    }
  }
  for (const { pid, fields } of stats) {
    const own = Number(fields[11]) + Number(fields[12]);
    if (pid === postmaster) sum += own + Number(fields[13]) + Number(fields[14]);
    else if (Number(fields[1]) === postmaster) sum += own;
  }
  return (sum * 1000) / TICKS_PER_SECOND;
}

/** Resident set of the group's largest process, in MB (the server itself, not its launcher). */
export function rssMb(pgid) {
  let largest = 0;
  for (const m of groupMembers(pgid)) {
    try {
      const line = readFileSync(`/proc/${m.pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
      if (line) largest = Math.max(largest, Number(line[1]) / 1024);
    } catch {
      // gone meanwhile
    }
  }
  return largest;
}

/**
 * A throwaway PostgreSQL 15 that counts each role's statements (pg_stat_statements, read by
 * `statementsOf`), and a superuser client on it. Stop it with `stopAll`.
 */
export async function startCountingCluster() {
  const cluster = await startCluster({
    settings: { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "top" },
  });
  const admin = new pg.Client({ connectionString: cluster.url });
  try {
    await admin.connect();
    await admin.query("create extension pg_stat_statements");
  } catch (e) {
    cluster.stop();
    throw e;
  }
  return { cluster, admin };
}

/** Stops the servers a bench started (as stopping, so their exit is no failure), then its cluster. */
export async function stopAll(children, cluster) {
  for (const child of children) child.stopping = true;
  await Promise.all(children.map((c) => stopService(c)));
  cluster.stop();
}

/** Statements and their execution time so far for one database role. */
export async function statementsOf(admin, role) {
  const { rows } = await admin.query(
    `select coalesce(sum(calls), 0)::bigint as calls, coalesce(sum(total_exec_time), 0)::float8 as ms
       from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname = $1`,
    [role],
  );
  return { calls: Number(rows[0].calls), ms: Number(rows[0].ms) };
}

/** One bounded autocannon run; every response's latency is kept for exact percentiles. */
export function load({ url, body, headers, seconds, connections }) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon(
      {
        url,
        method: "POST",
        body,
        headers: { "content-type": "application/json", ...headers },
        connections,
        duration: seconds,
        timeout: 30,
      },
      (err, result) => (err ? reject(err) : resolve({ result, latencies })),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * What the API does with nobody asking: CPU per second of each process and SQL statements per second of `role`, over
 * `ms` of quiet. The scale bench takes it off a run's figures (decision 0130): a freshly seeded scale set starts the
 * API's daily jobs on work the seed left them (agreements that ended, cases past their installer's deadline).
 */
export async function idleRate(admin, role, pids, ms = 2000) {
  const cpu0 = pids.map(cpuMs);
  const sql0 = await statementsOf(admin, role);
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, ms));
  const sql1 = await statementsOf(admin, role);
  const seconds = (Date.now() - t0) / 1000;
  return {
    cpuMsPerSecond: pids.map((pid, i) => (cpuMs(pid) - cpu0[i]) / seconds),
    statementsPerSecond: (sql1.calls - sql0.calls) / seconds,
  };
}

/**
 * Waits until the API is idle: its start-up catch-up on a fresh set (the daily jobs' first pass, decision 0130) done,
 * at most `maxMs`. Idle is two windows in a row under 20 ms of CPU a second (2 % of a core) and 2 statements a
 * second: the periodic jobs' polling stays under that. Returns how long it took and whether it got there.
 */
export async function untilIdle(admin, role, pid, maxMs = 15 * 60_000) {
  const t0 = Date.now();
  let quiet = 0;
  while (Date.now() - t0 < maxMs) {
    const idle = await idleRate(admin, role, [pid], 3000);
    quiet = idle.cpuMsPerSecond[0] < 20 && idle.statementsPerSecond < 2 ? quiet + 1 : 0;
    if (quiet === 2) return { seconds: (Date.now() - t0) / 1000, idle: true };
  }
  return { seconds: (Date.now() - t0) / 1000, idle: false };
}
