import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agreementCounts, agreements, organisations, tiers } from "../../db/schema/index.js";
import type { Clock } from "../../shared/clock.js";
import { boundedCountSql, readCount } from "../../shared/bounded-count.js";
import { paginateKeyset, type Connection, type PageRequest, type SortKey } from "../../shared/connection.js";
import type { IsoDate } from "../../shared/dates.js";
import { agreementCountScope, agreementScope } from "../../shared/scope.js";
import type { Viewer } from "../../shared/viewer.js";
import { recordColumns, toRecord, type ListedAgreement, type TierCode } from "./agreement-records.js";
import { effectiveEndDateSql, statusSql, VALID_STATUSES, type AgreementStatus } from "./agreement-status.js";
import { changedSince } from "./changed-since.js";

/*
 * Reading agreements as lists: every list is soonest ending first, paged by keyset cursors on the stored effective
 * end and the number (decision 0076), so a page costs one index range whatever the list's length.
 */

export interface AgreementFilter {
  status?: AgreementStatus[] | null;
  tier?: TierCode | null;
  customerId?: string | null;
  partnerId?: string | null;
  sellerId?: string | null;
  endingBefore?: IsoDate | null;
  updatedSince?: Date | null;
}

/** The agreements a list holds: the viewer's, narrowed by the filter. */
export function agreementListWhere(viewer: Viewer, filter: AgreementFilter, clock: Clock) {
  return and(
    agreementScope(viewer),
    filter.status?.length ? inArray(statusSql(clock), filter.status) : undefined,
    notEndedYet(filter, clock),
    filter.tier ? eq(agreements.tier, filter.tier) : undefined,
    filter.customerId ? eq(agreements.customerId, filter.customerId) : undefined,
    filter.partnerId ? eq(agreements.partnerId, filter.partnerId) : undefined,
    filter.sellerId ? eq(agreements.sellerId, filter.sellerId) : undefined,
    filter.endingBefore ? sql`${effectiveEndDateSql} < ${filter.endingBefore}::date` : undefined,
    filter.updatedSince ? changedSince(filter.updatedSince, clock) : undefined,
  );
}

/**
 * A page of agreements with their customers and tiers, and the size of the whole list, in one
 * statement: the partners' nightly query reads every page of its agreements this way.
 */
export async function listAgreements(
  db: Db,
  viewer: Viewer,
  filter: AgreementFilter,
  page: PageRequest,
  clock: Clock,
): Promise<Connection<ListedAgreement>> {
  const where = agreementListWhere(viewer, filter, clock);
  // Uncorrelated, so PostgreSQL counts once per statement (an InitPlan). `count(*) over ()` would
  // make it compute every column of all the caller's agreements before the top-N sort; this way only
  // the page's rows are completed.
  const kept = keptCount(viewer, filter);
  const countSql = kept ?? boundedCountSql(agreements, where);
  return paginateKeyset(
    page,
    BY_END,
    () => readCount(db, countSql),
    async ({ after, before, backwards, limit, counting }) => {
      const key = sql`(${agreements.effectiveEnd}, ${agreements.number})`;
      const rows = await db
        .select({
          ...recordColumns,
          customer: organisations,
          tier: tiers,
          // Only when the query asks for it: at a vendor's size it is most of the page's cost (decision 0088).
          totalCount: counting ? countSql.mapWith(Number) : sql<null>`null`,
        })
        .from(agreements)
        .innerJoin(organisations, eq(organisations.id, agreements.customerId))
        .innerJoin(tiers, eq(tiers.code, agreements.tier))
        .where(
          and(
            where,
            after ? sql`${key} > (${after[0]}::date, ${after[1]})` : undefined,
            before ? sql`${key} < (${before[0]}::date, ${before[1]})` : undefined,
          ),
        )
        .orderBy(
          ...(backwards
            ? [desc(agreements.effectiveEnd), desc(agreements.number)]
            : [asc(agreements.effectiveEnd), asc(agreements.number)]),
        )
        .limit(limit);
      return {
        rows: rows.map((r): ListedAgreement => ({ ...toRecord(r, clock), customerRow: r.customer, tierRow: r.tier })),
        totalCount: rows[0]?.totalCount ?? null,
        bounded: !kept,
      };
    },
    (r) => r,
  );
}

/**
 * A valid agreement has not ended: its stored end is today or later. The status says so already; said again as a
 * bound on the end, "valid, ending before day 91" (the seller's dashboard) is one range of the scope's
 * `agreements_*_end_idx` from today, where it ran from the scope's oldest agreement and read every one that had
 * ended, to filter it out (half a seller's book at a vendor's size).
 */
function notEndedYet(filter: AgreementFilter, clock: Clock) {
  if (!filter.status?.length || !filter.status.every((s) => VALID_STATUSES.includes(s))) return undefined;
  return sql`${agreements.effectiveEnd} >= ${clock.today}::date`;
}

/** Agreements soonest ending first, then by number (unique): the order of every agreement list. */
const BY_END: SortKey<ListedAgreement> = {
  parts: ["date", "text"],
  of: (a) => [a.effectiveEnd, a.number],
};

/**
 * The list's size as the trigger on `agreements` keeps it (decision 0088), when one row of `agreement_counts` holds
 * it: no filter but the kept dimensions (partner, customer, seller), and those together with the viewer's scope
 * naming one row — staff filtering by one partner read that partner's row. Null when no row holds the list's size.
 */
function keptCount(viewer: Viewer, f: AgreementFilter) {
  if (f.status?.length || f.tier || f.endingBefore || f.updatedSince) return null;
  const own = agreementCountScope(viewer);
  const rows = new Set<string>(own.scope === "ALL" ? [] : [`${own.scope}:${own.id}`]);
  if (f.partnerId) rows.add(`PARTNER:${f.partnerId}`);
  if (f.customerId) rows.add(`CUSTOMER:${f.customerId}`);
  if (f.sellerId) rows.add(`SELLER:${f.sellerId}`);
  if (rows.size > 1) return null;
  const [scope, id] = rows.size === 0 ? [own.scope, own.id] : [...rows][0]!.split(":");
  return sql<number>`(select coalesce(sum(${agreementCounts.n}), 0) from ${agreementCounts}
    where ${agreementCounts.scope} = ${scope} and ${agreementCounts.scopeId} = ${id})`;
}
