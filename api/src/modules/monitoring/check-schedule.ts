import { Cron } from "croner";

/** Installations run their jobs on Swedish wall-clock time unless a check says otherwise. */
export const DEFAULT_TIME_ZONE = "Europe/Stockholm";

/**
 * When a check expects its next signal: a heartbeat every period, a job at the times of its cron
 * expression read in its own time zone. Wall-clock times are croner's to resolve, so a job at 02:00
 * runs once on the autumn night when 02:00 comes twice, and at 03:00 on the spring night when it
 * does not come at all (healthchecks #418, #815).
 */
export type CheckSchedule =
  { kind: "PERIOD"; periodSeconds: number } | { kind: "CRON"; expression: string; timeZone: string };

// Parsing a cron expression costs more than the next-run search; a sweep over many checks shares a handful.
const parsed = new Map<string, Cron>();
const PARSED_KEPT = 1_000;

function cronOf(expression: string, timeZone: string): Cron {
  const key = `${timeZone} ${expression}`;
  let cron = parsed.get(key);
  if (!cron) {
    cron = new Cron(expression, { timezone: timeZone, paused: true });
    if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, cron);
  }
  return cron;
}

/** The first run of a cron expression in a time zone strictly after `after`; null when it never runs again. */
export function nextCronRun(expression: string, timeZone: string, after: Date): Date | null {
  return cronOf(expression, timeZone).nextRun(after);
}

/** The first moment after `after` at which the check expects a signal. */
export function nextExpected(schedule: CheckSchedule, after: Date): Date {
  if (schedule.kind === "PERIOD") return new Date(after.getTime() + schedule.periodSeconds * 1000);
  const next = nextCronRun(schedule.expression, schedule.timeZone, after);
  // An expression that can never run again (a date in the past) would leave the check without a deadline.
  if (!next) throw new Error(`The cron expression ${schedule.expression} has no run after ${after.toISOString()}.`);
  return next;
}

/** Why a schedule cannot be used, in a sentence for the person who typed it; null when it can. */
export function scheduleProblem(schedule: CheckSchedule, now: Date): string | null {
  if (schedule.kind === "PERIOD") {
    return Number.isInteger(schedule.periodSeconds) &&
      schedule.periodSeconds >= 60 &&
      schedule.periodSeconds <= 31_536_000
      ? null
      : "The period is whole seconds from one minute to one year.";
  }
  if (!validTimeZone(schedule.timeZone)) return `${schedule.timeZone} is not a time zone (such as Europe/Stockholm).`;
  try {
    if (!cronOf(schedule.expression, schedule.timeZone).nextRun(now)) return "The cron expression never runs again.";
  } catch {
    return `"${schedule.expression}" is not a cron expression (five fields: minute hour day month weekday).`;
  }
  return null;
}

/** Whether the zone is one the runtime knows (IANA), such as Europe/Stockholm. */
export function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
