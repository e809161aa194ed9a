import { describe, expect, it } from "vitest";
import {
  currentOrNext,
  inMaintenance,
  maintenanceEndsAt,
  maintenanceSpans,
  type MaintenancePlan,
} from "./maintenance-window.js";

const d = (iso: string) => new Date(iso);
const oneOff = (from: string, to: string, endedAt: string | null = null): MaintenancePlan => ({
  startsAt: d(from),
  endsAt: d(to),
  cronExpression: null,
  durationSeconds: null,
  timeZone: "Europe/Stockholm",
  endedAt: endedAt ? d(endedAt) : null,
});
/** Every night at 02:00 Swedish time, two hours, from New Year 2026. */
const nightly: MaintenancePlan = {
  startsAt: d("2026-01-01T00:00:00Z"),
  endsAt: null,
  cronExpression: "0 2 * * *",
  durationSeconds: 2 * 3600,
  timeZone: "Europe/Stockholm",
  endedAt: null,
};
const spansOf = (plans: MaintenancePlan[], from: string, to: string) =>
  maintenanceSpans(plans, d(from), d(to)).map((s) => [s.from.toISOString(), s.to.toISOString()]);

describe("is this instant inside a maintenance window", () => {
  it("holds a one-off window from its start up to (not including) its end", () => {
    const w = oneOff("2026-05-04T08:00:00Z", "2026-05-04T10:00:00Z");
    expect(inMaintenance([w], d("2026-05-04T07:59:59Z"))).toBe(false);
    expect(inMaintenance([w], d("2026-05-04T08:00:00Z"))).toBe(true);
    expect(inMaintenance([w], d("2026-05-04T09:59:59Z"))).toBe(true);
    expect(inMaintenance([w], d("2026-05-04T10:00:00Z"))).toBe(false);
  });

  it("stops a window ended early at the moment it was ended", () => {
    const w = oneOff("2026-05-04T08:00:00Z", "2026-05-04T10:00:00Z", "2026-05-04T08:30:00Z");
    expect(inMaintenance([w], d("2026-05-04T08:29:59Z"))).toBe(true);
    expect(inMaintenance([w], d("2026-05-04T08:30:00Z"))).toBe(false);
  });

  it("reads a recurring window's cron in Swedish time, winter and summer", () => {
    // 02:00 CET is 01:00 UTC; 02:00 CEST is 00:00 UTC.
    expect(inMaintenance([nightly], d("2026-01-15T00:59:00Z"))).toBe(false);
    expect(inMaintenance([nightly], d("2026-01-15T01:00:00Z"))).toBe(true);
    expect(inMaintenance([nightly], d("2026-01-15T02:59:00Z"))).toBe(true);
    expect(inMaintenance([nightly], d("2026-01-15T03:00:00Z"))).toBe(false);
    expect(inMaintenance([nightly], d("2026-07-15T00:00:00Z"))).toBe(true);
    expect(inMaintenance([nightly], d("2026-07-15T02:00:00Z"))).toBe(false);
  });

  it("on the spring night (2026-03-29) when 02:00 never comes, starts at 03:00 CEST and lasts its two hours", () => {
    expect(inMaintenance([nightly], d("2026-03-29T00:30:00Z"))).toBe(false); // 01:30 CET
    expect(inMaintenance([nightly], d("2026-03-29T01:00:00Z"))).toBe(true); // 03:00 CEST
    expect(inMaintenance([nightly], d("2026-03-29T02:59:00Z"))).toBe(true); // 04:59 CEST
    expect(inMaintenance([nightly], d("2026-03-29T03:00:00Z"))).toBe(false);
    expect(spansOf([nightly], "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z")).toEqual([
      ["2026-03-29T01:00:00.000Z", "2026-03-29T03:00:00.000Z"],
    ]);
  });

  it("on the autumn night (2026-10-25) when 02:00 comes twice, holds one window of two real hours", () => {
    expect(inMaintenance([nightly], d("2026-10-24T23:59:00Z"))).toBe(false); // 01:59 CEST
    expect(inMaintenance([nightly], d("2026-10-25T00:00:00Z"))).toBe(true); // 02:00 CEST
    expect(inMaintenance([nightly], d("2026-10-25T01:30:00Z"))).toBe(true); // 02:30 CET, the second time round
    expect(inMaintenance([nightly], d("2026-10-25T02:00:00Z"))).toBe(false); // 03:00 CET
    expect(spansOf([nightly], "2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z")).toEqual([
      ["2026-10-25T00:00:00.000Z", "2026-10-25T02:00:00.000Z"],
    ]);
  });

  it("holds nothing of a recurring window before its start or after its end", () => {
    const spring = { ...nightly, startsAt: d("2026-04-01T00:00:00Z"), endsAt: d("2026-04-03T00:00:00Z") };
    expect(inMaintenance([spring], d("2026-03-31T00:30:00Z"))).toBe(false);
    expect(spansOf([spring], "2026-03-30T00:00:00Z", "2026-04-05T00:00:00Z")).toEqual([
      ["2026-04-01T00:00:00.000Z", "2026-04-01T02:00:00.000Z"],
      ["2026-04-02T00:00:00.000Z", "2026-04-02T02:00:00.000Z"],
    ]);
  });
});

describe("when maintenance is over", () => {
  it("is the first moment no window covers, across windows that overlap or touch", () => {
    const a = oneOff("2026-05-04T08:00:00Z", "2026-05-04T10:00:00Z");
    const b = oneOff("2026-05-04T10:00:00Z", "2026-05-04T11:00:00Z");
    const c = oneOff("2026-05-04T10:30:00Z", "2026-05-04T12:00:00Z");
    const end = maintenanceEndsAt([a, b, c], d("2026-05-04T09:00:00Z"), d("2026-05-05T00:00:00Z"));
    expect(end?.toISOString()).toBe("2026-05-04T12:00:00.000Z");
    expect(spansOf([a, c, b], "2026-05-04T00:00:00Z", "2026-05-05T00:00:00Z")).toEqual([
      ["2026-05-04T08:00:00.000Z", "2026-05-04T12:00:00.000Z"],
    ]);
  });

  it("is the moment itself when no window covers it, and unknown while one still does at the horizon", () => {
    const a = oneOff("2026-05-04T08:00:00Z", "2026-05-04T10:00:00Z");
    expect(maintenanceEndsAt([a], d("2026-05-04T07:00:00Z"), d("2026-05-05T00:00:00Z"))?.toISOString()).toBe(
      "2026-05-04T07:00:00.000Z",
    );
    expect(maintenanceEndsAt([a], d("2026-05-04T08:00:00Z"), d("2026-05-04T09:00:00Z"))).toBeNull();
  });

  it("names the occurrence running now, else the next one, for a list of upcoming windows", () => {
    const running = currentOrNext(nightly, d("2026-01-15T01:30:00Z"));
    expect(running && [running.from.toISOString(), running.to.toISOString()]).toEqual([
      "2026-01-15T01:00:00.000Z",
      "2026-01-15T03:00:00.000Z",
    ]);
    expect(currentOrNext(nightly, d("2026-01-15T03:00:00Z"))?.from.toISOString()).toBe("2026-01-16T01:00:00.000Z");
    expect(currentOrNext(oneOff("2026-05-04T08:00:00Z", "2026-05-04T10:00:00Z"), d("2026-05-04T10:00:00Z"))).toBeNull();
  });
});
