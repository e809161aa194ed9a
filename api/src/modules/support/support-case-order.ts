import { sql } from "drizzle-orm";
import { supportCases } from "../../db/schema/index.js";
import type { KeyValue } from "../../shared/connection.js";
import { keysetOrder } from "../../shared/keyset-order.js";
import type { SupportCaseRow } from "./support-case.service.js";

/* The orders of the support case lists, as keysets (decision 0088). */

type CaseKeyRow = SupportCaseRow & { cursorKey: KeyValue[] };
/**
 * The queue: the most urgent response deadline first, cases without one (answered, or paused) last — 'infinity'
 * rather than NULLS LAST, so the key is one row comparison and one index (support_cases_queue_idx) serves it.
 */
export const MOST_URGENT_FIRST = keysetOrder<CaseKeyRow>(
  [
    { sql: sql`coalesce(${supportCases.responseDueAt}, 'infinity'::timestamptz)`, part: "timestamp" },
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
