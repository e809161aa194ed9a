import type { DbOrTx } from "../../db/client.js";
import { ok, type Result } from "../../shared/errors.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { calendarWithException, checkException, type CalendarExceptionInput } from "./support-calendar.service.js";
import { deadlineMoves, type DeadlineMove } from "./case-deadlines.js";
import { CALENDAR_KEEPERS } from "./support.roles.js";

/**
 * The open cases whose deadlines a proposed closed day or change of hours would move, computed by the same rule that
 * moves them when it is saved, over the calendar with the exception in it; nothing is written. The issue: "adding one
 * shows which open cases' deadlines move, before saving".
 */
export async function previewCalendarException(
  db: DbOrTx,
  viewer: Viewer,
  input: CalendarExceptionInput,
): Promise<Result<DeadlineMove[]>> {
  requireRole(viewer, CALENDAR_KEEPERS);
  const checked = checkException(input);
  if ("errors" in checked) return checked;
  return ok(await deadlineMoves(db, await calendarWithException(db, checked.ok)));
}
