import { badInput } from "../../shared/errors.js";
import { daysBetween, type IsoDate } from "../../shared/dates.js";
import { OutsideCalendarYears } from "./support-calendar.js";

/**
 * The limits of a question to the calendar, so that a wrong one is a clear BAD_USER_INPUT and never
 * an internal error or an hour-long computation.
 */
const MAX_SPAN_DAYS = 366;
/** About a year of open hours; more is a typo, not a response target. */
const MAX_OPEN_HOURS = 2000;

export function checkOpenHours(hours: number, arg = "openHours"): void {
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_OPEN_HOURS) {
    throw badInput(`\`${arg}\` must be between 0 and ${MAX_OPEN_HOURS} open hours, got ${hours}.`, arg);
  }
}

export function checkInstant(at: Date, arg: string): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw badInput(`\`${arg}\` is not a valid instant.`, arg);
  return ms;
}

export function checkInstantSpan(from: Date, to: Date): [number, number] {
  const [a, b] = [checkInstant(from, "from"), checkInstant(to, "to")];
  if (b < a) throw badInput("`to` is before `from`.", "to");
  if (b - a > MAX_SPAN_DAYS * 86_400_000)
    throw badInput(`At most ${MAX_SPAN_DAYS} days from \`from\` to \`to\`.`, "to");
  return [a, b];
}

export function checkDateSpan(from: IsoDate, to: IsoDate): void {
  if (to < from) throw badInput("`to` is before `from`.", "to");
  if (daysBetween(from, to) > MAX_SPAN_DAYS)
    throw badInput(`At most ${MAX_SPAN_DAYS} days from \`from\` to \`to\`.`, "to");
}

/** Runs a calendar question, turning "outside the covered years" into the caller's error it is. */
export function asked<T>(question: () => T, arg: string): T {
  try {
    return question();
  } catch (e) {
    if (e instanceof OutsideCalendarYears) throw badInput(e.message, arg);
    throw e;
  }
}
