import { describe, expect, it } from "vitest";
import { dailyStatus, stateSpans, uptimeByMonth, type FlipMoment } from "./check-uptime.js";

const at = (iso: string) => new Date(iso);
const flip = (toState: FlipMoment["toState"], iso: string): FlipMoment => ({ toState, happenedAt: at(iso) });
const HOUR = 3600;

describe("check uptime", () => {
  it("cuts the window into the states the check was in, from the state before it and its flips", () => {
    const spans = stateSpans(
      "UP",
      [flip("DOWN", "2026-05-02T10:00:00Z"), flip("UP", "2026-05-02T12:00:00Z"), flip("LATE", "2026-04-01T00:00:00Z")],
      at("2026-05-01T00:00:00Z"),
      at("2026-05-03T00:00:00Z"),
    );
    expect(spans.map((s) => [s.state, s.from.toISOString(), s.to.toISOString()])).toEqual([
      ["UP", "2026-05-01T00:00:00.000Z", "2026-05-02T10:00:00.000Z"],
      ["DOWN", "2026-05-02T10:00:00.000Z", "2026-05-02T12:00:00.000Z"],
      ["UP", "2026-05-02T12:00:00.000Z", "2026-05-03T00:00:00.000Z"],
    ]);
  });

  it("counts LATE as up, DOWN as down, and leaves NEW and PAUSED out of the base", () => {
    // May 2026 in Sweden: from 2026-04-30T22:00Z. NEW for a day, UP, LATE 1 h, DOWN 3 h, PAUSED 2 days, UP.
    const spans = stateSpans(
      "NEW",
      [
        flip("UP", "2026-05-01T22:00:00Z"),
        flip("LATE", "2026-05-10T00:00:00Z"),
        flip("DOWN", "2026-05-10T01:00:00Z"),
        flip("UP", "2026-05-10T04:00:00Z"),
        flip("PAUSED", "2026-05-20T00:00:00Z"),
        flip("NEW", "2026-05-22T00:00:00Z"),
        flip("UP", "2026-05-22T00:00:00Z"),
      ],
      at("2026-04-30T22:00:00Z"),
      at("2026-06-01T00:00:00Z"),
    );
    const [may] = uptimeByMonth(spans, at("2026-05-31T21:59:59.999Z"), 1);
    const judged = 31 * 24 * HOUR - 24 * HOUR - 48 * HOUR;
    expect(may).toMatchObject({ month: "2026-05", downSeconds: 3 * HOUR, upSeconds: judged - 3 * HOUR });
    expect(may!.uptime).toBeCloseTo((judged - 3 * HOUR) / judged, 9);
  });

  it("gives no uptime for a month the check was never judged (not 100 %)", () => {
    const spans = stateSpans("PAUSED", [], at("2026-01-01T00:00:00Z"), at("2026-03-01T00:00:00Z"));
    expect(uptimeByMonth(spans, at("2026-02-15T00:00:00Z"), 2).map((m) => m.uptime)).toEqual([null, null]);
  });

  it("counts the current month only up to now, and lists the months oldest first across a new year", () => {
    const spans = stateSpans("UP", [], at("2025-11-01T00:00:00Z"), at("2026-01-05T12:00:00Z"));
    const months = uptimeByMonth(spans, at("2026-01-01T00:00:00Z"), 3); // 01:00 Swedish time on New Year's Day
    expect(months.map((m) => m.month)).toEqual(["2025-11", "2025-12", "2026-01"]);
    expect(months[2]).toMatchObject({ upSeconds: HOUR, uptime: 1 });
  });

  it("takes excluded stretches (maintenance) out of the base", () => {
    const spans = stateSpans("DOWN", [], at("2026-05-01T00:00:00Z"), at("2026-05-02T00:00:00Z"));
    const [may] = uptimeByMonth(spans, at("2026-05-02T00:00:00Z"), 1, [
      { from: at("2026-05-01T00:00:00Z"), to: at("2026-05-01T06:00:00Z") },
    ]);
    expect(may!.downSeconds).toBe(18 * HOUR);
  });

  it("shows time in maintenance apart, once where windows overlap, and a day down only inside it as up", () => {
    const from = at("2026-05-01T00:00:00Z");
    const spans = stateSpans(
      "UP",
      [flip("DOWN", "2026-05-01T02:00:00Z"), flip("UP", "2026-05-01T04:00:00Z")],
      from,
      at("2026-05-03T00:00:00Z"),
    );
    const windows = [
      { from: at("2026-05-01T01:00:00Z"), to: at("2026-05-01T04:00:00Z") },
      { from: at("2026-05-01T03:00:00Z"), to: at("2026-05-01T05:00:00Z") },
    ];
    const [may] = uptimeByMonth(spans, at("2026-05-03T00:00:00Z"), 1, windows);
    expect(may).toMatchObject({ downSeconds: 0, maintenanceSeconds: 4 * HOUR, upSeconds: 44 * HOUR });
    expect(may!.uptime).toBe(1);
    const days = dailyStatus(spans, "2026-05-02", at("2026-05-03T00:00:00Z"), 2, windows);
    expect(days[0]).toEqual({ date: "2026-05-01", status: "UP", downSeconds: 0, maintenanceSeconds: 4 * HOUR });
  });

  it("marks each Swedish day DOWN if down at any moment, UP, PAUSED, or NO_DATA", () => {
    const spans = stateSpans(
      "NEW",
      [
        flip("UP", "2026-06-01T23:00:00Z"), // 01:00 on 2 June in Sweden
        flip("DOWN", "2026-06-02T21:30:00Z"), // 23:30 on 2 June
        flip("UP", "2026-06-02T22:30:00Z"), // 00:30 on 3 June
        flip("PAUSED", "2026-06-03T22:00:00Z"), // midnight starting 4 June
      ],
      at("2026-05-31T22:00:00Z"),
      at("2026-06-05T10:00:00Z"),
    );
    const days = dailyStatus(spans, "2026-06-05", at("2026-06-05T10:00:00Z"), 5);
    expect(days.map((d) => [d.date, d.status, d.downSeconds])).toEqual([
      ["2026-06-01", "NO_DATA", 0],
      ["2026-06-02", "DOWN", 1800],
      ["2026-06-03", "DOWN", 1800],
      ["2026-06-04", "PAUSED", 0],
      ["2026-06-05", "PAUSED", 0],
    ]);
  });

  it("on the spring night (2026-03-29) a day is 23 hours, and the days around it start at Swedish midnight", () => {
    // DOWN from 23:30 CET on the 28th to 00:30 CEST on the 30th: the 29th is 23 hours of down time.
    const spans = stateSpans(
      "UP",
      [flip("DOWN", "2026-03-28T22:30:00Z"), flip("UP", "2026-03-29T22:30:00Z")],
      at("2026-03-27T00:00:00Z"),
      at("2026-03-31T00:00:00Z"),
    );
    const days = dailyStatus(spans, "2026-03-30", at("2026-03-31T00:00:00Z"), 3);
    expect(days.map((d) => [d.date, d.status, d.downSeconds])).toEqual([
      ["2026-03-28", "DOWN", 1800],
      ["2026-03-29", "DOWN", 23 * HOUR],
      ["2026-03-30", "DOWN", 1800],
    ]);
  });

  it("on the autumn night (2026-10-25) a day is 25 hours", () => {
    const spans = stateSpans("DOWN", [], at("2026-10-20T00:00:00Z"), at("2026-10-27T00:00:00Z"));
    const [day] = dailyStatus(spans, "2026-10-25", at("2026-10-27T00:00:00Z"), 1);
    expect(day).toEqual({ date: "2026-10-25", status: "DOWN", downSeconds: 25 * HOUR, maintenanceSeconds: 0 });
  });
});
