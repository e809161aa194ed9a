// Entry of `npm run test:mutation`: Stryker on the API's rule files, one file at a time with the
// tests that pin it (stryker.config.mjs lists them). Stryker 10 needs Node 22, so on an older Node
// this re-runs itself on Node 22 from the npm `node` package; Stryker itself is installed here, on
// first run, outside the product's install (its Babel 8 would add ~40 engine warnings to `npm ci`).
// `npm run test:mutation -- response-clock agreement-status` runs only the rules named.
// Ends with a table of each file's score: killed (or timed out) of the mutants its tests reach;
// below 80 % for any file fails the run.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const NODE = "22.23.3";
const MIN_SCORE = 80;
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

if (Number(process.versions.node.split(".")[0]) < 22) {
  console.log(`Stryker needs Node 22; running on node@${NODE} from npm…`);
  const r = spawnSync("npx", ["--yes", `node@${NODE}`, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
    cwd: root,
  });
  process.exit(r.status ?? 1);
}

const marker = path.join(here, "node_modules", ".package-lock.json");
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(path.join(here, "package-lock.json")).mtimeMs) {
  console.log("Installing Stryker (npm ci --prefix mutation)…");
  const r = spawnSync("npm", ["ci", "--prefix", here], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const RULES = JSON.parse(readFileSync(path.join(here, "rules.json"), "utf8"));
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !RULES.some((r) => r.name === name));
if (unknown.length) {
  console.error(`Unknown rule file ${unknown.join(", ")}: use ${RULES.map((r) => r.name).join(", ")}.`);
  process.exit(2);
}
const rules = asked.length ? RULES.filter((r) => asked.includes(r.name)) : RULES;
const stryker = path.join(here, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js");

const rows = [];
for (const rule of rules) {
  console.log(`\n▶ ${rule.file}`);
  const r = spawnSync(process.execPath, [stryker, "run"], {
    stdio: "inherit",
    cwd: root,
    env: { ...process.env, TRYGG_MUTATION_RULE: rule.name },
  });
  if (r.status !== 0) {
    rows.push({ file: rule.file, failed: `Stryker exited with ${r.status ?? r.signal}` });
    continue;
  }
  const report = JSON.parse(readFileSync(path.join(root, "reports", "mutation", `${rule.name}.json`), "utf8"));
  const mutants = Object.values(report.files).flatMap((f) => f.mutants);
  const count = (status) => mutants.filter((m) => m.status === status).length;
  const detected = count("Killed") + count("Timeout");
  const survived = count("Survived");
  // A "survivor" on which no test ran was never measured (stryker-mutator/stryker-js#6213).
  const unmeasured = mutants.filter((m) => m.status === "Survived" && m.testsCompleted === 0).length;
  rows.push({
    file: rule.file,
    detected,
    survived,
    unmeasured,
    noCoverage: count("NoCoverage"),
    ignored: count("Ignored"),
    score: (100 * detected) / (detected + survived),
  });
}

console.log("\nMutation score per rule file: killed (or timed out) of the mutants its tests reach");
for (const row of rows) {
  if (row.failed) console.log(`✘ ${row.file}: ${row.failed}`);
  else {
    const mark = passed(row) ? "✔" : "✘";
    const unmeasured = row.unmeasured ? ` (${row.unmeasured} of them with no test run: not measured, run again)` : "";
    console.log(
      `${mark} ${row.score.toFixed(1).padStart(5)} %  ${row.file}: ${row.detected} killed, ${row.survived} survived${unmeasured}, ${row.noCoverage} not reached, ${row.ignored} ignored`,
    );
  }
}
console.log(`Reports: reports/mutation/<rule>.html`);
process.exit(rows.every(passed) ? 0 : 1);

function passed(row) {
  return !row.failed && row.unmeasured === 0 && row.score >= MIN_SCORE;
}
