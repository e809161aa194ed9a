// Entry of `npm run bench`: installs the bench's own dependencies (kept out of the product's
// install) on first run, then runs the bench.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const marker = path.join(here, "node_modules", ".package-lock.json");
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(path.join(here, "package-lock.json")).mtimeMs) {
  console.log("Installing the bench's dependencies (npm ci --prefix bench)…");
  const r = spawnSync("npm", ["ci", "--prefix", here, "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import("./bench.mjs");
