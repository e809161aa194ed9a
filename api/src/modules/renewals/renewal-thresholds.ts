/** "Avtalstiden … måste förnyas för varje ny avtalsperiod": reminders this many days before the end, by default. */
export const DEFAULT_RENEWAL_REMINDER_DAYS = [90, 60, 30] as const;

/**
 * The one reminder due for an agreement that many days before its end: the nearest threshold not yet
 * passed, so a job back from downtime sends the 30-day reminder when 25 days remain, never the 90-day
 * one it missed as well. Null once the agreement has ended or while the end is further than every threshold.
 */
export function dueThreshold(daysLeft: number, thresholds: readonly number[]): number | null {
  if (daysLeft < 0) return null;
  const reached = thresholds.filter((t) => daysLeft <= t);
  return reached.length ? Math.min(...reached) : null;
}

/**
 * Which reminder to send now, given the nearest one already sent for this end (null: none): the due one, unless a
 * reminder at least as near went out already (each threshold once, and never a further one after a nearer one).
 */
export function reminderToSend(daysLeft: number, thresholds: readonly number[], nearestSent: number | null) {
  const due = dueThreshold(daysLeft, thresholds);
  if (due === null) return null;
  return nearestSent !== null && nearestSent <= due ? null : due;
}

/** The Monday of the week a day falls in: the weekly digest goes out once per seller and such week. */
export function weekOf(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
