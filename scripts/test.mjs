// `npm test`: the whole suite on a fresh machine. Installs what it needs, lets turbo run (or replay
// from its cache) lint, typecheck, the unit tests, the builds and the freshness checks, starts a
// throwaway PostgreSQL for the integration and browser tests, and ends with `N passed, N failed`.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import {
  apiScript,
  aptInstall,
  ensureDependencies,
  freePort,
  log,
  root,
  run,
  startService,
  stopService,
  waitFor,
} from "./lib.mjs";
import { startCluster } from "./postgres.mjs";

/**
 * `npm test -- --shuffle[=seed]`: the browser tests' files in an order drawn from the seed, to find a journey that
 * counts on another's leftovers or on the demo as seeded after another changed it (decision 0136).
 */
const shuffleArg = process.argv.find((a) => a === "--shuffle" || a.startsWith("--shuffle="));
const shuffleSeed = shuffleArg ? Number(shuffleArg.split("=")[1] ?? Math.floor(Math.random() * 1e6)) : undefined;
if (shuffleSeed !== undefined && !Number.isSafeInteger(shuffleSeed)) {
  log(`--shuffle takes a whole number as its seed, e.g. --shuffle=4711 (got ${shuffleArg})`);
  process.exit(2);
}

const results = [];
const artifacts = path.join(root, ".test-artifacts");
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

/** A failure message's first lines without colour codes or library frames: the cause, in a CI log's tail. */
function firstLines(message, count = 4) {
  return (
    String(message ?? "")
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, "")
      .split("\n")
      .filter((l) => l.trim() && !/^\s*at (.*node_modules|new Promise)/.test(l))
      .slice(0, count)
  );
}

/**
 * Pass and fail counts from a vitest JSON report (none when the run never wrote one), and what failed:
 * the summary repeats it, because a CI log keeps only its tail and a suite's own output scrolls away.
 */
function vitestCounts(report, ok) {
  let passed = 0;
  let failed = 0;
  const failures = [];
  const retried = [];
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed = json.numPassedTests;
    for (const file of json.testResults ?? []) {
      const where = path.relative(root, file.name ?? "");
      for (const test of file.assertionResults ?? []) {
        const seen = { title: `${where} › ${test.fullName}`, lines: firstLines(test.failureMessages?.[0]) };
        if (test.status === "failed") failures.push(seen);
        // A pass that kept an attempt's failure passed only on its retry (decision 0134).
        else if (test.status === "passed" && (test.failureMessages ?? []).length > 0) retried.push(seen);
      }
      // A file that failed before running any test (a syntax error, a failing hook) counts once.
      if (file.status === "failed" && (file.assertionResults ?? []).length === 0)
        failures.push({ title: where, lines: firstLines(file.message) });
    }
    const broken = failures.length - failures.filter((f) => f.title.includes(" › ")).length;
    failed = json.numFailedTests + broken;
    if (json.numTotalTests === 0) failed += 1; // a suite that ran nothing is a failure, not a pass
  }
  if (!ok && failed === 0) failed = 1;
  return { passed, failed, failures, retried };
}

/**
 * A child that does not block this process (the services' output keeps flowing), its output on the
 * terminal or, with `file`, in that file: two suites at once would interleave line by line.
 */
function runAsync(cmd, args, { env, file } = {}) {
  return new Promise((resolve) => {
    const out = file ? openSync(file, "w") : "inherit";
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", out, out] });
    const done = (code) => {
      if (file) closeSync(out);
      resolve(code ?? 1);
    };
    child.once("error", () => done(1));
    child.once("close", done);
  });
}

/** A vitest run: its own pass and fail counts go into the summary. With `logged`, its output follows its end. */
async function vitest(name, args, { env, logged = false } = {}) {
  const slug = name.replace(/\W+/g, "-");
  const file = logged ? path.join(artifacts, `${slug}.log`) : undefined;
  log(`▶ ${name}${logged ? " (beside the next suite; its output follows when it ends)" : ""}`);
  const report = path.join(artifacts, `${slug}.json`);
  const status = await runAsync(
    "npx",
    ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    { env, file },
  );
  if (file) {
    log(`${name}: its output`);
    process.stdout.write(readFileSync(file));
  }
  const { passed, failed, failures, retried } = vitestCounts(report, status === 0);
  results.push({ name, passed, failed, failures, retried });
  log(`${failed === 0 ? "✔" : "✘"} ${name}: ${passed} passed, ${failed} failed`);
}

/**
 * What turbo runs and caches (turbo.json): each task is one check, except the unit tests, whose
 * vitest report is a cached output, so a replayed run still counts its tests. The portal's build
 * is here too, for the browser tests below.
 */
const TURBO_TASKS = [
  "lint",
  "lint:root",
  "knip",
  "format:check",
  "engines:check",
  "typecheck",
  "example:typecheck",
  "test:unit",
  "schema:check",
  "schema:check:compiled",
  "codegen:check",
  "example:codegen",
  "build",
];

function turboChecks() {
  log(`▶ turbo run ${TURBO_TASKS.join(" ")} (unchanged tasks are replayed from .turbo/cache)`);
  // The Node on the PATH runs every task; its version is part of each task's cache key.
  const nodeVersion = spawnSync("node", ["--version"], { encoding: "utf8" }).stdout.trim();
  log(`Node ${nodeVersion}`);
  const env = { TURBO_TELEMETRY_DISABLED: "1", TRYGG_NODE_VERSION: nodeVersion };
  const args = ["turbo", "run", ...TURBO_TASKS, "--continue=dependencies-successful"];
  // The plan first: a task whose dependency failed never runs and is missing from the summary.
  const dry = spawnSync("npx", [...args, "--dry=json"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const planned = dry.status === 0 ? JSON.parse(dry.stdout).tasks.filter((t) => t.command !== "<NONEXISTENT>") : [];
  const runs = path.join(root, ".turbo", "runs");
  rmSync(runs, { recursive: true, force: true });
  // A report left by an earlier run must not stand in for one this run failed to write.
  for (const t of planned) rmSync(path.join(root, t.directory, "test-results"), { recursive: true, force: true });
  const status = run("npx", [...args, "--output-logs=new-only", "--summarize"], { env });
  const summaryFile = existsSync(runs) ? readdirSync(runs).find((f) => f.endsWith(".json")) : undefined;
  if (!planned.length || !summaryFile) {
    results.push({ name: "turbo run", passed: 0, failed: 1 });
    return;
  }
  const done = new Map(JSON.parse(readFileSync(path.join(runs, summaryFile), "utf8")).tasks.map((t) => [t.taskId, t]));
  let cached = 0;
  for (const plan of planned) {
    const task = done.get(plan.taskId);
    const name = `${plan.task} (${plan.package === "//" ? "root" : plan.directory})`;
    const ok = task?.execution?.exitCode === 0;
    const hit = task?.cache?.status === "HIT";
    if (hit) cached += 1;
    const counts =
      plan.task === "test:unit"
        ? vitestCounts(path.join(root, plan.directory, "test-results", "unit.json"), ok)
        : { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
    results.push({
      name: task ? name : `${name}: did not finish (a task it needs failed, or turbo was stopped)`,
      ...counts,
      cached: hit,
    });
  }
  if (status !== 0 && !results.some((r) => r.failed > 0)) results.push({ name: "turbo run", passed: 0, failed: 1 });
  log(`turbo: ${cached} of ${planned.length} tasks replayed from the cache`);
}

/**
 * Debian's headless shell (Chromium's "old headless"), the browser Playwright itself runs headless: the full
 * browser's new headless mode cost twice its CPU for the same journeys (decision 0137), on two saturated cores.
 */
function ensureChromium() {
  if (!existsSync("/usr/bin/chromium-headless-shell")) aptInstall(["chromium-headless-shell"]);
}

let cluster;
const services = [];
/** `npm test -- --checks`: only what turbo runs, without PostgreSQL and Chromium. */
const checksOnly = process.argv.includes("--checks");
/** `npm test -- --screenshots`: the browser tests also photograph each step into .test-artifacts/ (decision 0132). */
const screenshots = process.argv.includes("--screenshots");

async function main() {
  ensureDependencies();
  if (!checksOnly) ensureChromium();

  turboChecks();
  if (checksOnly) return;

  cluster = await startCluster();
  // The integration tests run beside the browser tests, which mostly wait (Chromium, the portal and
  // the API take turns); the two share nothing but the PostgreSQL server, each with its own databases.
  const integration = vitest("api integration (PostgreSQL 15)", ["--root", "api", "--project", "integration"], {
    env: { TEST_DATABASE_URL: cluster.url },
    logged: true,
  });
  try {
    await endToEnd();
  } finally {
    await integration;
  }
}

/** The API on PostgreSQL with the demo, the built portal, the demo mailbox and Chromium. */
async function endToEnd() {
  const e2eDb = cluster.url.replace(/\/postgres$/, "/trygg_e2e");
  run("psql", [cluster.url, "-q", "-c", "create database trygg_e2e"]);
  const apiPort = await freePort();
  const portalPort = await freePort();
  // The demo mailbox receives the API's mail, so journeys can open the links in it (a password reset).
  const mailboxPort = await freePort();
  const mailboxDir = path.join(root, ".test-artifacts", "mailbox");
  rmSync(mailboxDir, { recursive: true, force: true });
  const apiEnv = {
    DATABASE_URL: e2eDb,
    API_PORT: String(apiPort),
    LOG_LEVEL: "warn",
    // The escalation journey waits for this job to hand a case back; a minute would be its whole run.
    ESCALATION_SWEEP_SECONDS: "2",
    NODE_ENV: "test",
    SMTP_URL: `smtp://127.0.0.1:${mailboxPort}`,
    PORTAL_URL: `http://127.0.0.1:${portalPort}`,
  };
  const seeded = (await runAsync("npx", apiScript("scripts/seed-demo.ts", "--quiet"), { env: apiEnv })) === 0;
  const built = seeded && existsSync(path.join(root, "portal", "build", "server", "index.js"));
  if (!built) {
    results.push({ name: "e2e setup", passed: 0, failed: 1 });
    return;
  }
  services.push(
    startService("mailbox", "npx", apiScript("scripts/demo-mailbox.ts"), {
      env: { MAILBOX_PORT: String(mailboxPort), MAILBOX_DIR: mailboxDir },
    }),
  );
  services.push(startService("api", "npx", apiScript("main.ts"), { env: apiEnv }));
  services.push(
    startService("portal", "node", ["portal/server.mjs"], {
      env: {
        PORT: String(portalPort),
        TRYGG_API_URL: `http://127.0.0.1:${apiPort}/graphql`,
        NODE_ENV: "production",
        SESSION_SECRET: randomBytes(32).toString("base64url"),
      },
    }),
  );
  try {
    await waitFor(`http://127.0.0.1:${apiPort}/healthz`, { what: "API" });
    await waitFor(`http://127.0.0.1:${portalPort}/login`, { what: "portal" });
  } catch (e) {
    log(e.message);
    results.push({ name: "e2e setup", passed: 0, failed: 1 });
    return;
  }
  const env = {
    PORTAL_URL: `http://127.0.0.1:${portalPort}`,
    API_URL: `http://127.0.0.1:${apiPort}/graphql`,
    MAILBOX_DIR: mailboxDir,
    // The escalation journey makes a case's deadline pass in the database (support-escalation.e2e.test.ts), and the
    // Hantera quota journey runs the lapse job against it (hantera-over-quota.e2e.test.ts).
    E2E_DATABASE_URL: e2eDb,
    ...(screenshots ? { E2E_SCREENSHOTS: "1" } : {}),
  };
  // The layout walk (its own file, decision 0124) runs with the journeys, one file at a time: beside them it
  // slowed every journey and the integration tests more than it saved.
  const order = [];
  if (shuffleSeed !== undefined) {
    log(
      `The browser tests' files in a shuffled order, seed ${shuffleSeed} (again: npm test -- --shuffle=${shuffleSeed})`,
    );
    order.push("--sequence.shuffle.files", `--sequence.seed=${shuffleSeed}`);
  }
  await vitest("portal e2e (Chromium)", ["--config", "portal/vitest.e2e.config.ts", ...order], { env });
}

let exitCode = 1;
try {
  await main();
} catch (e) {
  log(`The test run stopped: ${e.stack ?? e}`);
  results.push({ name: "test runner", passed: 0, failed: 1 });
} finally {
  for (const s of services) await stopService(s);
  cluster?.stop();
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log("\nSummary:");
  for (const r of results)
    console.log(
      `  ${r.failed === 0 ? "✔" : "✘"} ${r.name}: ${r.passed} passed, ${r.failed} failed${r.cached ? " (cached)" : ""}`,
    );
  const listed = (title, items, mark) => {
    if (items.length > 0) console.log(`\n${title}`);
    for (const f of items) console.log(`  ${mark} ${f.title}\n${f.lines.map((l) => `      ${l}`).join("\n")}`);
  };
  listed(
    "Passed only on a retry (flaky: each is a bug to fix, decision 0134):",
    results.flatMap((r) => r.retried ?? []),
    "↻",
  );
  listed(
    "Failed:",
    results.flatMap((r) => r.failures ?? []),
    "✘",
  );
  console.log(`\n${passed} passed, ${failed} failed`);
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
}
process.exit(exitCode);
