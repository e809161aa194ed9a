import { NEAR_DEADLINE_SHARE, responseDueAt, type ClockFacts } from "./response-clock.js";
import type { SupportCalendar } from "./support-calendar.js";

/**
 * From when a running, unanswered case counts as near its response deadline, as `clockOfCase` reads it (decision
 * 0105), so the queue's filter is a comparison of stored instants instead of a clock computed per case:
 *
 * - with a stored deadline, a case is near while the open time left to it is at most the last quarter of the target:
 *   from the first instant with that much open time left until the deadline. Counted back from the deadline, not on
 *   from the opening, as the clock counts (a contact-page case runs from before it was opened);
 * - without one (a pause with time left), the clock stands at what it had used when the pause began: near from the
 *   instant it passed 75 % of the target, if it did before the pause, else not near (null) until the pause ends and
 *   the deadlines are kept again.
 *
 * Rounded up to the millisecond: an instant compared with it is a whole millisecond, and is near only once the exact
 * instant has come.
 */
export function nearDeadlineAt(calendar: SupportCalendar, facts: ClockFacts, dueAt: number | null): number | null {
  if (dueAt === null) {
    const passed = responseDueAt(calendar, { ...facts, targetMs: NEAR_DEADLINE_SHARE * facts.targetMs });
    return passed === null ? null : Math.ceil(passed);
  }
  const nearSpanMs = (1 - NEAR_DEADLINE_SHARE) * facts.targetMs;
  return Math.ceil(calendar.deadline(facts.openedAt, calendar.openMsBetween(facts.openedAt, dueAt) - nearSpanMs));
}
