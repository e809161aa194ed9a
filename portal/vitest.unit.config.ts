import { fileURLToPath } from "node:url";
import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

/**
 * The portal's server-side rules, without a browser. Run from the repository root: `npx vitest run --config
 * portal/vitest.unit.config.ts`.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [tsconfigPaths()],
  test: { include: ["app/**/*.test.ts"], environment: "node" },
});
