import type { Db } from "../../db/client.js";
import { caseTargets } from "./case-targets.js";
import { SEVERITY_WHEN_NOT_GIVEN } from "./case-severity.js";
import { supportCalendar } from "./support-calendar.service.js";

/**
 * The answer time promised to someone without an agreement who writes from the public contact page (decision 0081):
 * the first-response target a case without agreement gets at the default severity, counted on the support calendar
 * as a case's deadline is, so the receipt promises what support is held to.
 */
export async function newcomerAnswerTime(
  db: Db,
  now: Date,
): Promise<{ dueAt: Date; openNow: boolean; nextOpening: Date }> {
  const calendar = await supportCalendar(db);
  const targets = await caseTargets(db, calendar, null, SEVERITY_WHEN_NOT_GIVEN, now);
  return {
    dueAt: targets.responseDueAt,
    openNow: calendar.isOpen(now.getTime()),
    nextOpening: new Date(calendar.nextOpening(now.getTime())),
  };
}
