import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import rules from "../mutation/rules.json";
import base from "./vitest.config.js";

/**
 * The unit tests as Stryker runs them (`npm run test:mutation`): the tests that pin one rule file
 * when TRYGG_MUTATION_RULE names it (mutation/rules.json), else those of every rule file. Rooted
 * here, since Stryker runs from the repository root.
 */
const only = process.env.TRYGG_MUTATION_RULE;

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: base.resolve,
  test: {
    include: rules.filter((r) => !only || r.name === only).flatMap((r) => r.tests),
    setupFiles: ["reflect-metadata"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
