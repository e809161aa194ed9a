import type { DbOrTx } from "../../db/client.js";
import type { CaseSeverity } from "./case-severity.js";
import { responseTarget } from "./covering-agreement.js";
import { nearDeadlineAt } from "./near-deadline.js";
import { MS_PER_HOUR, type SupportCalendar } from "./support-calendar.js";

/**
 * The promise a new case carries, as columns: its severity, the priority and both targets of its row in the targets
 * table, the two deadlines counted in open hours from the opening, and when the first comes near. Every way a case
 * is opened (a person, Trygg's monitoring) stores the same columns from here.
 */
export async function caseTargets(
  db: DbOrTx,
  calendar: SupportCalendar,
  tier: "PLUS_500" | "BRF" | null,
  severity: CaseSeverity,
  now: Date,
) {
  const target = await responseTarget(db, tier, severity);
  const dueIn = (hours: number) => new Date(calendar.deadline(now.getTime(), Math.round(hours * MS_PER_HOUR)));
  const responseDueAt = dueIn(target.openHours);
  const facts = { openedAt: now.getTime(), targetMs: Math.round(target.openHours * MS_PER_HOUR), pauses: [] };
  return {
    severity,
    priority: target.priority,
    responseTargetHours: target.openHours,
    resolutionTargetHours: target.resolutionOpenHours,
    responseDueAt,
    responseNearAt: new Date(nearDeadlineAt(calendar, facts, responseDueAt.getTime())!),
    resolutionDueAt: dueIn(target.resolutionOpenHours),
  };
}
