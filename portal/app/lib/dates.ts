import { LOCALES, type Lang } from "~/i18n/i18n";
import { dateTimeFormat } from "~/i18n/intl-formats";

/** Agreement and tailoring dates are Swedish calendar days (YYYY-MM-DD), whatever the server's zone. */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Today in Sweden as YYYY-MM-DD. */
export function todayInSweden(now = new Date()): string {
  return dateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The same day a year later; 29 February becomes 28 February. */
export function addYear(isoDate: string): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split("-").map(Number);
  const target = new Date(Date.UTC(year + 1, month - 1, day));
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The calendar day after. */
export function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** A calendar day as written in the user's language, without time-zone shifts. */
export function formatDay(lang: Lang, isoDate: string): string {
  return dateTimeFormat(LOCALES[lang], { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

const wallClock = () =>
  dateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });

/** An instant as a datetime-local input's value in Swedish time: "2026-07-15T10:00". */
export function swedishWallClock(at: Date): string {
  const part = (type: string) =>
    wallClock()
      .formatToParts(at)
      .find((p) => p.type === type)?.value ?? "00";
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

/** How far Swedish wall-clock time is ahead of UTC at an instant, in milliseconds. */
function swedishOffset(at: number): number {
  const [date, time] = swedishWallClock(new Date(at)).split("T") as [string, string];
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  const [h = 0, min = 0] = time.split(":").map(Number);
  return Date.UTC(y, m - 1, d, h, min) - Math.floor(at / 60_000) * 60_000;
}

/**
 * The instant a Swedish wall-clock time names, as a datetime-local input sends it (the browser's
 * own zone plays no part: a technician abroad plans in Swedish time). A time the spring night skips
 * reads as the hour after; the autumn night's repeated hour as its second pass. Null when not a time.
 */
export function swedishWallClockToInstant(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [y, m, d, h, min] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d || h > 23 || min > 59) return null;
  // Twice: the offset at the first guess may be the other side of a change of clocks.
  const first = asUtc - swedishOffset(asUtc);
  return new Date(asUtc - swedishOffset(first));
}
