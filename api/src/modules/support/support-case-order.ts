import { and, asc, desc, getTableColumns, sql, type SQL } from "drizzle-orm";
import { supportCases } from "../../db/schema/index.js";
import type { KeysetWindow, KeyValue } from "../../shared/connection.js";
import { keysetOrder } from "../../shared/keyset-order.js";
import type { DbOrTx } from "../../db/client.js";
import type { SupportCaseRow } from "./support-case.service.js";

/* The orders of the support case lists, as keysets (decision 0088). */

type CaseKeyRow = SupportCaseRow & { cursorKey: KeyValue[] };
const queueDue = sql<Date>`coalesce(${supportCases.responseDueAt}, 'infinity'::timestamptz)`;
/**
 * The queue: the most urgent response deadline first, cases without one (answered, or paused) last — 'infinity'
 * rather than NULLS LAST, so the key is one row comparison and one index (support_cases_queue_idx) serves it.
 */
export const MOST_URGENT_FIRST = keysetOrder<CaseKeyRow>(
  [
    { sql: queueDue, part: "timestamp" },
    { sql: supportCases.openedAt, part: "timestamp" },
    { sql: supportCases.number, part: "text" },
  ],
  "asc",
);
/** A customer's own cases, newest first (support_cases_customer_opened_idx). */
export const NEWEST_FIRST = keysetOrder<CaseKeyRow>(
  [
    { sql: supportCases.openedAt, part: "timestamp" },
    { sql: supportCases.number, part: "text" },
  ],
  "desc",
);

/**
 * A page of the queue: the cases `filtered` keeps, within a deadline view when `ranges` are given — the view as the
 * union of disjoint conditions, each one index range in the queue's order. Each range gives its first rows of the
 * window in that order, and PostgreSQL merges them (a Merge Append) and stops at the page's end, where the
 * conditions ORed together would be read whole and sorted for one page. A range carries its own conditions and not
 * the view's OR of them all: a condition stated twice has its selectivity counted twice, and the planner, expecting
 * a twentieth of the rows, picks the wrong index (decision 0105, amended). No ranges: the view is empty.
 */
export function queuePage(
  db: DbOrTx,
  filtered: SQL | undefined,
  ranges: readonly SQL[] | undefined,
  window: KeysetWindow,
) {
  const order = MOST_URGENT_FIRST;
  const range = (r: SQL | undefined) =>
    db
      .select({ ...getTableColumns(supportCases), cursorKey: order.cursorKey, queueDue: queueDue.as("queue_due") })
      .from(supportCases)
      .where(and(filtered, r, order.within(window)))
      .orderBy(...order.orderBy(window))
      .limit(window.limit);
  if (!ranges) return range(undefined);
  if (ranges.length < 2) return range(ranges[0] ?? sql`false`);
  // A union is ordered by its own columns: the key's first part is selected under a name for it.
  const by = ascending(window) ? asc : desc;
  const [first, ...rest] = ranges;
  let union = range(first).$dynamic();
  for (const r of rest) union = union.unionAll(range(r)) as unknown as typeof union;
  return union
    .orderBy(by(sql.identifier("queue_due")), by(sql.identifier("opened_at")), by(sql.identifier("number")))
    .limit(window.limit);
}

const ascending = (window: KeysetWindow) => !window.backwards;
