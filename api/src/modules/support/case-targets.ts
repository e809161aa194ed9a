import type { DbOrTx } from "../../db/client.js";
import type { CaseSeverity } from "./case-severity.js";
import { responseTarget } from "./covering-agreement.js";
import { MS_PER_HOUR, type SupportCalendar } from "./support-calendar.js";

/**
 * The promise a new case carries, as columns: its severity, the priority and both targets of its row in the targets
 * table, and the two deadlines counted in open hours from the opening. Every way a case is opened (a person, Trygg's
 * monitoring) stores the same columns from here.
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
  return {
    severity,
    priority: target.priority,
    responseTargetHours: target.openHours,
    resolutionTargetHours: target.resolutionOpenHours,
    responseDueAt: dueIn(target.openHours),
    resolutionDueAt: dueIn(target.resolutionOpenHours),
  };
}
