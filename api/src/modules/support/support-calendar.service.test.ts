import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { adminViewer, freshDatabase, okOf } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import { mutate } from "../../shared/transaction.js";
import { MS_PER_HOUR, type SupportCalendar } from "./support-calendar.js";
import { removeCalendarException, setCalendarException, supportCalendar } from "./support-calendar.service.js";

// The brochure's hours as seeded by the migration, on a real database: hand-checked against a
// printed calendar. Instants carry their Swedish offset (+01:00 winter, +02:00 summer).
let database: Database;
let calendar: SupportCalendar;
let admin: Viewer;

beforeAll(async () => {
  database = await freshDatabase();
  admin = await adminViewer(database);
  calendar = await supportCalendar(database.db);
});
afterAll(() => database.close());

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
/** A day's hours as "HH:MM–HH:MM" in Swedish time, or its closed reason in brackets. */
function hours(date: string, cal = calendar): string {
  const [day] = cal.openingDays(date, date);
  if (!day!.slots.length) return `[${day!.closedReason?.SV}]`;
  const local = (ms: number) =>
    new Date(ms).toLocaleTimeString("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" });
  return day!.slots.map((s) => `${local(s.opensAt)}–${local(s.closesAt)}`).join(", ");
}
const deadline = (from: string, h: number) => iso(calendar.deadline(t(from), h * MS_PER_HOUR));

describe("the support calendar on hand-checked dates", () => {
  it("is closed over the Easter weekends, Good Friday to Easter Monday, and open on Maundy Thursday", () => {
    expect(
      ["2025-04-17", "2025-04-18", "2025-04-19", "2025-04-20", "2025-04-21", "2025-04-22"].map((d) => hours(d)),
    ).toEqual(["08:00–17:00", "[Långfredagen]", "[Lördag]", "[Påskdagen]", "[Annandag påsk]", "08:00–17:00"]);
    expect(["2026-04-02", "2026-04-03", "2026-04-06", "2026-04-07"].map((d) => hours(d))).toEqual([
      "08:00–17:00",
      "[Långfredagen]",
      "[Annandag påsk]",
      "08:00–17:00",
    ]);
    expect(["2027-03-26", "2027-03-29", "2027-03-30"].map((d) => hours(d))).toEqual([
      "[Långfredagen]",
      "[Annandag påsk]",
      "08:00–17:00",
    ]);
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
    expect(
      [
        "2026-12-23",
        "2026-12-24",
        "2026-12-25",
        "2026-12-26",
        "2026-12-28",
        "2026-12-29",
        "2026-12-30",
        "2026-12-31",
        "2027-01-01",
        "2027-01-04",
        "2027-01-06",
      ].map((d) => hours(d)),
    ).toEqual([
      "08:00–17:00",
      "[Julafton]",
      "[Juldagen]",
      "[Annandag jul]",
      "08:00–17:00",
      "08:00–17:00",
      "08:00–17:00",
      "[Nyårsafton]",
      "[Nyårsdagen]",
      "08:00–17:00",
      "[Trettondedag jul]",
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
    expect(calendar.openMsBetween(t("2026-03-27T12:00:00+01:00"), t("2026-03-30T12:00:00+02:00")) / MS_PER_HOUR).toBe(
      8,
    );
    expect(iso(calendar.nextOpening(t("2026-10-25T00:30:00Z")))).toBe("2026-10-26T07:00:00.000Z"); // the autumn night → Mon 08:00 CET
    expect(calendar.openMsBetween(t("2026-10-23T12:00:00+02:00"), t("2026-10-26T12:00:00+01:00")) / MS_PER_HOUR).toBe(
      8,
    );
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
  it("closes a date (or changes its hours) for every process at once, and reopens it when removed", async () => {
    expect(hours("2026-03-13")).toBe("08:00–16:00");
    okOf(
      await mutate(database.db, (tx) => setCalendarException(tx, admin, { date: "2026-03-13", reason: "Personaldag" })),
    );
    okOf(
      await mutate(database.db, (tx) =>
        setCalendarException(tx, admin, {
          date: "2026-06-19",
          opensAt: "09:00",
          closesAt: "12:00",
          reason: "Jour på midsommarafton",
        }),
      ),
    );
    const changed = await supportCalendar(database.db);
    expect(changed).not.toBe(calendar);
    expect(hours("2026-03-13", changed)).toBe("[Personaldag]");
    expect(hours("2026-06-19", changed)).toBe("09:00–12:00");
    expect(await supportCalendar(database.db)).toBe(changed); // unchanged revision: the same precomputed calendar
    okOf(await mutate(database.db, (tx) => removeCalendarException(tx, admin, "2026-03-13")));
    expect(hours("2026-03-13", await supportCalendar(database.db))).toBe("08:00–16:00");
  });

  it("sees hours changed straight in the database: a trigger bumps the revision whatever writes the rows", async () => {
    await database.db.execute(
      sql`insert into support_opening_hours (weekday, week_from, week_to, opens_at, closes_at) values (6, 1, 53, '10:00', '12:00')`,
    );
    expect(hours("2026-03-14", await supportCalendar(database.db))).toBe("10:00–12:00");
    await database.db.execute(sql`delete from support_opening_hours where weekday = 6`);
    expect(hours("2026-03-14", await supportCalendar(database.db))).toBe("[Lördag]");
  });

  it("refuses changed hours without both times or with closing before opening, and a closed day without a reason", async () => {
    const r1 = await mutate(database.db, (tx) =>
      setCalendarException(tx, admin, { date: "2026-03-16", opensAt: "10:00", reason: "x" }),
    );
    const r2 = await mutate(database.db, (tx) =>
      setCalendarException(tx, admin, { date: "2026-03-16", opensAt: "10:00", closesAt: "09:00", reason: "x" }),
    );
    const r3 = await mutate(database.db, (tx) => setCalendarException(tx, admin, { date: "2026-03-16", reason: "  " }));
    expect([r1, r2, r3].map((r) => ("errors" in r ? r.errors[0]!.code : "ok"))).toEqual([
      "INVALID_OPENING_TIMES",
      "INVALID_OPENING_TIMES",
      "REASON_REQUIRED",
    ]);
  });

  it("lets only admins change the calendar", async () => {
    await expect(
      mutate(database.db, (tx) =>
        setCalendarException(tx, { ...admin, role: "SUPPORT" }, { date: "2026-03-16", reason: "x" }),
      ),
    ).rejects.toThrow(/not allowed/);
  });
});
