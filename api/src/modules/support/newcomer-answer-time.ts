import type { Db } from "../../db/client.js";
import { caseTargets } from "./case-targets.js";
import { SEVERITY_WHEN_NOT_GIVEN, type CaseSeverity } from "./case-severity.js";
import { supportCalendar } from "./support-calendar.service.js";

/**
 * The answer time promised to someone without an agreement who writes from the public contact page (decision 0081):
 * the first-response target a case without agreement gets at the given severity, counted on the support calendar
 * from the moment the request came, as a case's deadline is. A help request's case is opened from that same moment
 * at that same severity (contact-request-case.ts), so the receipt promises exactly what support is held to
 * (decision 0092).
 */
export async function newcomerAnswerTime(
  db: Db,
  now: Date,
  severity: CaseSeverity = SEVERITY_WHEN_NOT_GIVEN,
): Promise<{ dueAt: Date; openNow: boolean; nextOpening: Date }> {
  const calendar = await supportCalendar(db);
  const targets = await caseTargets(db, calendar, null, severity, now);
  return {
    dueAt: targets.responseDueAt,
    openNow: calendar.isOpen(now.getTime()),
    nextOpening: new Date(calendar.nextOpening(now.getTime())),
  };
}
