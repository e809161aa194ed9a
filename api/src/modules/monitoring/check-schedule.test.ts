import { describe, expect, it } from "vitest";
import { nextExpected, scheduleProblem, type CheckSchedule } from "./check-schedule.js";

const nightly: CheckSchedule = { kind: "CRON", expression: "0 2 * * *", timeZone: "Europe/Stockholm" };
const halfHourly: CheckSchedule = { kind: "CRON", expression: "*/30 * * * *", timeZone: "Europe/Stockholm" };

function runs(schedule: CheckSchedule, from: string, n: number): string[] {
  const out: string[] = [];
  let at = new Date(from);
  for (let i = 0; i < n; i++) {
    at = nextExpected(schedule, at);
    out.push(at.toISOString());
  }
  return out;
}

describe("check schedule", () => {
  it("runs the nightly job at 02:00 Swedish time in winter and in summer", () => {
    expect(runs(nightly, "2026-01-10T12:00:00Z", 1)).toEqual(["2026-01-11T01:00:00.000Z"]);
    expect(runs(nightly, "2026-07-10T12:00:00Z", 1)).toEqual(["2026-07-11T00:00:00.000Z"]);
  });

  it("on the spring night (2026-03-29) when 02:00 never comes, expects the job at 03:00 CEST, once", () => {
    expect(runs(nightly, "2026-03-28T12:00:00Z", 2)).toEqual([
      "2026-03-29T01:00:00.000Z", // 03:00 CEST, the first moment after the gap
      "2026-03-30T00:00:00.000Z", // 02:00 CEST
    ]);
  });

  it("on the autumn night (2026-10-25) when 02:00 comes twice, expects the job once", () => {
    expect(runs(nightly, "2026-10-24T12:00:00Z", 2)).toEqual([
      "2026-10-25T00:00:00.000Z", // 02:00 CEST, the first of the two
      "2026-10-26T01:00:00.000Z", // 02:00 CET
    ]);
  });

  it("keeps a half-hourly job every 30 real minutes through both changes", () => {
    for (const from of ["2026-03-28T23:45:00Z", "2026-10-24T23:45:00Z"]) {
      const times = runs(halfHourly, from, 8).map((t) => Date.parse(t));
      const gaps = times.slice(1).map((t, i) => (t - times[i]!) / 60_000);
      expect(gaps).toEqual([30, 30, 30, 30, 30, 30, 30]);
    }
  });

  it("expects a heartbeat one period after the last signal, whatever the clock on the wall", () => {
    const at = new Date("2026-03-29T00:30:00Z");
    expect(nextExpected({ kind: "PERIOD", periodSeconds: 3600 }, at).toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("names what is wrong with a schedule someone typed", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    expect(scheduleProblem(nightly, now)).toBeNull();
    expect(scheduleProblem({ kind: "CRON", expression: "every night", timeZone: "Europe/Stockholm" }, now)).toMatch(
      /not a cron expression/,
    );
    expect(scheduleProblem({ kind: "CRON", expression: "0 2 * * *", timeZone: "Mars/Olympus" }, now)).toMatch(
      /not a time zone/,
    );
    expect(scheduleProblem({ kind: "PERIOD", periodSeconds: 10 }, now)).toMatch(/one minute/);
    expect(scheduleProblem({ kind: "PERIOD", periodSeconds: 600 }, now)).toBeNull();
  });
});
