// `npm test`: the whole suite on a fresh machine. Installs what it needs, starts a throwaway
// PostgreSQL, runs checks, unit, integration and browser tests, and ends with `N passed, N failed`.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { apiScript, aptInstall, ensureDependencies, freePort, log, root, run, startService, stopService, waitFor } from "./lib.mjs";
import { startCluster } from "./postgres.mjs";

const results = [];
const artifacts = path.join(root, ".test-artifacts");
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

/** A check that is one test: it passes when the command exits 0. */
function check(name, cmd, args, opts) {
  log(`▶ ${name}`);
  const ok = run(cmd, args, opts) === 0;
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  log(`${ok ? "✔" : "✘"} ${name}`);
}

/** A vitest run: its own pass and fail counts go into the summary. */
function vitest(name, args, opts = {}) {
  log(`▶ ${name}`);
  const report = path.join(artifacts, `${name.replace(/\W+/g, "-")}.json`);
  const status = run("npx", ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], opts);
  let passed = 0;
  let failed = 0;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed = json.numPassedTests;
    // A file that failed before running any test (a syntax error, a failing hook) counts once.
    const broken = (json.testResults ?? []).filter((r) => r.status === "failed" && (r.assertionResults ?? []).length === 0).length;
    failed = json.numFailedTests + broken;
    if (json.numTotalTests === 0) failed += 1; // a suite that ran nothing is a failure, not a pass
  }
  if (status !== 0 && failed === 0) failed = 1;
  results.push({ name, passed, failed });
  log(`${failed === 0 ? "✔" : "✘"} ${name}: ${passed} passed, ${failed} failed`);
}

function ensureChromium() {
  if (!existsSync("/usr/bin/chromium")) aptInstall(["chromium"]);
}

let cluster;
const services = [];
async function main() {
  ensureDependencies();
  ensureChromium();

  check("lint (ESLint, knip)", "npm", ["run", "lint", "--silent"]);
  check("typecheck api", "npx", ["tsc", "--noEmit", "-p", "api"]);
  check("typecheck portal", "npx", ["tsc", "--noEmit", "-p", "portal"]);
  check("schema/schema.graphql is up to date", "npx", apiScript("scripts/emit-schema.ts", "--check"));
  // Production runs the tsc build: its decorators must give the very same schema.
  check("the compiled API gives the same schema", "bash", ["-c", "npm run build -w api --silent && node api/dist/scripts/emit-schema.js --check"]);
  check("generated portal types are up to date", "bash", [
    "-c",
    "npx graphql-codegen --config codegen.ts --silent && git diff --exit-code -- portal/app/graphql && test -z \"$(git status --porcelain -- portal/app/graphql)\"",
  ]);
  check("generated partner example types are up to date", "bash", [
    "-c",
    "npx graphql-codegen --config examples/partner-sync/codegen.ts --silent && git diff --exit-code -- examples/partner-sync/src/graphql && test -z \"$(git status --porcelain -- examples/partner-sync/src/graphql)\"",
  ]);
  check("typecheck partner example", "npx", ["tsc", "--noEmit", "-p", "examples/partner-sync"]);

  vitest("api unit (PGlite)", ["--root", "api", "--project", "unit"]);
  vitest("portal unit", ["--config", "portal/vitest.unit.config.ts"]);

  cluster = await startCluster();
  vitest("api integration (PostgreSQL 15)", ["--root", "api", "--project", "integration"], { env: { TEST_DATABASE_URL: cluster.url } });

  // End to end: the API on PostgreSQL with the demo, the built portal, and Chromium.
  const e2eDb = cluster.url.replace(/\/postgres$/, "/trygg_e2e");
  run("psql", [cluster.url, "-q", "-c", "create database trygg_e2e"]);
  const apiPort = await freePort();
  const portalPort = await freePort();
  const apiEnv = { DATABASE_URL: e2eDb, API_PORT: String(apiPort), LOG_LEVEL: "warn", NODE_ENV: "test" };
  const seeded = run("npx", apiScript("scripts/seed-demo.ts", "--quiet"), { env: apiEnv }) === 0;
  const built = seeded && run("npm", ["run", "build", "-w", "portal"]) === 0;
  if (!built) {
    results.push({ name: "e2e setup", passed: 0, failed: 1 });
    return;
  }
  services.push(startService("api", "npx", apiScript("main.ts"), { env: apiEnv }));
  services.push(
    startService("portal", "node", ["portal/server.mjs"], {
      env: { PORT: String(portalPort), TRYGG_API_URL: `http://127.0.0.1:${apiPort}/graphql`, NODE_ENV: "production", SESSION_SECRET: randomBytes(32).toString("base64url") },
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
  vitest("portal e2e (Chromium)", ["--config", "portal/vitest.e2e.config.ts"], {
    env: { PORTAL_URL: `http://127.0.0.1:${portalPort}`, API_URL: `http://127.0.0.1:${apiPort}/graphql` },
  });
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
  for (const r of results) console.log(`  ${r.failed === 0 ? "✔" : "✘"} ${r.name}: ${r.passed} passed, ${r.failed} failed`);
  console.log(`\n${passed} passed, ${failed} failed`);
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
}
process.exit(exitCode);
