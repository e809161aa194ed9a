import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { backupEvidenceOf, type EvidenceCheck, type EvidencePing } from "./backup-evidence.js";

const TZ = "Europe/Stockholm";
/** A Swedish wall-clock moment. */
const at = (date: string, hh: number, mm = 0) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(+new TZDate(y, m - 1, d, hh, mm, 0, 0, TZ));
};
const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

const nightly: EvidenceCheck = {
  id: "c1",
  name: "Hantera-databasen",
  cronExpression: "0 2 * * *",
  timeZone: TZ,
  graceSeconds: 3600,
  runGraceSeconds: 3600,
  createdAt: new Date("2020-01-01T00:00:00Z"),
};

const ok = (date: string, sizeBytes = 1_000_000_000, hh = 2, mm = 20): EvidencePing => ({
  checkId: "c1",
  receivedAt: at(date, hh, mm),
  signal: "SUCCESS",
  sizeBytes,
  anomaly: null,
});

/** A success ping for every night from `first` for `n` nights, except the nights listed. */
function nights(first: string, n: number, except: string[] = [], size = (_i: number) => 1_000_000_000) {
  const pings: EvidencePing[] = [];
  for (let i = 0; i < n; i++) {
    const date = addDays(first, i);
    if (!except.includes(date)) pings.push(ok(date, size(i)));
  }
  return pings;
}

describe("the backup evidence of a year before a visit", () => {
  it("counts expected nights against successful ones, and finds the gaps with their dates", () => {
    // 1 March 00:00 to 11 March 08:00: the nights of 1 to 11 March are due (11 at 02:00 + grace by 04:00).
    const from = at("2027-03-01", 0);
    const to = at("2027-03-11", 8);
    const pings = nights("2027-03-01", 11, ["2027-03-04", "2027-03-07", "2027-03-08"]);
    pings.push({ checkId: "c1", receivedAt: at("2027-03-08", 2, 5), signal: "FAIL", sizeBytes: null, anomaly: null });
    const e = backupEvidenceOf([nightly], pings, [], from, to)!;
    const c = e.checks[0]!;
    expect(c).toMatchObject({ expectedRuns: 11, successfulRuns: 8, failedRuns: 1, missedRuns: 2, daily: true });
    expect(c.successRate).toBeCloseTo(8 / 11);
    expect(c.gaps).toEqual([
      { firstNight: "2027-03-04", lastNight: "2027-03-04", runs: 1 },
      { firstNight: "2027-03-07", lastNight: "2027-03-08", runs: 2 },
    ]);
    expect(c.longestGap).toEqual({ firstNight: "2027-03-07", lastNight: "2027-03-08", runs: 2 });
  });

  it("does not count a night still within its grace at the visit, nor nights before the check existed", () => {
    const check = { ...nightly, createdAt: at("2027-03-05", 12) };
    // The visit at 02:30 on the 11th: that night's backup may still be running.
    const e = backupEvidenceOf([check], nights("2027-03-06", 5), [], at("2027-03-01", 0), at("2027-03-11", 2, 30))!;
    expect(e.checks[0]).toMatchObject({ expectedRuns: 5, successfulRuns: 5, gaps: [], longestGap: null });
    expect(e.checks[0]!.successRate).toBe(1);
  });

  it("counts a night whose backup was flagged too small as failed, and lists it among the anomalies", () => {
    const pings = nights("2027-03-01", 5);
    pings[2] = { ...pings[2]!, anomaly: "BACKUP_TOO_SMALL" };
    const e = backupEvidenceOf([nightly], pings, [], at("2027-03-01", 0), at("2027-03-05", 9))!;
    expect(e.checks[0]).toMatchObject({ successfulRuns: 4, failedRuns: 1 });
    expect(e.checks[0]!.anomalies).toEqual([{ night: "2027-03-03", reason: "BACKUP_TOO_SMALL" }]);
  });

  it("leaves out the nights the check was paused: nobody expected a backup then", () => {
    const pings = nights("2027-03-01", 10, ["2027-03-04", "2027-03-05"]);
    const paused = [{ checkId: "c1", from: at("2027-03-03", 12), to: at("2027-03-05", 12) }];
    const e = backupEvidenceOf([nightly], pings, paused, at("2027-03-01", 0), at("2027-03-10", 9))!;
    expect(e.checks[0]).toMatchObject({ expectedRuns: 8, successfulRuns: 8, gaps: [] });
  });

  it("expects one backup on each of the nights the clocks change, and dates them right (2026-03-29, 2026-10-25)", () => {
    // Spring: 02:00 does not exist and the job runs at 03:00; autumn: 02:00 comes twice and it runs once.
    const spring = nights("2026-03-27", 5);
    spring[2] = ok("2026-03-29", 1_000_000_000, 3, 15);
    const s = backupEvidenceOf([nightly], spring, [], at("2026-03-27", 0), at("2026-03-31", 9))!.checks[0]!;
    expect(s).toMatchObject({ expectedRuns: 5, successfulRuns: 5, gaps: [] });
    const autumn = nights("2026-10-23", 5, ["2026-10-25"]);
    const a = backupEvidenceOf([nightly], autumn, [], at("2026-10-23", 0), at("2026-10-27", 9))!.checks[0]!;
    expect(a).toMatchObject({ expectedRuns: 5, successfulRuns: 4 });
    expect(a.gaps).toEqual([{ firstNight: "2026-10-25", lastNight: "2026-10-25", runs: 1 }]);
  });

  it("follows the size over the year: first and last, the change, one point a week", () => {
    const from = at("2027-03-01", 0); // a Monday
    const to = at("2027-03-28", 9);
    const pings = nights("2027-03-01", 28, [], (i) => 1_000_000_000 + i * 10_000_000);
    const c = backupEvidenceOf([nightly], pings, [], from, to)!.checks[0]!;
    expect(c).toMatchObject({ firstSizeBytes: 1_000_000_000, firstSizeOn: "2027-03-01" });
    expect(c).toMatchObject({ lastSizeBytes: 1_270_000_000, lastSizeOn: "2027-03-28" });
    expect(c.sizeChangePercent).toBe(27);
    // The last good backup of each week, dated by the week's Monday.
    expect(c.sizes).toEqual([
      { weekOf: "2027-03-01", sizeBytes: 1_060_000_000 },
      { weekOf: "2027-03-08", sizeBytes: 1_130_000_000 },
      { weekOf: "2027-03-15", sizeBytes: 1_200_000_000 },
      { weekOf: "2027-03-22", sizeBytes: 1_270_000_000 },
    ]);
  });

  it("keeps a flagged backup's size out of the trend", () => {
    const pings = nights("2027-03-01", 3);
    pings.push({ ...ok("2027-03-04", 5), anomaly: "BACKUP_TOO_SMALL" });
    const c = backupEvidenceOf([nightly], pings, [], at("2027-03-01", 0), at("2027-03-04", 9))!.checks[0]!;
    expect(c.lastSizeBytes).toBe(1_000_000_000);
    expect(c.sizes.map((s) => s.sizeBytes)).toEqual([1_000_000_000]);
  });

  it("is null for an installation without backup checks, and has no rate for a check with nothing due yet", () => {
    expect(backupEvidenceOf([], [], [], at("2027-03-01", 0), at("2027-03-10", 9))).toBeNull();
    const fresh = { ...nightly, createdAt: at("2027-03-10", 8) };
    const c = backupEvidenceOf([fresh], [], [], at("2027-03-01", 0), at("2027-03-10", 9))!.checks[0]!;
    expect(c).toMatchObject({ expectedRuns: 0, successRate: null, firstSizeBytes: null, sizeChangePercent: null });
  });

  it("counts runs, not nights, for a backup that runs more than once a day", () => {
    const sixHourly = { ...nightly, cronExpression: "0 */6 * * *", graceSeconds: 600, runGraceSeconds: 600 };
    const pings = [0, 6, 12, 18].map((h) => ({ ...ok("2027-03-01", 1, h, 5) }));
    const c = backupEvidenceOf([sixHourly], pings, [], at("2027-03-01", 0), at("2027-03-02", 0))!.checks[0]!;
    expect(c).toMatchObject({ expectedRuns: 4, successfulRuns: 4, daily: false });
  });
});
