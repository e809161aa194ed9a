// The support calendar's figure, when api/bench/support-calendar.ts exists (it is written on its own
// branch). The module may export a function (default, `run`, `bench` or `benchSupportCalendar`) that returns a number
// or
// `{ evaluationsPerSecond }`, or simply print "N evaluations/s"; either is picked up.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { log, root } from "../scripts/lib.mjs";

const MODULE = path.join(root, "api", "bench", "support-calendar.ts");

export async function supportCalendarFigure() {
  if (!existsSync(MODULE)) return null;
  log("Measuring the support calendar (api/bench/support-calendar.ts)…");
  const runner = `
    const m = await import(${JSON.stringify(MODULE)});
    const fn = [m.default, m.run, m.bench, m.benchSupportCalendar].find((f) => typeof f === "function");
    const r = fn ? await fn() : undefined;
    const figure = typeof r === "number" ? r : r?.evaluationsPerSecond;
    if (figure !== undefined) console.log("BENCH_FIGURE " + JSON.stringify({ evaluationsPerSecond: figure, details: typeof r === "object" ? r : undefined }));
  `;
  const run = spawnSync("node", ["--import", "tsx", "--input-type=module", "-e", runner], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, "api", "tsconfig.json"), NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (run.status !== 0) return { error: (run.stderr || run.stdout).trim().split("\n").slice(-5).join("\n") };
  const tagged = run.stdout.match(/^BENCH_FIGURE (.*)$/m);
  if (tagged) return JSON.parse(tagged[1]);
  const printed = run.stdout.match(/([\d][\d\s,.]*)\s*evaluations?\s*(?:\/|per)\s*s(?:econd)?/i);
  return printed
    ? { evaluationsPerSecond: Number(printed[1].replace(/[\s,]/g, "")), output: run.stdout.trim() }
    : { output: run.stdout.trim() };
}
