import { createRequire } from "node:module";
import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  // tsconfig.json's `paths`: workspace packages (@trygg/charts) from their sources, as under tsx.
  plugins: [tsconfigPaths()],
  resolve: {
    // type-graphql loads graphql's CommonJS build; Vite would pick the ESM one for our code, and two
    // copies of graphql refuse each other's types. Node itself (tsx) picks CommonJS, so we match it.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          globalSetup: ["src/test-snapshot.global.ts"],
          setupFiles: ["reflect-metadata"],
          // Files share their worker's loaded modules: importing the API again for each of some ninety
          // files was half of the unit tests' CPU. Each file still opens its own database; the rate limits'
          // clean-up timers, which outlived it, are gone (shared/counter-store.ts).
          isolate: false,
          // vitest's default is one worker fewer than the cores: one on a two-core machine, which left a core idle
          // for the last ~200 s of npm test's turbo part, when nothing else was left. Alone: 269 s with one, 202 s
          // with two.
          maxWorkers: 2,
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          globalSetup: ["test/demo-template.global.ts"],
          setupFiles: ["reflect-metadata"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Real processes, sockets and clocks on a shared two-core machine: a test that fails once is run once
          // more, and `npm test`'s summary names every pass that needed it (decision 0134).
          retry: 1,
          // Each file gets its own database; two at a time suits a two-core machine. As in the unit tests,
          // files share their worker's loaded modules: importing the API again for each of sixty files cost
          // some 220 s of CPU per run (29 s without).
          maxWorkers: 2,
          isolate: false,
        },
      },
    ],
  },
});
