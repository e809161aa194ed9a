import type { SupportCalendar } from "./support-calendar.js";

/**
 * The first-response clock of a case, in open hours: it runs from the opening, stands still while
 * the case waits on the customer (the stored pause intervals), and stops at the first answer. Both
 * the deadline and the time used are derived from these facts every time, never kept as counters.
 */
export interface ClockFacts {
  openedAt: number;
  targetMs: number;
  /** Sorted by start; an interval without end is a pause still running. */
  pauses: readonly { startedAt: number; endedAt: number | null }[];
}

/** Stretches of wall-clock time when the clock runs, up to `until`. */
function runningStretches(f: ClockFacts, until: number): [number, number][] {
  const stretches: [number, number][] = [];
  let cursor = f.openedAt;
  for (const p of f.pauses) {
    if (p.startedAt >= until) break;
    if (p.startedAt > cursor) stretches.push([cursor, p.startedAt]);
    if (p.endedAt === null) return stretches;
    cursor = Math.max(cursor, p.endedAt);
  }
  if (until > cursor) stretches.push([cursor, until]);
  return stretches;
}

/** Open time the clock has run by `until`, in ms. */
function openMsUsed(calendar: SupportCalendar, f: ClockFacts, until: number): number {
  let used = 0;
  for (const [a, b] of runningStretches(f, until)) used += calendar.openMsBetween(a, b);
  return used;
}

/**
 * When the target runs out, pauses included; null while a pause is running and the target is not
 * yet used up (the deadline is unknown until the customer answers).
 */
export function responseDueAt(calendar: SupportCalendar, f: ClockFacts): number | null {
  let left = f.targetMs;
  let cursor = f.openedAt;
  for (const p of f.pauses) {
    const before = p.startedAt > cursor ? calendar.openMsBetween(cursor, p.startedAt) : 0;
    if (before >= left) return calendar.deadline(cursor, left);
    left -= before;
    if (p.endedAt === null) return null;
    cursor = Math.max(cursor, p.endedAt);
  }
  return calendar.deadline(cursor, left);
}

/** Share of the target after which a case is flagged as near its deadline. */
export const NEAR_DEADLINE_SHARE = 0.75;

export interface ClockReading {
  usedMs: number;
  /** Negative when overdue; null once the clock has stopped (answered, resolved or closed). */
  leftMs: number | null;
  nearDeadline: boolean;
  overdue: boolean;
}

/**
 * Where the clock stands at `now`: time used in open hours, time left, and the queue's flags —
 * near the deadline from 75 % of the target used, overdue once it is all used and still unanswered.
 */
export function readClock(
  calendar: SupportCalendar,
  f: ClockFacts,
  state: { running: boolean; stoppedAt: number | null },
  now: number,
): ClockReading {
  const until = state.stoppedAt !== null ? Math.min(state.stoppedAt, now) : now;
  const usedMs = openMsUsed(calendar, f, until);
  if (!state.running) return { usedMs, leftMs: null, nearDeadline: false, overdue: false };
  const leftMs = f.targetMs - usedMs;
  return {
    usedMs,
    leftMs,
    overdue: leftMs <= 0,
    nearDeadline: leftMs > 0 && usedMs >= NEAR_DEADLINE_SHARE * f.targetMs,
  };
}
