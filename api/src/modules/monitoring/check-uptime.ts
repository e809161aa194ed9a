import { TZDate } from "@date-fns/tz";
import { TIME_ZONE, addDaysIso, type IsoDate } from "../../shared/dates.js";
import type { CheckState } from "./check-state.js";

/** A stretch of time in one state. */
export interface StateSpan {
  state: CheckState;
  from: Date;
  to: Date;
}

/** A stretch that counts neither for nor against uptime: a maintenance window. */
export interface ExcludedSpan {
  from: Date;
  to: Date;
}

export interface FlipMoment {
  toState: CheckState;
  happenedAt: Date;
}

export interface UptimeMonth {
  /** YYYY-MM, a Swedish calendar month. */
  month: string;
  upSeconds: number;
  downSeconds: number;
  /** Judged seconds inside maintenance windows: counted neither up nor down, shown apart. */
  maintenanceSeconds: number;
  /** Up time over up plus down time; null when the check was not judged at all that month. */
  uptime: number | null;
}

export type DayStatus = "UP" | "DOWN" | "NO_DATA" | "PAUSED";

export interface UptimeDay {
  date: IsoDate;
  status: DayStatus;
  downSeconds: number;
  maintenanceSeconds: number;
}

/** Midnight that starts a Swedish calendar day: 23 or 25 hours apart on the nights the clocks change. */
export function swedishMidnight(date: IsoDate): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(+new TZDate(y, m - 1, d, 0, 0, 0, 0, TIME_ZONE));
}

/**
 * The states a check was in between `from` and `to`, from the state it had at `from` and its flips
 * (any order; those outside the window are ignored).
 */
export function stateSpans(stateBefore: CheckState, flips: readonly FlipMoment[], from: Date, to: Date): StateSpan[] {
  const inside = flips
    .filter((f) => +f.happenedAt > +from && +f.happenedAt < +to)
    .sort((a, b) => +a.happenedAt - +b.happenedAt);
  const spans: StateSpan[] = [];
  let state = stateBefore;
  let start = from;
  for (const f of inside) {
    spans.push({ state, from: start, to: f.happenedAt });
    state = f.toState;
    start = f.happenedAt;
  }
  if (+to > +start) spans.push({ state, from: start, to });
  return spans.filter((s) => +s.to > +s.from);
}

/** LATE is still up: a signal is overdue but nothing has failed as often as the threshold says. */
const counts = (s: CheckState): "UP" | "DOWN" | null =>
  s === "UP" || s === "LATE" ? "UP" : s === "DOWN" ? "DOWN" : null;

/** Excluded stretches in order with overlaps merged, so time in two windows at once counts once. */
function merged(excluded: readonly ExcludedSpan[]): ExcludedSpan[] {
  const out: ExcludedSpan[] = [];
  for (const e of [...excluded].sort((a, b) => +a.from - +b.from)) {
    const last = out.at(-1);
    if (last && +e.from <= +last.to) last.to = new Date(Math.max(+last.to, +e.to));
    else out.push({ ...e });
  }
  return out;
}

/**
 * Milliseconds of each kind in [from, to), with excluded stretches taken out of both and counted
 * apart (MAINTENANCE: judged time inside a window, up or down).
 */
function measure(spans: readonly StateSpan[], excludedSpans: readonly ExcludedSpan[], from: Date, to: Date) {
  const ms = { UP: 0, DOWN: 0, PAUSED: 0, MAINTENANCE: 0 };
  const excluded = merged(excludedSpans);
  for (const s of spans) {
    const a = Math.max(+s.from, +from);
    const b = Math.min(+s.to, +to);
    if (b <= a) continue;
    const kind = s.state === "PAUSED" ? "PAUSED" : counts(s.state);
    if (!kind) continue;
    let inside = 0;
    for (const e of excluded) inside += Math.max(0, Math.min(b, +e.to) - Math.max(a, +e.from));
    ms[kind] += b - a - inside;
    if (kind !== "PAUSED") ms.MAINTENANCE += inside;
  }
  return ms;
}

/** The Swedish months, oldest first, that end with the month holding `now`. */
function monthsUpTo(now: Date, count: number): string[] {
  const here = new TZDate(now, TIME_ZONE);
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(here.getFullYear(), here.getMonth() - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return months;
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/**
 * Uptime per Swedish calendar month, the last `count` months up to `now` (the current one only so
 * far). UP and LATE count as up, DOWN as down; NEW and PAUSED are outside the base, as are the
 * excluded stretches, so an installation nobody watched is not "100 % up".
 */
export function uptimeByMonth(
  spans: readonly StateSpan[],
  now: Date,
  count: number,
  excluded: readonly ExcludedSpan[] = [],
): UptimeMonth[] {
  return monthsUpTo(now, count).map((month) => {
    const from = swedishMidnight(`${month}-01`);
    const end = swedishMidnight(`${nextMonth(month)}-01`);
    const to = +end > +now ? now : end;
    const ms = measure(spans, excluded, from, to);
    const upSeconds = Math.round(ms.UP / 1000);
    const downSeconds = Math.round(ms.DOWN / 1000);
    const base = upSeconds + downSeconds;
    const maintenanceSeconds = Math.round(ms.MAINTENANCE / 1000);
    return { month, upSeconds, downSeconds, maintenanceSeconds, uptime: base ? upSeconds / base : null };
  });
}

/**
 * One mark per Swedish calendar day, the last `count` days up to today: DOWN if the check was down
 * at any moment, else UP if it was judged at all, else PAUSED if it was paused, else NO_DATA.
 */
export function dailyStatus(
  spans: readonly StateSpan[],
  today: IsoDate,
  now: Date,
  count: number,
  excluded: readonly ExcludedSpan[] = [],
): UptimeDay[] {
  const days: UptimeDay[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const date = addDaysIso(today, -i);
    const from = swedishMidnight(date);
    const end = swedishMidnight(addDaysIso(date, 1));
    const ms = measure(spans, excluded, from, +end > +now ? now : end);
    // A day judged only inside maintenance is up: nothing unplanned happened.
    const judged = ms.UP > 0 || ms.MAINTENANCE > 0;
    const status: DayStatus = ms.DOWN > 0 ? "DOWN" : judged ? "UP" : ms.PAUSED > 0 ? "PAUSED" : "NO_DATA";
    days.push({
      date,
      status,
      downSeconds: Math.round(ms.DOWN / 1000),
      maintenanceSeconds: Math.round(ms.MAINTENANCE / 1000),
    });
  }
  return days;
}
