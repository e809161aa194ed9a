import { describe, expect, it } from "vitest";
import { readClock, responseDueAt, type ClockFacts } from "./response-clock.js";
import { MS_PER_HOUR, SupportCalendar } from "./support-calendar.js";

// Weekdays 08–17 all year: enough to check the clock's arithmetic by hand.
const calendar = new SupportCalendar(
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, weekFrom: 1, weekTo: 53, opensAt: "08:00", closesAt: "17:00" })),
  [],
  { first: 2026, last: 2026 },
);
const t = (iso: string) => Date.parse(iso);
const monday8 = t("2026-03-02T08:00:00+01:00");
const facts = (pauses: ClockFacts["pauses"] = []): ClockFacts => ({
  openedAt: monday8,
  targetMs: 4 * MS_PER_HOUR,
  pauses,
});
const at = (f: ClockFacts, iso: string) => readClock(calendar, f, { running: true, stoppedAt: null }, t(iso));

describe("the first-response clock", () => {
  it("flags a case near its deadline from 75 % of the target used, and overdue once all of it is", () => {
    expect(at(facts(), "2026-03-02T10:59:00+01:00")).toMatchObject({ nearDeadline: false, overdue: false });
    expect(at(facts(), "2026-03-02T11:00:00+01:00")).toMatchObject({
      nearDeadline: true,
      overdue: false,
      leftMs: MS_PER_HOUR,
    });
    expect(at(facts(), "2026-03-02T12:00:00+01:00")).toMatchObject({ nearDeadline: false, overdue: true, leftMs: 0 });
    expect(at(facts(), "2026-03-03T09:00:00+01:00").leftMs! / MS_PER_HOUR).toBe(-6); // 9 h Monday + 1 h Tuesday used
  });

  it("leaves paused time out of the time used and moves the deadline by it", () => {
    const paused = facts([{ startedAt: t("2026-03-02T09:00:00+01:00"), endedAt: t("2026-03-03T08:00:00+01:00") }]);
    expect(at(paused, "2026-03-03T09:00:00+01:00").usedMs / MS_PER_HOUR).toBe(2);
    expect(new Date(responseDueAt(calendar, paused)!).toISOString()).toBe("2026-03-03T10:00:00.000Z"); // 1 h Mon + 3 h Tue → 11:00
  });

  it("has no deadline while a pause runs with time left, but keeps one that passed before the pause", () => {
    expect(responseDueAt(calendar, facts([{ startedAt: t("2026-03-02T09:00:00+01:00"), endedAt: null }]))).toBeNull();
    expect(
      new Date(
        responseDueAt(calendar, facts([{ startedAt: t("2026-03-02T15:00:00+01:00"), endedAt: null }]))!,
      ).toISOString(),
    ).toBe("2026-03-02T11:00:00.000Z");
  });

  it("counts no time while a pause is still running, and the time before it once", () => {
    const waiting = facts([{ startedAt: t("2026-03-02T09:00:00+01:00"), endedAt: null }]);
    expect(at(waiting, "2026-03-02T11:00:00+01:00")).toEqual({
      usedMs: MS_PER_HOUR,
      leftMs: 3 * MS_PER_HOUR,
      nearDeadline: false,
      overdue: false,
    });
    expect(at(waiting, "2026-03-04T11:00:00+01:00").usedMs).toBe(MS_PER_HOUR);
  });

  it("keeps the deadline where the target ran out when a pause starts at that very instant", () => {
    const noon = t("2026-03-02T12:00:00+01:00"); // 4 h after opening: the whole target used
    expect(responseDueAt(calendar, facts([{ startedAt: noon, endedAt: null }]))).toBe(noon);
    expect(responseDueAt(calendar, facts([{ startedAt: noon, endedAt: t("2026-03-03T08:00:00+01:00") }]))).toBe(noon);
  });

  it("counts overlapping pauses once, from the start of the first to the end of the last", () => {
    const overlapping = facts([
      { startedAt: t("2026-03-02T09:00:00+01:00"), endedAt: t("2026-03-02T11:00:00+01:00") },
      { startedAt: t("2026-03-02T10:00:00+01:00"), endedAt: t("2026-03-02T12:00:00+01:00") },
    ]);
    expect(at(overlapping, "2026-03-02T13:00:00+01:00").usedMs).toBe(2 * MS_PER_HOUR); // 08–09 and 12–13
    expect(new Date(responseDueAt(calendar, overlapping)!).toISOString()).toBe("2026-03-02T14:00:00.000Z"); // 1 h before, 3 h from 12:00 → 15:00
  });

  it("leaves out a pause that began after the first answer, and time after the answer inside a pause", () => {
    const later = facts([{ startedAt: t("2026-03-02T10:00:00+01:00"), endedAt: t("2026-03-02T10:30:00+01:00") }]);
    const answeredAt = (iso: string, f: ClockFacts) =>
      readClock(calendar, f, { running: false, stoppedAt: t(iso) }, t("2026-03-05T09:00:00+01:00")).usedMs /
      MS_PER_HOUR;
    expect(answeredAt("2026-03-02T09:30:00+01:00", later)).toBe(1.5);
    const waiting = facts([{ startedAt: t("2026-03-02T09:00:00+01:00"), endedAt: t("2026-03-02T12:00:00+01:00") }]);
    expect(answeredAt("2026-03-02T10:00:00+01:00", waiting)).toBe(1);
  });

  it("stops at the first answer: nothing left to count and no flags", () => {
    const r = readClock(
      calendar,
      facts(),
      { running: false, stoppedAt: t("2026-03-02T09:30:00+01:00") },
      t("2026-03-05T09:00:00+01:00"),
    );
    expect(r).toEqual({ usedMs: 1.5 * MS_PER_HOUR, leftMs: null, nearDeadline: false, overdue: false });
  });
});
