import { TZDate } from "@date-fns/tz";
import { getISODay, getISOWeek } from "date-fns";
import { TIME_ZONE, type IsoDate } from "../../shared/dates.js";
import { swedishHolidays, type ClosedHoliday } from "./swedish-holidays.js";

/** A row of `support_opening_hours`: weekday (ISO, 1 = Monday) in ISO weeks weekFrom–weekTo, local times. */
export interface OpeningHoursRule {
  weekday: number;
  weekFrom: number;
  weekTo: number;
  opensAt: string;
  closesAt: string;
}

/** A row of `support_calendar_exceptions`: closed (no times) or one slot of changed hours on a date. */
export interface CalendarException {
  date: IsoDate;
  opensAt: string | null;
  closesAt: string | null;
  reason: string;
}

/** Why support is closed on a day; the GraphQL enum is made from this list. */
export const CLOSED_KINDS = ["WEEKEND", "PUBLIC_HOLIDAY", "NON_WORKING_DAY", "EXCEPTION", "NO_OPENING_HOURS"] as const;
type ClosedKind = (typeof CLOSED_KINDS)[number];

interface OpeningSlot {
  opensAt: number;
  closesAt: number;
}

/** One calendar day as support keeps it: its open slots (epoch ms), or why it is closed. */
export interface OpeningDay {
  date: IsoDate;
  slots: OpeningSlot[];
  closedKind: ClosedKind | null;
  closedReason: ClosedReason | null;
  /** The reason for changed hours on an otherwise open day. */
  note: string | null;
}

/**
 * The years the calendar answers for: ten either side of the present. An instant outside them is a
 * caller's mistake, not years to compute (a century of years takes seconds to build).
 */
const THIS_YEAR = new Date().getUTCFullYear();
export const FIRST_YEAR = THIS_YEAR - 10;
export const LAST_YEAR = THIS_YEAR + 10;
export const MS_PER_HOUR = 3_600_000;

export class OutsideCalendarYears extends Error {
  constructor() {
    super(`The support calendar covers the years ${FIRST_YEAR} to ${LAST_YEAR}.`);
  }
}

/**
 * Why a day is closed, in each language the portal and the e-mails speak: a holiday's or a weekday's name, or the
 * vendor's own reason for an exception, which reads the same in both (it is the vendor's text).
 */
export type ClosedReason = { SV: string; EN: string };

const WEEKEND_NAMES: Record<number, ClosedReason> = {
  6: { SV: "Lördag", EN: "Saturday" },
  7: { SV: "Söndag", EN: "Sunday" },
};
const NO_OPENING_HOURS: ClosedReason = { SV: "Stängt", EN: "Closed" };

function clockTime(text: string): [number, number, number] {
  const [h = 0, m = 0, s = 0] = text.split(":").map(Number);
  return [h, m, s];
}

function isoDate(y: number, m: number, d: number): IsoDate {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * The support calendar, precomputed: every open interval of the covered years as epoch-ms arrays,
 * with the open time before each interval as a running total. "Open time up to instant t" is then
 * one binary search, and a response deadline is the inverse: a second binary search over the running
 * totals. That makes recomputing the deadlines of thousands of open cases cheap, where a day-by-day
 * walk through a time-zone library would not be (see docs/decisions/0012-support-calendar-intervals.md).
 *
 * Years are added lazily when an instant outside them is asked for; instances are per rules
 * version and cached by the service.
 */
export class SupportCalendar {
  private firstYear: number;
  private lastYear: number;
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  /** Open ms before interval i (cumulative), and including it. */
  private openBefore = new Float64Array(0);
  private openThrough = new Float64Array(0);
  private rangeStart = 0;
  private rangeEnd = 0;
  private days = new Map<IsoDate, OpeningDay>();
  private readonly exceptions: Map<IsoDate, CalendarException>;
  private readonly rulesByWeekday: OpeningHoursRule[][];

  constructor(
    rules: readonly OpeningHoursRule[],
    exceptions: readonly CalendarException[],
    years: { first: number; last: number },
  ) {
    this.rulesByWeekday = Array.from({ length: 8 }, (_, wd) => rules.filter((r) => r.weekday === wd));
    this.exceptions = new Map(exceptions.map((e) => [e.date, e]));
    this.firstYear = Math.max(FIRST_YEAR, years.first);
    this.lastYear = Math.min(LAST_YEAR, years.last);
    this.build();
  }

  /** Is support open at this instant? Opening time included, closing time excluded. */
  isOpen(at: number): boolean {
    this.cover(at);
    const i = this.intervalAtOrBefore(at);
    return i >= 0 && at < this.ends[i]!;
  }

  /** The first instant at or after `after` when support opens (`after` itself if it opens right then). */
  nextOpening(after: number): number {
    this.cover(after);
    for (;;) {
      const i = this.intervalAtOrBefore(after);
      if (i >= 0 && this.starts[i] === after) return after;
      if (i + 1 < this.starts.length) return this.starts[i + 1]!;
      this.extendForward();
    }
  }

  /** When support next closes: the end of the open slot at `at`, or of the next one. */
  nextClosing(at: number): number {
    this.cover(at);
    for (;;) {
      const i = this.intervalAtOrBefore(at);
      if (i >= 0 && at < this.ends[i]!) return this.ends[i]!;
      if (i + 1 < this.starts.length) return this.ends[i + 1]!;
      this.extendForward();
    }
  }

  /** Open time between two instants, in ms; negative when `to` is before `from`. */
  openMsBetween(from: number, to: number): number {
    this.cover(from);
    this.cover(to);
    return this.openMsUntil(to) - this.openMsUntil(from);
  }

  /**
   * The instant when `openMs` of open time have passed since `from`. Zero answers `from` itself; a
   * deadline that falls exactly on a closing time is that closing time, not the next opening.
   */
  deadline(from: number, openMs: number): number {
    this.cover(from);
    if (openMs <= 0) return from;
    const first = this.intervalAtOrBefore(from);
    const target = this.openMsUntil(from) + openMs;
    while (this.openThrough.length === 0 || this.openThrough[this.openThrough.length - 1]! < target)
      this.extendForward();
    // Gallop forward from the interval of `from`: a response target spans a few intervals, not
    // the whole array, so this takes a handful of steps where a full binary search takes ten.
    const through = this.openThrough;
    let lo = first < 0 ? 0 : first;
    let hi = lo;
    for (let step = 1; through[hi]! < target; step *= 2) {
      lo = hi + 1;
      hi = Math.min(hi + step, through.length - 1);
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (through[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return this.starts[lo]! + (target - this.openBefore[lo]!);
  }

  /** The days from `from` to `to` (both included), each with its slots or why it is closed. */
  openingDays(from: IsoDate, to: IsoDate): OpeningDay[] {
    const [fy] = from.split("-").map(Number) as [number];
    const [ty] = to.split("-").map(Number) as [number];
    if (fy < FIRST_YEAR || ty > LAST_YEAR) throw new OutsideCalendarYears();
    if (fy < this.firstYear || ty > this.lastYear) {
      this.firstYear = Math.min(this.firstYear, fy);
      this.lastYear = Math.max(this.lastYear, ty);
      this.build();
    }
    const out: OpeningDay[] = [];
    for (const [date, day] of this.days) if (date >= from && date <= to) out.push(day);
    return out;
  }

  /** Number of precomputed open intervals (for the bench and tests). */
  get intervalCount(): number {
    return this.starts.length;
  }

  private openMsUntil(t: number): number {
    const i = this.intervalAtOrBefore(t);
    if (i < 0) return 0;
    return this.openBefore[i]! + Math.min(t, this.ends[i]!) - this.starts[i]!;
  }

  /** Index of the last interval that starts at or before t, or -1. */
  private intervalAtOrBefore(t: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Makes sure the instant's year is computed; UTC is behind Swedish time, so the UTC year bounds it. */
  private cover(t: number): void {
    if (!Number.isFinite(t)) throw new OutsideCalendarYears();
    if (t >= this.rangeStart && t < this.rangeEnd) return;
    const utcYear = new Date(t).getUTCFullYear();
    if (utcYear + 1 < FIRST_YEAR || utcYear > LAST_YEAR) throw new OutsideCalendarYears();
    if (t < this.rangeStart) this.firstYear = Math.max(FIRST_YEAR, utcYear);
    else this.lastYear = Math.min(LAST_YEAR, utcYear + 1);
    this.build();
    if (t < this.rangeStart || t >= this.rangeEnd) throw new OutsideCalendarYears();
  }

  private extendForward(): void {
    if (this.lastYear >= LAST_YEAR) throw new OutsideCalendarYears();
    this.lastYear += 1;
    this.build();
  }

  private localMidnight(y: number, m: number, d: number): number {
    return new TZDate(y, m - 1, d, 0, 0, 0, TIME_ZONE).getTime();
  }

  private build(): void {
    const days = new Map<IsoDate, OpeningDay>();
    const starts: number[] = [];
    const ends: number[] = [];
    for (let y = this.firstYear; y <= this.lastYear; y++) {
      const holidays = swedishHolidays(y);
      // Noon local time, so the process's own time zone and its DST cannot shift the date.
      for (let d = new Date(y, 0, 1, 12); d.getFullYear() === y; d = new Date(y, d.getMonth(), d.getDate() + 1, 12)) {
        const day = this.day(d, holidays);
        days.set(day.date, day);
        for (const s of day.slots) {
          // Slots touching across midnight or rows that overlap are one open stretch.
          if (ends.length > 0 && s.opensAt <= ends[ends.length - 1]!)
            ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, s.closesAt);
          else {
            starts.push(s.opensAt);
            ends.push(s.closesAt);
          }
        }
      }
    }
    this.days = days;
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
    this.openBefore = new Float64Array(starts.length);
    this.openThrough = new Float64Array(starts.length);
    let total = 0;
    for (let i = 0; i < starts.length; i++) {
      this.openBefore[i] = total;
      total += ends[i]! - starts[i]!;
      this.openThrough[i] = total;
    }
    this.rangeStart = this.localMidnight(this.firstYear, 1, 1);
    this.rangeEnd = this.localMidnight(this.lastYear + 1, 1, 1);
  }

  private day(d: Date, holidays: Map<IsoDate, ClosedHoliday>): OpeningDay {
    const [y, m, dd] = [d.getFullYear(), d.getMonth() + 1, d.getDate()];
    const date = isoDate(y, m, dd);
    const at = (time: string) => {
      const [h, min, s] = clockTime(time);
      return new TZDate(y, m - 1, dd, h, min, s, TIME_ZONE).getTime();
    };
    const closed = (closedKind: ClosedKind, closedReason: ClosedReason): OpeningDay => ({
      date,
      slots: [],
      closedKind,
      closedReason,
      note: null,
    });
    const exception = this.exceptions.get(date);
    if (exception) {
      if (!exception.opensAt || !exception.closesAt)
        return closed("EXCEPTION", { SV: exception.reason, EN: exception.reason });
      return {
        date,
        slots: [{ opensAt: at(exception.opensAt), closesAt: at(exception.closesAt) }],
        closedKind: null,
        closedReason: null,
        note: exception.reason,
      };
    }
    const holiday = holidays.get(date);
    if (holiday) return closed(holiday.type === "public" ? "PUBLIC_HOLIDAY" : "NON_WORKING_DAY", holiday.name);
    const weekday = getISODay(d);
    const week = getISOWeek(d);
    const slots = this.rulesByWeekday[weekday]!.filter((r) => week >= r.weekFrom && week <= r.weekTo)
      .map((r) => ({ opensAt: at(r.opensAt), closesAt: at(r.closesAt) }))
      .sort((a, b) => a.opensAt - b.opensAt);
    if (slots.length === 0)
      return WEEKEND_NAMES[weekday]
        ? closed("WEEKEND", WEEKEND_NAMES[weekday])
        : closed("NO_OPENING_HOURS", NO_OPENING_HOURS);
    return { date, slots, closedKind: null, closedReason: null, note: null };
  }
}
