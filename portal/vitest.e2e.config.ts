import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * End-to-end journeys in Chromium against a running portal (PORTAL_URL) backed by an API seeded
 * with the demo. Run from the repository root: `npx vitest run --config portal/vitest.e2e.config.ts`.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A real browser against real servers on a shared two-core machine: a journey that fails once is run once more,
    // and `npm test`'s summary names every pass that needed it (decision 0134).
    retry: 1,
    // Tests marked concurrent (the layout walk of each role) run at most three at a time: enough to
    // keep two cores busy, few enough that none nears its timeout on a slow machine.
    maxConcurrency: 3,
  },
});
