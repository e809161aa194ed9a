/** How many months after the annual meeting the board check is still sent: a pass missed in April goes out in May. */
const BOARD_CHECK_MONTHS = 3;

/**
 * The year of the annual meeting whose board check is due on `today` (Swedish date, YYYY-MM-DD), or null: due from
 * the first day of the month after the meeting, for BOARD_CHECK_MONTHS months (a December meeting's check comes in
 * January, under the meeting's year). After that window the year is skipped rather than sent late — an autumn mail
 * asking whether the spring's board is right is noise; next spring's comes as usual.
 */
export function boardCheckYear(today: string, meetingMonth: number): number | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  for (let after = 1; after <= BOARD_CHECK_MONTHS; after++) {
    const m = month - after;
    const meeting = m >= 1 ? { month: m, year } : { month: m + 12, year: year - 1 };
    if (meeting.month === meetingMonth) return meeting.year;
  }
  return null;
}
