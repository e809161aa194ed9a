import { describe, expect, it } from "vitest";
import {
  FIRST_YEAR,
  LAST_YEAR,
  MS_PER_HOUR,
  SupportCalendar,
  type CalendarException,
  type OpeningHoursRule,
} from "./support-calendar.js";

// The calendar's rules on opening hours given here, simple enough to check by hand; the brochure's
// hours as the migration seeds them are checked in support-calendar.service.test.ts. Instants carry
// their Swedish offset (+01:00 winter, +02:00 summer).
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
/** A day's hours as "HH:MM–HH:MM" in Swedish time, or its closed reason in brackets. */
function hours(date: string, cal: SupportCalendar): string {
  const [day] = cal.openingDays(date, date);
  if (!day!.slots.length) return `[${day!.closedReason?.SV}]`;
  const local = (ms: number) =>
    new Date(ms).toLocaleTimeString("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" });
  return day!.slots.map((s) => `${local(s.opensAt)}–${local(s.closesAt)}`).join(", ");
}

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
  return [day!.closedKind, day!.closedReason?.SV];
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
    expect(iso(nineToFive().deadline(t("2026-12-30T16:00:00+01:00"), 2 * MS_PER_HOUR))).toBe(
      "2027-01-04T08:00:00.000Z",
    );
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
      date: "2026-03-05",
      slots: [{ opensAt: t("2026-03-05T08:00:00+01:00"), closesAt: t("2026-03-05T17:00:00+01:00") }],
      closedKind: null,
      closedReason: null,
      note: null,
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
      date: "2026-06-19",
      slots: [{ opensAt: t("2026-06-19T09:00:30+02:00"), closesAt: t("2026-06-19T12:00:00+02:00") }],
      closedKind: null,
      closedReason: null,
      note: "Jour på midsommarafton",
    });
    expect(cal.isOpen(t("2026-03-02T10:00:00+01:00"))).toBe(false);
    expect(cal.isOpen(t("2026-06-19T09:00:29+02:00"))).toBe(false);
    expect(cal.isOpen(t("2026-06-19T09:00:30+02:00"))).toBe(true);
  });

  it("applies a rule from its first ISO week to its last, both included", () => {
    const cal = calendarOf([{ weekday: 3, weekFrom: 10, weekTo: 12, opensAt: "08:00", closesAt: "17:00" }]);
    expect(["2026-02-25", "2026-03-04", "2026-03-18", "2026-03-25"].map((d) => hours(d, cal))).toEqual([
      "[Stängt]",
      "08:00–17:00",
      "08:00–17:00",
      "[Stängt]",
    ]);
  });

  it("makes touching or overlapping slots one open stretch, whatever order the rows come in", () => {
    const week = (cal: SupportCalendar) =>
      cal.openMsBetween(t("2026-03-02T00:00:00+01:00"), t("2026-03-03T00:00:00+01:00")) / MS_PER_HOUR;
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

  it("names each closed day in Swedish and in English; the vendor's own reason reads as written in both", () => {
    const cal = calendarOf(rules("08:00", "17:00"), [
      { date: "2026-03-04", opensAt: null, closesAt: null, reason: "Inventering" },
    ]);
    const names = (from: string, to: string) =>
      cal
        .openingDays(from, to)
        .flatMap((d) => (d.closedReason ? [[d.date, d.closedReason.SV, d.closedReason.EN]] : []));
    expect(names("2026-12-24", "2026-12-27")).toEqual([
      ["2026-12-24", "Julafton", "Christmas Eve"],
      ["2026-12-25", "Juldagen", "Christmas Day"],
      ["2026-12-26", "Annandag jul", "Boxing Day"],
      ["2026-12-27", "Söndag", "Sunday"],
    ]);
    expect(names("2026-06-19", "2026-06-20")).toEqual([
      ["2026-06-19", "Midsommarafton", "Midsummer Eve"],
      ["2026-06-20", "Midsommardagen", "Midsummer Day"],
    ]);
    expect(names("2026-03-04", "2026-03-04")).toEqual([["2026-03-04", "Inventering", "Inventering"]]);
  });

  it("lists the days asked for, both ends included, adding years on either side when asked", () => {
    const cal = nineToFive();
    expect(cal.openingDays("2026-03-02", "2026-03-04").map((d) => d.date)).toEqual([
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
    ]);
    expect(cal.openingDays("2025-12-31", "2026-01-01").map((d) => [d.date, d.closedReason?.SV])).toEqual([
      ["2025-12-31", "Nyårsafton"],
      ["2026-01-01", "Nyårsdagen"],
    ]);
    expect(cal.openingDays("2027-01-01", "2027-01-01").map((d) => d.closedReason?.SV)).toEqual(["Nyårsdagen"]);
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

// Where the arrays of intervals begin and end: the first interval held, an instant at the first or last
// instant of the years held, queries outside them, and the first and last supported years.
describe("the support calendar at the edges of the years it holds", () => {
  it("answers for the first opening it holds: open inside it, opening at its start, closing at its end", () => {
    // 2 January 2026, a Friday, is the first opening of a calendar built for 2026 (1 January is a holiday).
    const cal = nineToFive();
    expect(cal.isOpen(t("2026-01-02T10:00:00+01:00"))).toBe(true);
    expect(iso(cal.nextOpening(t("2026-01-02T08:00:00+01:00")))).toBe("2026-01-02T07:00:00.000Z");
    expect(iso(cal.nextClosing(t("2026-01-02T10:00:00+01:00")))).toBe("2026-01-02T16:00:00.000Z");
    expect(cal.openMsBetween(t("2026-01-02T08:00:00+01:00"), t("2026-01-02T10:00:00+01:00")) / MS_PER_HOUR).toBe(2);
  });

  it("computes the earlier year an instant before the years it holds needs, for every question", () => {
    // Built for 2026; each question asks about 2025 (Monday 2 June, and 30 December before New Year's Eve).
    expect(iso(nineToFive().nextOpening(t("2025-06-02T07:00:00+02:00")))).toBe("2025-06-02T06:00:00.000Z");
    expect(iso(nineToFive().nextClosing(t("2025-06-02T10:00:00+02:00")))).toBe("2025-06-02T15:00:00.000Z");
    expect(iso(nineToFive().deadline(t("2025-06-02T10:00:00+02:00"), 2 * MS_PER_HOUR))).toBe(
      "2025-06-02T10:00:00.000Z",
    );
    const acrossNewYear = nineToFive().openMsBetween(t("2025-12-30T10:00:00+01:00"), t("2026-01-02T10:00:00+01:00"));
    expect(acrossNewYear / MS_PER_HOUR).toBe(7 + 2);
    // And the later year, for the later of two instants: 30 December 2026, then Monday 4 January 2027.
    const intoNextYear = nineToFive().openMsBetween(t("2026-12-30T10:00:00+01:00"), t("2027-01-04T10:00:00+01:00"));
    expect(intoNextYear / MS_PER_HOUR).toBe(7 + 2);
  });

  it("keeps the later years it has computed when asked about an earlier instant, counting open time in reverse", () => {
    const forward = nineToFive().openMsBetween(t("2026-03-02T10:00:00+01:00"), t("2028-03-01T10:00:00+01:00"));
    expect(forward / MS_PER_HOUR).toBeGreaterThan(2 * 200 * 9);
    expect(nineToFive().openMsBetween(t("2028-03-01T10:00:00+01:00"), t("2026-03-02T10:00:00+01:00"))).toBe(-forward);
    // The first instant of the years held (Swedish midnight of 1 January) is inside them as well.
    const fromNewYear = nineToFive().openMsBetween(t("2026-01-01T00:00:00+01:00"), t("2028-03-01T10:00:00+01:00"));
    expect(nineToFive().openMsBetween(t("2028-03-01T10:00:00+01:00"), t("2026-01-01T00:00:00+01:00"))).toBe(
      -fromNewYear,
    );
  });

  it("counts the first instant after the years it holds as the next year's: an opening at midnight of New Year's Day", () => {
    const cal = calendarOf(rules("08:00", "17:00"), [
      { date: "2027-01-01", opensAt: "00:00", closesAt: "08:00", reason: "Jour på nyårsnatten" },
    ]);
    expect(cal.isOpen(t("2027-01-01T00:00:00+01:00"))).toBe(true);
  });

  it("has no deadline without any opening hours, and says so rather than answering no instant", () => {
    expect(() => calendarOf([]).deadline(t("2026-03-02T10:00:00+01:00"), MS_PER_HOUR)).toThrow(/covers the years/);
  });

  it("lists the days of the first and of the last supported year", () => {
    const cal = nineToFive();
    expect(cal.openingDays(`${FIRST_YEAR}-01-01`, `${FIRST_YEAR}-01-01`).map((d) => d.closedReason?.SV)).toEqual([
      "Nyårsdagen",
    ]);
    expect(cal.openingDays(`${LAST_YEAR}-12-31`, `${LAST_YEAR}-12-31`).map((d) => d.closedReason?.SV)).toEqual([
      "Nyårsafton",
    ]);
  });

  it("answers from the first instant of the first supported year, Swedish midnight though still the year before in UTC", () => {
    expect(nineToFive().isOpen(t(`${FIRST_YEAR}-01-01T00:00:00+01:00`))).toBe(false);
    expect(() => nineToFive().isOpen(t(`${FIRST_YEAR}-01-01T00:00:00+01:00`) - 1)).toThrow(/covers the years/);
  });

  it("refuses the first instant after the last supported year, though it is still that year in UTC", () => {
    expect(() => nineToFive().isOpen(t(`${LAST_YEAR + 1}-01-01T00:00:00+01:00`))).toThrow(/covers the years/);
    expect(() => nineToFive().isOpen(t(`${LAST_YEAR + 1}-01-01T00:30:00+01:00`))).toThrow(/covers the years/);
  });

  it("has no opening or closing after the last one of the last supported year, however it was built", () => {
    const evening = t(`${LAST_YEAR}-12-31T12:00:00+01:00`); // New Year's Eve: closed, the next opening is beyond
    expect(() => nineToFive().nextOpening(evening)).toThrow(/covers the years/);
    expect(() => nineToFive().nextClosing(evening)).toThrow(/covers the years/);
    const built = new SupportCalendar(rules("08:00", "17:00"), [], { first: LAST_YEAR - 1, last: LAST_YEAR + 2 });
    expect(() => built.nextOpening(evening)).toThrow(/covers the years/);
    const grown = nineToFive();
    grown.openingDays(`${LAST_YEAR}-12-01`, `${LAST_YEAR}-12-31`);
    expect(() => grown.nextOpening(evening)).toThrow(/covers the years/);
  });

  it("gives a deadline falling exactly at the last closing of the last supported year as that closing", () => {
    const cal = nineToFive();
    const december = cal.openingDays(`${LAST_YEAR}-12-01`, `${LAST_YEAR}-12-31`);
    const last = december
      .filter((d) => d.slots.length > 0)
      .at(-1)!
      .slots.at(-1)!;
    expect(cal.deadline(last.opensAt, last.closesAt - last.opensAt)).toBe(last.closesAt);
  });

  it("refuses an instant outside the supported years before computing any year for it", () => {
    const cal = nineToFive();
    const held = cal.intervalCount;
    expect(() => cal.isOpen(t(`${LAST_YEAR + 1}-06-01T10:00:00+02:00`))).toThrow(/covers the years/);
    expect(() => cal.isOpen(t(`${FIRST_YEAR - 2}-06-01T10:00:00+02:00`))).toThrow(/covers the years/);
    expect(cal.intervalCount).toBe(held);
  });
});
