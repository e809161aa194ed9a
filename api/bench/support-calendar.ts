import "reflect-metadata";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../src/db/client.js";
import { MS_PER_HOUR } from "../src/modules/support/support-calendar.js";
import { supportCalendar } from "../src/modules/support/support-calendar.service.js";

/**
 * `responseDeadline` over a 40-open-hour span from random instants, on the calendar as the
 * migration seeds it: evaluations per second on one core. Recomputing the deadlines of thousands of
 * open cases after a calendar change must stay cheap; the issue asks for at least 1,000,000/s.
 */
export async function benchSupportCalendar(
  opts: { seconds?: number } = {},
): Promise<{ evaluationsPerSecond: number; intervals: number }> {
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    await database.migrate();
    const calendar = await supportCalendar(database.db);
    const year = new Date().getUTCFullYear();
    const first = Date.UTC(year - 1, 0, 1);
    const span = Date.UTC(year + 2, 0, 1) - first;
    const starts = Float64Array.from({ length: 4096 }, () => first + Math.random() * span);
    const openMs = 40 * MS_PER_HOUR;
    let sink = 0;
    for (let i = 0; i < 200_000; i++) sink += calendar.deadline(starts[i & 4095]!, openMs); // warm-up
    const budget = (opts.seconds ?? 1) * 1000;
    let evaluations = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < budget) {
      for (let i = 0; i < 100_000; i++) sink += calendar.deadline(starts[i & 4095]!, openMs);
      evaluations += 100_000;
      elapsed = performance.now() - started;
    }
    if (sink === 0) throw new Error("no deadline computed");
    return { evaluationsPerSecond: evaluations / (elapsed / 1000), intervals: calendar.intervalCount };
  } finally {
    await database.close();
  }
}

export function formatSupportCalendarFigure(r: { evaluationsPerSecond: number; intervals: number }): string {
  return `support calendar: responseDeadline (40 open h, random starts)  ${Math.round(r.evaluationsPerSecond).toLocaleString("en-US")} evaluations/s  (${r.intervals} open intervals)`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatSupportCalendarFigure(await benchSupportCalendar()));
}
