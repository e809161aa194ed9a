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

/** Now in Sweden as a datetime-local value (YYYY-MM-DDTHH:mm), a form's default for "when". */
export function swedishLocalNow(now = new Date()): string {
  return dateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(now)
    .replace(" ", "T");
}

/**
 * A datetime-local value (YYYY-MM-DDTHH:mm), read as Swedish wall-clock time, as an ISO moment with
 * its offset; null when it is not one. Staff type the time they see on the clock, summer or winter.
 */
export function swedishLocalToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(asUtc) || new Date(asUtc).getUTCDate() !== d) return null;
  // The offset Sweden had near that moment (+01:00 or +02:00), read from the time-zone data.
  const name = dateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", timeZoneName: "longOffset" })
    .formatToParts(new Date(asUtc - 3_600_000))
    .find((p) => p.type === "timeZoneName")?.value;
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(name ?? "")?.[1] ?? "+01:00";
  return `${value}:00${offset}`;
}
