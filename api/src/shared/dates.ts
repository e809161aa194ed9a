import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from "date-fns";

/** Trygg's calendar is Swedish: "today" and day arithmetic are in Europe/Stockholm. */
export const TIME_ZONE = "Europe/Stockholm";

/** An ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;

export function todayInSweden(now: Date = new Date()): IsoDate {
  return format(new TZDate(now, TIME_ZONE), "yyyy-MM-dd");
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return format(addDays(parseISO(date), days), "yyyy-MM-dd");
}

/** Whole months later (or earlier); a day the month lacks becomes its last (31 January + 1 month = 28 February). */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  return format(addMonths(parseISO(date), months), "yyyy-MM-dd");
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export function minDate(a: IsoDate, b: IsoDate | null | undefined): IsoDate {
  return b && b < a ? b : a;
}
