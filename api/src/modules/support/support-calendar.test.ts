import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { adminViewer, freshDatabase, okOf } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import { mutate } from "../../shared/transaction.js";
import { FIRST_YEAR, LAST_YEAR, MS_PER_HOUR, SupportCalendar, type CalendarException, type OpeningHoursRule } from "./support-calendar.js";
import { removeCalendarException, setCalendarException, supportCalendar } from "./support-calendar.service.js";

// The brochure's hours as seeded by the migration, on a real database: hand-checked against a
// printed calendar. Instants carry their Swedish offset (+01:00 winter, +02:00 summer).
let database: Database;
let calendar: SupportCalendar;
let admin: Viewer;

/** The seeded database, opened by the first suite that needs it; the rules' own suite does not. */
async function seeded() {
  if (database) return;
  database = await freshDatabase();
  admin = await adminViewer(database);
  calendar = await supportCalendar(database.db);
}
afterAll(() => database?.close());

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
/** A day's hours as "HH:MM–HH:MM" in Swedish time, or its closed reason in brackets. */
function hours(date: string, cal = calendar): string {
  const [day] = cal.openingDays(date, date);
  if (!day!.slots.length) return `[${day!.closedReason}]`;
  const local = (ms: number) => new Date(ms).toLocaleTimeString("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" });
  return day!.slots.map((s) => `${local(s.opensAt)}–${local(s.closesAt)}`).join(", ");
}
const deadline = (from: string, h: number) => iso(calendar.deadline(t(from), h * MS_PER_HOUR));

describe("the support calendar on hand-checked dates", () => {
  beforeAll(seeded);

  it("is closed over the Easter weekends, Good Friday to Easter Monday, and open on Maundy Thursday", () => {
    expect(["2025-04-17", "2025-04-18", "2025-04-19", "2025-04-20", "2025-04-21", "2025-04-22"].map((d) => hours(d))).toEqual([
      "08:00–17:00", "[Långfredagen]", "[Lördag]", "[Påskdagen]", "[Annandag påsk]", "08:00–17:00",
    ]);
    expect(["2026-04-02", "2026-04-03", "2026-04-06", "2026-04-07"].map((d) => hours(d))).toEqual(["08:00–17:00", "[Långfredagen]", "[Annandag påsk]", "08:00–17:00"]);
    expect(["2027-03-26", "2027-03-29", "2027-03-30"].map((d) => hours(d))).toEqual(["[Långfredagen]", "[Annandag påsk]", "08:00–17:00"]);
  });

  it("is closed on Ascension Day, a Thursday each year", () => {
    expect(hours("2025-05-29")).toBe("[Kristi himmelsfärdsdag]");
    expect(hours("2026-05-14")).toBe("[Kristi himmelsfärdsdag]");
    expect(hours("2027-05-06")).toBe("[Kristi himmelsfärdsdag]");
    expect(hours("2026-05-15")).toBe("08:00–16:00");
  });

  it("is closed on Midsummer Eve (a non-working day) and Midsummer Day", () => {
    expect(hours("2026-06-18")).toBe("08:00–16:00");
    expect(hours("2026-06-19")).toBe("[Midsommarafton]");
    expect(calendar.openingDays("2026-06-19", "2026-06-19")[0]!.closedKind).toBe("NON_WORKING_DAY");
    expect(hours("2027-06-25")).toBe("[Midsommarafton]");
    expect(hours("2025-06-20")).toBe("[Midsommarafton]");
  });

  it("is closed on National Day on a weekday, and gives no day in lieu when it falls on a weekend", () => {
    expect(hours("2025-06-06")).toBe("[Nationaldagen]"); // a Friday
    expect(hours("2028-06-06")).toBe("[Nationaldagen]"); // a Tuesday
    expect(hours("2026-06-06")).toBe("[Nationaldagen]"); // a Saturday
    expect(hours("2026-06-08")).toBe("08:00–16:00"); // the Monday after, week 24
    expect(hours("2027-06-07")).toBe("08:00–16:00"); // Sunday the 6th in 2027; Monday open
  });

  it("is closed on All Saints' Day and open on its eve", () => {
    expect(hours("2026-10-30")).toBe("08:00–16:00");
    expect(hours("2026-10-31")).toBe("[Alla helgons dag]");
    expect(hours("2025-11-01")).toBe("[Alla helgons dag]");
  });

  it("is closed from Christmas Eve to Boxing Day and on New Year's Eve and Day, open in between", () => {
    expect(["2026-12-23", "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-04", "2027-01-06"].map((d) => hours(d))).toEqual([
      "08:00–17:00", "[Julafton]", "[Juldagen]", "[Annandag jul]", "08:00–17:00", "08:00–17:00", "08:00–17:00", "[Nyårsafton]", "[Nyårsdagen]", "08:00–17:00", "[Trettondedag jul]",
    ]);
  });

  it("switches to summer hours on the Monday of ISO week 20 and back on the Monday of week 35", () => {
    expect(hours("2026-05-07")).toBe("08:00–17:00"); // Thursday, week 19
    expect(hours("2026-05-08")).toBe("08:00–16:00"); // the Friday before week 20
    expect(hours("2026-05-11")).toBe("08:00–16:00"); // Monday, week 20
    expect(hours("2026-08-20")).toBe("08:00–16:00"); // Thursday, week 34
    expect(hours("2026-08-21")).toBe("08:00–16:00"); // the Friday before week 35
    expect(hours("2026-08-24")).toBe("08:00–17:00"); // Monday, week 35
    expect(hours("2027-05-13")).toBe("08:00–17:00"); // 2027: week 20 begins 17 May
    expect(hours("2027-05-17")).toBe("08:00–16:00");
    expect(hours("2027-08-26")).toBe("08:00–16:00");
    expect(hours("2027-08-30")).toBe("08:00–17:00");
  });

  it("keeps Swedish wall-clock hours across the nights of both daylight-saving switches", () => {
    expect(iso(calendar.nextOpening(t("2026-03-27T15:00:00Z")))).toBe("2026-03-30T06:00:00.000Z"); // Fri 16:00 CET → Mon 08:00 CEST
    expect(calendar.isOpen(t("2026-03-29T01:30:00Z"))).toBe(false); // 03:30 CEST, just after the switch
    expect(calendar.openMsBetween(t("2026-03-27T12:00:00+01:00"), t("2026-03-30T12:00:00+02:00")) / MS_PER_HOUR).toBe(8);
    expect(iso(calendar.nextOpening(t("2026-10-25T00:30:00Z")))).toBe("2026-10-26T07:00:00.000Z"); // the autumn night → Mon 08:00 CET
    expect(calendar.openMsBetween(t("2026-10-23T12:00:00+02:00"), t("2026-10-26T12:00:00+01:00")) / MS_PER_HOUR).toBe(8);
    expect(calendar.isOpen(t("2026-10-26T07:00:00Z"))).toBe(true);
    expect(calendar.isOpen(t("2026-10-26T06:59:59.999Z"))).toBe(false);
  });

  it("counts a deadline that starts at 15:30 on a Friday in week 20 into Monday morning", () => {
    expect(deadline("2026-05-15T15:30:00+02:00", 4)).toBe("2026-05-18T09:30:00.000Z"); // 11:30 Swedish time
  });

  it("skips Ascension Day and the Easter and Christmas holidays when counting a deadline", () => {
    expect(deadline("2026-05-13T15:00:00+02:00", 16)).toBe("2026-05-18T13:00:00.000Z"); // 1 h Wed, Thu closed, 8 h Fri, 7 h Mon → 15:00
    expect(deadline("2026-04-02T16:00:00+02:00", 8)).toBe("2026-04-07T13:00:00.000Z"); // 1 h Thu, Fri–Mon closed → Tue 15:00
    expect(deadline("2026-12-23T16:00:00+01:00", 5)).toBe("2026-12-28T11:00:00.000Z"); // 1 h Wed, then Mon 28th 12:00
  });

  it("ends a deadline at closing time rather than at the next opening, and starts a closed-time clock at the next opening", () => {
    expect(deadline("2026-03-02T08:00:00+01:00", 9)).toBe("2026-03-02T16:00:00.000Z");
    expect(deadline("2026-03-07T11:00:00+01:00", 1)).toBe("2026-03-09T08:00:00.000Z"); // Saturday → Mon 09:00
    expect(deadline("2026-03-07T11:00:00+01:00", 0)).toBe("2026-03-07T10:00:00.000Z");
  });

  it("answers outside the precomputed years by adding them, and refuses instants beyond its range", () => {
    expect(hours("2031-12-24")).toBe("[Julafton]");
    expect(calendar.isOpen(t("2019-06-21T10:00:00+02:00"))).toBe(false); // Midsommarafton 2019
    expect(() => calendar.isOpen(t("2150-01-05T10:00:00Z"))).toThrow(/covers the years/);
  });
});

describe("openHoursBetween and responseDeadline", () => {
  beforeAll(seeded);

  it("agree for random instants and hour counts (to the millisecond)", () => {
    const from = fc.integer({ min: t("2025-01-01T00:00:00Z"), max: t("2028-12-31T00:00:00Z") });
    const openMs = fc.integer({ min: 0, max: 300 * MS_PER_HOUR });
    fc.assert(
      fc.property(from, openMs, (start, ms) => {
        const hoursAsked = ms / MS_PER_HOUR;
        const due = calendar.deadline(start, Math.round(hoursAsked * MS_PER_HOUR));
        expect(calendar.openMsBetween(start, due) / MS_PER_HOUR).toBe(hoursAsked);
        // and the deadline is the earliest such instant: at an open moment or a closing time
        if (ms > 0) expect(calendar.openMsBetween(start, due - 1)).toBe(ms - 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the vendor's own closed days", () => {
  beforeAll(seeded);

  it("closes a date (or changes its hours) for every process at once, and reopens it when removed", async () => {
    expect(hours("2026-03-13")).toBe("08:00–16:00");
    okOf(await mutate(database.db, (tx) => setCalendarException(tx, admin, { date: "2026-03-13", reason: "Personaldag" })));
    okOf(await mutate(database.db, (tx) => setCalendarException(tx, admin, { date: "2026-06-19", opensAt: "09:00", closesAt: "12:00", reason: "Jour på midsommarafton" })));
    const changed = await supportCalendar(database.db);
    expect(changed).not.toBe(calendar);
    expect(hours("2026-03-13", changed)).toBe("[Personaldag]");
    expect(hours("2026-06-19", changed)).toBe("09:00–12:00");
    expect(await supportCalendar(database.db)).toBe(changed); // unchanged revision: the same precomputed calendar
    okOf(await mutate(database.db, (tx) => removeCalendarException(tx, admin, "2026-03-13")));
    expect(hours("2026-03-13", await supportCalendar(database.db))).toBe("08:00–16:00");
  });

  it("sees hours changed straight in the database: a trigger bumps the revision whatever writes the rows", async () => {
    await database.db.execute(sql`insert into support_opening_hours (weekday, week_from, week_to, opens_at, closes_at) values (6, 1, 53, '10:00', '12:00')`);
    expect(hours("2026-03-14", await supportCalendar(database.db))).toBe("10:00–12:00");
    await database.db.execute(sql`delete from support_opening_hours where weekday = 6`);
    expect(hours("2026-03-14", await supportCalendar(database.db))).toBe("[Lördag]");
  });

  it("refuses changed hours without both times or with closing before opening, and a closed day without a reason", async () => {
    const r1 = await mutate(database.db, (tx) => setCalendarException(tx, admin, { date: "2026-03-16", opensAt: "10:00", reason: "x" }));
    const r2 = await mutate(database.db, (tx) => setCalendarException(tx, admin, { date: "2026-03-16", opensAt: "10:00", closesAt: "09:00", reason: "x" }));
    const r3 = await mutate(database.db, (tx) => setCalendarException(tx, admin, { date: "2026-03-16", reason: "  " }));
    expect([r1, r2, r3].map((r) => ("errors" in r ? r.errors[0]!.code : "ok"))).toEqual(["INVALID_OPENING_TIMES", "INVALID_OPENING_TIMES", "REASON_REQUIRED"]);
  });

  it("lets only admins change the calendar", async () => {
    await expect(mutate(database.db, (tx) => setCalendarException(tx, { ...admin, role: "SUPPORT" }, { date: "2026-03-16", reason: "x" }))).rejects.toThrow(/not allowed/);
  });
});

/** Weekdays (or the days given) with one slot, all year: hours simple enough to check by hand. */
function rules(opensAt: string, closesAt: string, weekdays = [1, 2, 3, 4, 5]): OpeningHoursRule[] {
  return weekdays.map((weekday) => ({ weekday, weekFrom: 1, weekTo: 53, opensAt, closesAt }));
}
function calendarOf(hours: OpeningHoursRule[], exceptions: CalendarException[] = []) {
  return new SupportCalendar(hours, exceptions, { first: 2026, last: 2026 });
}
const nineToFive = () => calendarOf(rules("08:00", "17:00"));
const kind = (cal: SupportCalendar, date: string) => {
  const [day] = cal.openingDays(date, date);
  return [day!.closedKind, day!.closedReason];
};

describe("the support calendar's rules on given opening hours", () => {
  it("is open from the opening instant and closed from the closing instant", () => {
    const cal = nineToFive();
    expect(cal.isOpen(t("2026-03-02T07:59:59.999+01:00"))).toBe(false);
    expect(cal.isOpen(t("2026-03-02T08:00:00+01:00"))).toBe(true);
    expect(cal.isOpen(t("2026-03-02T16:59:59.999+01:00"))).toBe(true);
    expect(cal.isOpen(t("2026-03-02T17:00:00+01:00"))).toBe(false);
    expect(cal.isOpen(t("2026-01-01T10:00:00+01:00"))).toBe(false); // New Year's Day, before any interval of the year
  });

  it("gives the next opening as the instant itself when support opens right then, else the next slot's start", () => {
    const cal = nineToFive();
    expect(iso(cal.nextOpening(t("2026-03-02T08:00:00+01:00")))).toBe("2026-03-02T07:00:00.000Z");
    expect(iso(cal.nextOpening(t("2026-03-02T07:00:00+01:00")))).toBe("2026-03-02T07:00:00.000Z");
    expect(iso(cal.nextOpening(t("2026-03-02T08:00:00.001+01:00")))).toBe("2026-03-03T07:00:00.000Z");
    expect(iso(cal.nextOpening(t("2026-03-06T17:00:00+01:00")))).toBe("2026-03-09T07:00:00.000Z"); // Friday closing → Monday
  });

  it("gives the next closing: the end of the open slot, or of the next one when closed, and the next day's at closing time", () => {
    const cal = nineToFive();
    expect(iso(cal.nextClosing(t("2026-03-02T08:00:00+01:00")))).toBe("2026-03-02T16:00:00.000Z");
    expect(iso(cal.nextClosing(t("2026-03-02T12:00:00+01:00")))).toBe("2026-03-02T16:00:00.000Z");
    expect(iso(cal.nextClosing(t("2026-03-02T06:00:00+01:00")))).toBe("2026-03-02T16:00:00.000Z");
    expect(iso(cal.nextClosing(t("2026-03-02T17:00:00+01:00")))).toBe("2026-03-03T16:00:00.000Z");
    expect(iso(cal.nextClosing(t("2026-03-07T12:00:00+01:00")))).toBe("2026-03-09T16:00:00.000Z"); // Saturday → Monday
    expect(iso(cal.nextClosing(t("2026-01-01T10:00:00+01:00")))).toBe("2026-01-02T16:00:00.000Z"); // before the year's first interval
  });

  it("looks into the next year for the next opening or closing after the last one of the years it holds", () => {
    // 31 December is New Year's Eve and 1 January a holiday; 2–3 January 2027 a weekend.
    expect(iso(nineToFive().nextOpening(t("2026-12-30T17:00:00+01:00")))).toBe("2027-01-04T07:00:00.000Z");
    expect(iso(nineToFive().nextClosing(t("2026-12-30T17:00:00+01:00")))).toBe("2027-01-04T16:00:00.000Z");
    expect(iso(nineToFive().deadline(t("2026-12-30T16:00:00+01:00"), 2 * MS_PER_HOUR))).toBe("2027-01-04T08:00:00.000Z");
  });

  it("labels public holidays PUBLIC_HOLIDAY and the customary eves NON_WORKING_DAY, both ahead of the weekend", () => {
    const cal = nineToFive();
    expect(kind(cal, "2026-12-24")).toEqual(["NON_WORKING_DAY", "Julafton"]);
    expect(kind(cal, "2026-12-25")).toEqual(["PUBLIC_HOLIDAY", "Juldagen"]);
    expect(kind(cal, "2026-12-26")).toEqual(["PUBLIC_HOLIDAY", "Annandag jul"]); // a Saturday
    expect(kind(cal, "2026-12-31")).toEqual(["NON_WORKING_DAY", "Nyårsafton"]);
    expect(kind(cal, "2026-04-03")).toEqual(["PUBLIC_HOLIDAY", "Långfredagen"]);
  });

  it("tells a weekend from a weekday without opening hours", () => {
    const mondayToThursday = calendarOf(rules("08:00", "17:00", [1, 2, 3, 4]));
    expect(kind(mondayToThursday, "2026-03-06")).toEqual(["NO_OPENING_HOURS", "Stängt"]);
    expect(kind(mondayToThursday, "2026-03-07")).toEqual(["WEEKEND", "Lördag"]);
    expect(kind(mondayToThursday, "2026-03-08")).toEqual(["WEEKEND", "Söndag"]);
    expect(mondayToThursday.openingDays("2026-03-05", "2026-03-05")[0]).toEqual({
      date: "2026-03-05", slots: [{ opensAt: t("2026-03-05T08:00:00+01:00"), closesAt: t("2026-03-05T17:00:00+01:00") }], closedKind: null, closedReason: null, note: null,
    });
  });

  it("lets the vendor's own day override the rules and the holidays: closed with its reason, or changed hours with a note", () => {
    const cal = calendarOf(rules("08:00", "17:00"), [
      { date: "2026-03-02", opensAt: null, closesAt: null, reason: "Personaldag" },
      { date: "2026-03-03", opensAt: "10:00", closesAt: null, reason: "Halvt angiven" },
      { date: "2026-06-19", opensAt: "09:00:30", closesAt: "12:00", reason: "Jour på midsommarafton" },
    ]);
    expect(kind(cal, "2026-03-02")).toEqual(["EXCEPTION", "Personaldag"]);
    expect(kind(cal, "2026-03-03")).toEqual(["EXCEPTION", "Halvt angiven"]);
    expect(cal.openingDays("2026-06-19", "2026-06-19")[0]).toEqual({
      date: "2026-06-19", slots: [{ opensAt: t("2026-06-19T09:00:30+02:00"), closesAt: t("2026-06-19T12:00:00+02:00") }], closedKind: null, closedReason: null, note: "Jour på midsommarafton",
    });
    expect(cal.isOpen(t("2026-03-02T10:00:00+01:00"))).toBe(false);
    expect(cal.isOpen(t("2026-06-19T09:00:29+02:00"))).toBe(false);
    expect(cal.isOpen(t("2026-06-19T09:00:30+02:00"))).toBe(true);
  });

  it("applies a rule from its first ISO week to its last, both included", () => {
    const cal = calendarOf([{ weekday: 3, weekFrom: 10, weekTo: 12, opensAt: "08:00", closesAt: "17:00" }]);
    expect(["2026-02-25", "2026-03-04", "2026-03-18", "2026-03-25"].map((d) => hours(d, cal))).toEqual(["[Stängt]", "08:00–17:00", "08:00–17:00", "[Stängt]"]);
  });

  it("makes touching or overlapping slots one open stretch, whatever order the rows come in", () => {
    const week = (cal: SupportCalendar) => cal.openMsBetween(t("2026-03-02T00:00:00+01:00"), t("2026-03-03T00:00:00+01:00")) / MS_PER_HOUR;
    const touching = calendarOf([...rules("12:00", "17:00"), ...rules("08:00", "12:00")]);
    expect(hours("2026-03-02", touching)).toBe("08:00–12:00, 12:00–17:00");
    expect(touching.intervalCount).toBe(nineToFive().intervalCount);
    expect(week(touching)).toBe(9);
    expect(touching.isOpen(t("2026-03-02T12:00:00+01:00"))).toBe(true);
    expect(iso(touching.nextClosing(t("2026-03-02T09:00:00+01:00")))).toBe("2026-03-02T16:00:00.000Z");
    expect(iso(touching.nextOpening(t("2026-03-02T12:00:00+01:00")))).toBe("2026-03-03T07:00:00.000Z");
    const overlapping = calendarOf([...rules("08:00", "13:00"), ...rules("12:00", "17:00")]);
    expect(week(overlapping)).toBe(9);
    expect(iso(overlapping.deadline(t("2026-03-02T08:00:00+01:00"), 9 * MS_PER_HOUR))).toBe("2026-03-02T16:00:00.000Z");
    const inside = calendarOf([...rules("08:00", "17:00"), ...rules("10:00", "12:00")]);
    expect(week(inside)).toBe(9);
    expect(iso(inside.nextClosing(t("2026-03-02T11:00:00+01:00")))).toBe("2026-03-02T16:00:00.000Z");
    // An evening slot running to midnight and the next morning's from midnight: open all night.
    const overnight = calendarOf([...rules("18:00", "24:00", [1]), ...rules("00:00", "08:00", [2])]);
    expect(overnight.isOpen(t("2026-03-03T00:00:00+01:00"))).toBe(true);
    expect(iso(overnight.nextClosing(t("2026-03-02T20:00:00+01:00")))).toBe("2026-03-03T07:00:00.000Z");
  });

  it("counts open time between two instants, negative when they come in reverse", () => {
    const cal = nineToFive();
    const monday = t("2026-03-02T10:00:00+01:00");
    const tuesday = t("2026-03-03T10:00:00+01:00");
    expect(cal.openMsBetween(monday, tuesday) / MS_PER_HOUR).toBe(9);
    expect(cal.openMsBetween(tuesday, monday) / MS_PER_HOUR).toBe(-9);
    expect(cal.openMsBetween(t("2026-03-02T18:00:00+01:00"), t("2026-03-03T07:00:00+01:00"))).toBe(0);
  });

  it("answers a deadline of no time, or less than none, with its start", () => {
    const saturday = t("2026-03-07T11:00:00+01:00");
    expect(nineToFive().deadline(saturday, 0)).toBe(saturday);
    expect(nineToFive().deadline(saturday, -MS_PER_HOUR)).toBe(saturday);
    expect(iso(nineToFive().deadline(t("2026-01-01T10:00:00+01:00"), MS_PER_HOUR))).toBe("2026-01-02T08:00:00.000Z"); // before the first interval
  });

  it("gallops over many intervals to a far deadline and lands on the right one", () => {
    const cal = nineToFive();
    const from = t("2026-03-02T08:00:00+01:00");
    for (const days of [1, 2, 3, 5, 8, 13, 21, 34]) {
      const due = cal.deadline(from, days * 9 * MS_PER_HOUR);
      expect(cal.openMsBetween(from, due), `${days} days`).toBe(days * 9 * MS_PER_HOUR);
      expect(cal.isOpen(due - 1), `${days} days`).toBe(true);
    }
    expect(iso(cal.deadline(from, 5 * 9 * MS_PER_HOUR + MS_PER_HOUR))).toBe("2026-03-09T08:00:00.000Z");
  });

  it("lists the days asked for, both ends included, adding years on either side when asked", () => {
    const cal = nineToFive();
    expect(cal.openingDays("2026-03-02", "2026-03-04").map((d) => d.date)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    expect(cal.openingDays("2025-12-31", "2026-01-01").map((d) => [d.date, d.closedReason])).toEqual([["2025-12-31", "Nyårsafton"], ["2026-01-01", "Nyårsdagen"]]);
    expect(cal.openingDays("2027-01-01", "2027-01-01").map((d) => d.closedReason)).toEqual(["Nyårsdagen"]);
    expect(() => cal.openingDays(`${FIRST_YEAR - 1}-12-31`, "2026-01-01")).toThrow(/covers the years/);
    expect(() => cal.openingDays("2026-01-01", `${LAST_YEAR + 1}-01-01`)).toThrow(/covers the years/);
  });

  it("adds earlier and later years when an instant needs them, up to ten years either side, and refuses what is beyond or no instant", () => {
    const cal = nineToFive();
    const before = cal.intervalCount;
    expect(cal.isOpen(t("2025-03-03T10:00:00+01:00"))).toBe(true);
    expect(cal.intervalCount).toBeGreaterThan(before);
    expect(cal.isOpen(t("2027-03-01T10:00:00+01:00"))).toBe(true);
    expect(cal.isOpen(t(`${LAST_YEAR}-12-31T15:00:00+01:00`))).toBe(false); // New Year's Eve of the last year
    expect(cal.isOpen(t(`${FIRST_YEAR}-01-01T10:00:00+01:00`))).toBe(false); // New Year's Day of the first
    expect(() => cal.isOpen(t(`${LAST_YEAR + 1}-01-02T10:00:00+01:00`))).toThrow(/covers the years/);
    expect(() => cal.isOpen(t(`${FIRST_YEAR - 1}-06-01T10:00:00+01:00`))).toThrow(/covers the years/);
    expect(() => cal.isOpen(Number.NaN)).toThrow(/covers the years/);
    expect(() => cal.nextOpening(Number.POSITIVE_INFINITY)).toThrow(/covers the years/);
  });
});
