// @ts-check
/**
 * `npm run test:mutation` (mutation/run.mjs): Stryker changes a rule file one mutant at a time and
 * runs the tests that cover each change; a mutant the tests still pass on is a rule nobody pins.
 *
 * mutation/rules.json names each rule file and the tests that must fail when it breaks, and each
 * file is run on its own (TRYGG_MUTATION_RULE): a value computed when a module loads is "covered" by
 * every test Stryker runs, so one run over all rules and all their tests would run the slow database
 * tests for every such mutant (an estimated 40 hours instead of minutes). The tests are chosen in
 * api/vitest.mutation.config.ts rather than with Stryker's `testFiles`, which in Stryker 10 activates
 * such mutants only after their module has loaded and reports them as survivors
 * (stryker-mutator/stryker-js#6144).
 *
 * Runs from the repository root so the sandbox keeps api/tsconfig.json's `extends` chain.
 */
import rules from "./mutation/rules.json" with { type: "json" };

const only = process.env.TRYGG_MUTATION_RULE;
const chosen = only ? rules.filter((r) => r.name === only) : rules;
if (chosen.length === 0)
  throw new Error(`No rule file named "${only}"; the names are ${rules.map((r) => r.name).join(", ")}.`);
const report = only ?? "all";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "api/vitest.mutation.config.ts", related: false },
  coverageAnalysis: "perTest",
  mutate: chosen.map((r) => r.file),
  // Only the API goes into the sandbox; the rest of the repository is not under test.
  ignorePatterns: [
    "/*",
    "!/api",
    "!/mutation",
    "/mutation/*",
    "!/mutation/rules.json",
    "!/package.json",
    "!/tsconfig.json",
    "/api/test",
    "/api/dist",
    "/api/bench",
  ],
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${report}.html` },
  jsonReporter: { fileName: `reports/mutation/${report}.json` },
  // mutation/run.mjs holds each file to 80 % of its covered mutants; Stryker's own break counts
  // mutants no test reaches too, so it is left off here.
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  // A mutant's run re-runs its test files' setup (a fresh PGlite with every migration). On two busy
  // cores that can take a minute, and a run cut off then counts as a kill ("Timeout") although the
  // tests would have passed: at 30 s, 52 of hantera-quota's 91 mutants "timed out", most of them
  // survivors. Two minutes leaves only real hangs; on a machine busier still, TRYGG_MUTATION_TIMEOUT_MS
  // gives more (at a load of 18 on two cores one database test file took 96 s).
  timeoutMS: Number(process.env.TRYGG_MUTATION_TIMEOUT_MS ?? 120_000),
  // Every covering test runs, so the report names all the tests that kill a mutant.
  disableBail: true,
  cleanTempDir: "always",
};
