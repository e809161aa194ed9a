import { and, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actionItems, actionPlans, agreements, tailorings } from "../../db/schema/index.js";
import type { Clock } from "../../shared/clock.js";
import { boundedCount } from "../../shared/bounded-count.js";
import { paginateKeyset, type KeyValue, type PageRequest } from "../../shared/connection.js";
import { keysetOrder } from "../../shared/keyset-order.js";
import { tableRows } from "../../shared/table-rows.js";
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

const ITEMS_OF_AGREEMENTS = sql`${actionItems}
  inner join ${actionPlans} on ${eq(actionPlans.id, actionItems.actionPlanId)}
  inner join ${tailorings} on ${eq(tailorings.id, actionPlans.tailoringId)}
  inner join ${agreements} on ${eq(agreements.id, tailorings.agreementId)}`;

const itemRows = tableRows(actionItems, { agreementId: agreements.id, endOn: actionPlans.endOn });

type PastRow = ActionItemRow & { agreementId: string; endOn: IsoDate | null; cursorKey: KeyValue[] };

/** The longest overdue first; within a day by agreement, then in the plan's own order. */
const LONGEST_OVERDUE_FIRST = keysetOrder<PastRow>(
  [
    { sql: actionPlans.endOn, part: "date" },
    { sql: agreements.number, part: "text" },
    { sql: actionItems.position, part: "integer" },
    { sql: actionItems.id, part: "uuid" },
  ],
  "asc",
);

/**
 * The items past their plan's end date on the valid agreements the viewer may see, the longest overdue first. The
 * dashboards used to read them through the first hundred agreements and their plans, which missed every item of an
 * agreement past the hundredth (issue 23); this is one join however many agreements there are, counted no further
 * than the other lists (decision 0094), and paged by keyset cursors, so an item done while someone reads moves no
 * other item past them.
 */
export async function listItemsPastEndDate(db: Db, viewer: Viewer, page: PageRequest, clock: Clock) {
  const where = and(
    agreementScope(viewer),
    inArray(statusSql(clock), [...VALID_STATUSES]),
    pastEndDateSql(clock.today),
  );
  return paginateKeyset(
    page,
    LONGEST_OVERDUE_FIRST.sortKey,
    () => boundedCount(db, ITEMS_OF_AGREEMENTS, where),
    async (window) => ({
      // The cursor's key comes as the driver reads a text array.
      rows: (await itemRows(db, {
        from: ITEMS_OF_AGREEMENTS,
        where: and(where, LONGEST_OVERDUE_FIRST.within(window))!,
        orderBy: sql.join(LONGEST_OVERDUE_FIRST.orderBy(window), sql`, `),
        limit: window.limit,
        also: { cursorKey: LONGEST_OVERDUE_FIRST.cursorKey },
      })) as PastRow[],
      totalCount: null,
      bounded: true,
    }),
    ({ cursorKey: _key, agreementId, endOn, ...item }): ItemPastEndDate => ({ item, agreementId, endOn: endOn! }),
  );
}
