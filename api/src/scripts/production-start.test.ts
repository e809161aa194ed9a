import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");

/** The V8 flags `npm start` gives the API (API_NODE_FLAGS in scripts/lib.mjs), as written there. */
function npmStartFlags(): string {
  const list = read("scripts/lib.mjs").match(/export const API_NODE_FLAGS = \[([^\]]*)\]/)?.[1] ?? "";
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]).join(" ");
}

describe("the API's production start", () => {
  it("runs with the same V8 heap flags from npm start, npm run start -w api and the operations guide", () => {
    const flags = npmStartFlags();
    expect(flags).toMatch(/--max-semi-space-size=\d+ --heap-growing-percent=\d+/);
    const apiStart = JSON.parse(read("api/package.json")).scripts.start as string;
    expect(apiStart).toContain(`node ${flags} dist/main.js`);
    expect(read("docs/operations.md")).toContain(`node ${flags} api/dist/main.js`);
    expect(read("README.md").replace(/\s+/g, " ")).toContain(`node ${flags} api/dist/main.js`);
  });

  it("uses flags this Node accepts (node refuses to start on a V8 flag it does not know)", () => {
    const run = spawnSync(process.execPath, [...npmStartFlags().split(" "), "-e", "process.exit(0)"], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
