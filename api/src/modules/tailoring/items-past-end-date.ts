import { and, asc, count, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actionItems, actionPlans, agreements, tailorings } from "../../db/schema/index.js";
import type { Clock } from "../../shared/clock.js";
import { paginate, type PageRequest } from "../../shared/connection.js";
import type { IsoDate } from "../../shared/dates.js";
import { agreementScope } from "../../shared/scope.js";
import type { Viewer } from "../../shared/viewer.js";
import { statusSql, VALID_STATUSES } from "../agreements/index.js";
import type { ActionItemRow, ActionPlanRow } from "./tailoring-records.js";

/*
 * An action item is past its plan's end date when the agreed end date has passed and the item is neither done nor
 * dropped. One rule, in two forms side by side: for one plan's items (the plan's `itemsPastEndDate`) and as a
 * condition for the list across agreements (below).
 */

const STILL_TO_DO = ["OPEN", "IN_PROGRESS"] as const;

export function pastEndDate(items: ActionItemRow[], plan: ActionPlanRow, today: IsoDate): ActionItemRow[] {
  if (!plan.endOn || today <= plan.endOn) return [];
  return items.filter((i) => (STILL_TO_DO as readonly string[]).includes(i.status));
}

function pastEndDateSql(today: IsoDate): SQL | undefined {
  return and(lt(actionPlans.endOn, today), inArray(actionItems.status, [...STILL_TO_DO]));
}

/** An item past its plan's end date, with the agreement it is for and the end date it missed. */
export interface ItemPastEndDate {
  item: ActionItemRow;
  agreementId: string;
  endOn: IsoDate;
}

/**
 * The items past their plan's end date on the valid agreements the viewer may see, the longest overdue first. The
 * dashboards used to read them through the first hundred agreements and their plans, which missed every item of an
 * agreement past the hundredth (issue 23); this is one indexed join however many agreements there are.
 */
export async function listItemsPastEndDate(db: Db, viewer: Viewer, page: PageRequest, clock: Clock) {
  const where = and(
    agreementScope(viewer),
    inArray(statusSql(clock), [...VALID_STATUSES]),
    pastEndDateSql(clock.today),
  );
  return paginate(
    page,
    async () => {
      const [row] = await db
        .select({ n: count() })
        .from(actionItems)
        .innerJoin(actionPlans, eq(actionPlans.id, actionItems.actionPlanId))
        .innerJoin(tailorings, eq(tailorings.id, actionPlans.tailoringId))
        .innerJoin(agreements, eq(agreements.id, tailorings.agreementId))
        .where(where);
      return Number(row?.n ?? 0);
    },
    (offset, limit) =>
      db
        .select({ item: actionItems, agreementId: agreements.id, endOn: actionPlans.endOn })
        .from(actionItems)
        .innerJoin(actionPlans, eq(actionPlans.id, actionItems.actionPlanId))
        .innerJoin(tailorings, eq(tailorings.id, actionPlans.tailoringId))
        .innerJoin(agreements, eq(agreements.id, tailorings.agreementId))
        .where(where)
        .orderBy(asc(actionPlans.endOn), asc(agreements.number), asc(actionItems.position))
        .offset(offset)
        .limit(limit),
    (row): ItemPastEndDate => ({ item: row.item, agreementId: row.agreementId, endOn: row.endOn! }),
  );
}
