/**
 * The yearly value of the agreements ending within a window, from the ones the dashboard read (at most 100, soonest
 * ending first). When the window holds more than were read, the sum is of those read only: `partial` says so, and
 * the tile reads "at least", rather than a figure that looks whole and is not (issue 23: a vendor's admin has
 * hundreds ending within 90 days).
 */
export function yearlyValueWithin(
  read: readonly { daysLeft?: number | null; yearlyValue: { amountMinor: number } }[],
  days: number,
  inWindow: number,
): { amountMinor: number; partial: boolean } {
  const within = read.filter((a) => (a.daysLeft ?? Infinity) <= days);
  return {
    amountMinor: within.reduce((sum, a) => sum + a.yearlyValue.amountMinor, 0),
    partial: inWindow > within.length,
  };
}
