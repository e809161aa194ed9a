// Entry of `npm run bench`: installs the bench's own dependencies (kept out of the product's
// install) on first run, then runs the bench: the partner query (bench.mjs), then the portal's
// server render (portal.mjs), then monitoring's pings and sweep (monitoring.mjs). `--only portal`,
// `--only api` or `--only monitoring` (or BENCH_ONLY) runs one part alone.
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
// `--scale[=factor]`: the partner page at the demo's size and the scale set's, side by side (bench/scale.mjs).
const scale = process.argv.find((a) => a.startsWith("--scale"));
if (scale) {
  const r = spawnSync(process.execPath, [path.join(here, "scale.mjs"), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(r.status ?? 1);
}
const flag = process.argv.indexOf("--only");
const only = flag >= 0 ? process.argv[flag + 1] : process.env.BENCH_ONLY;
const parts = { api: "bench.mjs", portal: "portal.mjs", monitoring: "monitoring.mjs" };
if (only && !parts[only]) {
  console.error(`Unknown bench part "${only}": use ${Object.keys(parts).join(" or ")}.`);
  process.exit(2);
}
// Each part in its own process: each starts and stops its own servers and exits when done.
let status = 0;
for (const [name, file] of Object.entries(parts)) {
  if (only && only !== name) continue;
  const r = spawnSync(process.execPath, [path.join(here, file)], { stdio: "inherit" });
  status ||= r.status ?? 1;
}
process.exit(status);
