import { nextCronRun } from "./check-schedule.js";

/**
 * A maintenance window as the rule sees it: one-off (startsAt to endsAt) or recurring (each run of
 * the cron expression, read in its time zone, lasting durationSeconds of real time, from startsAt until
 * endsAt if set). endedAt, set when someone ends it early, cuts everything from that moment on.
 * Wall-clock times are croner's to resolve, as for checks: a 02:00 window starts at 03:00 CEST on the
 * spring night and once on the autumn night (Uptime Kuma's maintenance has the same croner underneath).
 */
export interface MaintenancePlan {
  startsAt: Date;
  endsAt: Date | null;
  cronExpression: string | null;
  durationSeconds: number | null;
  timeZone: string;
  endedAt: Date | null;
}

export interface Span {
  from: Date;
  to: Date;
}

/** Occurrences read per window per question: a year of hourly windows, no more. */
const MAX_OCCURRENCES = 10_000;

/** The end of the plan's reach: its own end or the moment it was ended, whichever is first. */
function limitOf(p: MaintenancePlan): number {
  return Math.min(p.endsAt ? +p.endsAt : Infinity, p.endedAt ? +p.endedAt : Infinity);
}

/** A span cut to the plan's reach, or null when nothing of it is left. */
function clip(p: MaintenancePlan, from: number, to: number): Span | null {
  const a = Math.max(from, +p.startsAt);
  const b = Math.min(to, limitOf(p));
  return b > a ? { from: new Date(a), to: new Date(b) } : null;
}

/** The occurrence of one plan covering `at`, or null. */
function occurrenceAt(p: MaintenancePlan, at: Date): Span | null {
  if (+at < +p.startsAt || +at >= limitOf(p)) return null;
  if (!p.cronExpression) return clip(p, +p.startsAt, +p.endsAt!);
  const ms = p.durationSeconds! * 1000;
  // The earliest run after `at - duration` is the one still running at `at`, if it began by then.
  const run = nextCronRun(p.cronExpression, p.timeZone, new Date(+at - ms));
  if (!run || +run > +at) return null;
  return clip(p, +run, +run + ms);
}

/** Whether any of the plans covers the moment: a check going DOWN then opens no incident. */
export function inMaintenance(plans: readonly MaintenancePlan[], at: Date): boolean {
  return plans.some((p) => occurrenceAt(p, at) !== null);
}

/**
 * The first moment from `at` on that no plan covers, following windows that overlap or touch: when a
 * held incident starts. Null when one still covers the moment `horizon` (the sweeper's now).
 */
export function maintenanceEndsAt(plans: readonly MaintenancePlan[], at: Date, horizon: Date): Date | null {
  let t = at;
  for (let i = 0; i < MAX_OCCURRENCES; i++) {
    const ends = plans.map((p) => occurrenceAt(p, t)).filter((s): s is Span => s !== null);
    if (ends.length === 0) return t;
    t = new Date(Math.max(...ends.map((s) => +s.to)));
    if (+t > +horizon) return null;
  }
  return null;
}

/** One plan's occurrences that reach into [from, to), cut to it. */
function occurrences(p: MaintenancePlan, from: Date, to: Date): Span[] {
  if (!p.cronExpression) {
    const s = clip(p, Math.max(+p.startsAt, +from), Math.min(+p.endsAt!, +to));
    return s ? [s] : [];
  }
  const ms = p.durationSeconds! * 1000;
  const out: Span[] = [];
  const end = Math.min(+to, limitOf(p));
  let run = nextCronRun(p.cronExpression, p.timeZone, new Date(Math.max(+from, +p.startsAt) - ms));
  for (let i = 0; run && +run < end && i < MAX_OCCURRENCES; i++) {
    const s = clip(p, Math.max(+run, +from), Math.min(+run + ms, +to));
    if (s) out.push(s);
    run = nextCronRun(p.cronExpression, p.timeZone, run);
  }
  return out;
}

/** The stretches in [from, to) some plan covers, merged and in order: what uptime leaves out. */
export function maintenanceSpans(plans: readonly MaintenancePlan[], from: Date, to: Date): Span[] {
  const all = plans.flatMap((p) => occurrences(p, from, to)).sort((a, b) => +a.from - +b.from);
  const merged: Span[] = [];
  for (const s of all) {
    const last = merged.at(-1);
    if (last && +s.from <= +last.to) last.to = new Date(Math.max(+last.to, +s.to));
    else merged.push({ ...s });
  }
  return merged;
}

/** The occurrence running at `now`, else the next one; null when the plan has nothing more to hold. */
export function currentOrNext(p: MaintenancePlan, now: Date): Span | null {
  const running = occurrenceAt(p, now);
  if (running) return running;
  if (+now >= limitOf(p)) return null;
  if (!p.cronExpression) return clip(p, +p.startsAt, +p.endsAt!);
  const after = +now < +p.startsAt ? new Date(+p.startsAt - 1) : now;
  const run = nextCronRun(p.cronExpression, p.timeZone, after);
  return run ? clip(p, +run, +run + p.durationSeconds! * 1000) : null;
}
