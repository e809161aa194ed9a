import type { Db, Tx } from "../../db/client.js";
import type { Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import type { Viewer } from "../../shared/viewer.js";
import { supportCalendarIn } from "./support-calendar.service.js";
import { recomputeDeadlines } from "./case-deadlines.js";

/**
 * A change to the calendar's exceptions, in one transaction with everything that depends on it:
 * the response deadlines of open cases are counted in open hours, so they move with the calendar
 * (computed with the calendar as this transaction sees it).
 */
export async function changeCalendarException<T>(
  db: Db,
  viewer: Viewer,
  change: (tx: Tx, viewer: Viewer) => Promise<Result<T>>,
): Promise<Result<T>> {
  return mutate(db, async (tx) => {
    const result = await change(tx, viewer);
    if ("ok" in result) await recomputeDeadlines(tx, await supportCalendarIn(tx));
    return result;
  });
}
