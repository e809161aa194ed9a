import { inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agreements, licenceRentals } from "../../db/schema/index.js";
import type { Clock } from "../../shared/clock.js";
import type { Viewer } from "../../shared/viewer.js";
import type { baseFeesOn } from "../pricing/index.js";
import { agreementListWhere, type AgreementFilter } from "./agreement-list.js";
import { statusSql, VALID_STATUSES } from "./agreement-status.js";
import { yearOf } from "./agreement-year.js";
import { rentalIsActiveSql } from "./licence-rentals.js";

type BaseFees = ReturnType<typeof baseFeesOn>;

/**
 * What a whole list of agreements is worth a year: each one's `yearlyValue` summed, however long the list. The seller's
 * dashboard showed the sum of the hundred agreements it had read, which at a vendor's size is a part of the window
 * (issue 23). The database sums the running rentals per tier and whether the agreement is in force; the base fee and
 * the twelve months are `yearOf`'s, as for one agreement, so the two cannot disagree.
 */
export async function yearlyValueOfAgreements(
  db: Db,
  viewer: Viewer,
  filter: AgreementFilter,
  clock: Clock,
  // The base fees on `clock.today`: a request's `baseFeesToday` loader, read once for all its lists.
  baseFees: BaseFees,
) {
  const inForce = inArray(statusSql(clock), [...VALID_STATUSES]);
  const running = sql<string>`(select coalesce(sum(${licenceRentals.monthlyPriceMinor}), 0) from ${licenceRentals}
    where ${licenceRentals.agreementId} = ${agreements.id} and ${rentalIsActiveSql(clock.today)})`;
  const [groups, fees] = await Promise.all([
    db
      .select({
        tier: agreements.tier,
        inForce: sql<boolean>`${inForce}`,
        count: sql<number>`count(*)::int`,
        rentalsMonthlyMinor: sql<string>`sum(${running})`,
      })
      .from(agreements)
      .where(agreementListWhere(viewer, filter, clock))
      .groupBy(agreements.tier, sql`2`),
    baseFees,
  ]);
  return groups.reduce(
    (total, g) =>
      total +
      yearOf(
        // Whether it is in force is all yearOf asks of an agreement's status.
        { status: g.inForce ? "ACTIVE" : "DRAFT" },
        Number(g.rentalsMonthlyMinor),
        g.count * fees(g.tier),
      ),
    0,
  );
}
