// `npm run bench -- --scale[=factor] --explain`: EXPLAIN (ANALYZE, BUFFERS) of every statement the pages of issue 23
// run (api/bench/explain-views.ts, in-process with the statements' own parameters), on the scale database the bench
// just measured, with no server running. Printed, and kept in docs/performance.md between its markers.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { log, root } from "../scripts/lib.mjs";

const START = "<!-- bench:scale-plans:start -->";
const END = "<!-- bench:scale-plans:end -->";

export function explainViews(url, factor) {
  log(`Explaining every statement of the pages at factor ${factor} (api/bench/explain-views.ts)…`);
  const load = os.loadavg()[0].toFixed(1);
  const r = spawnSync("npx", ["tsx", "bench/explain-views.ts", url], {
    cwd: path.join(root, "api"),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (r.status !== 0) throw new Error("explain-views.ts failed");
  const plans = `Plans at factor ${factor}, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, load average ${load} at the start (\`npm run bench -- --scale=${factor} --explain\`; times are one execution on a shared machine, buffers the steady figure):\n\n${r.stdout.trim()}`;
  console.log(`\n${plans}\n`);
  const docs = path.join(root, "docs", "performance.md");
  if (!existsSync(docs)) return;
  const text = readFileSync(docs, "utf8");
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) return;
  writeFileSync(docs, `${text.slice(0, from + START.length)}\n${plans}\n${text.slice(to)}`);
  log("Plans written to docs/performance.md.");
}
