import { inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agreements, licenceRentals } from "../../db/schema/index.js";
import type { Clock } from "../../shared/clock.js";
import type { IsoDate } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import type { TierCode } from "./agreement-records.js";
import type { baseFeesOn } from "../pricing/index.js";
import { agreementListWhere, type AgreementFilter } from "./agreement-list.js";
import { effectiveEndDateSql, statusSql, VALID_STATUSES } from "./agreement-status.js";
import { yearOf } from "./agreement-year.js";
import { rentalIsActiveSql } from "./licence-rentals.js";

type BaseFees = ReturnType<typeof baseFeesOn>;

/** One part of a list: its agreements of one tier, in force or not, ending before one of the windows asked. */
interface Part {
  tier: TierCode;
  inForce: boolean;
  /** The first window (by date, an unbounded one last) that holds these agreements. */
  window: number;
  count: number;
  rentalsMonthlyMinor: string;
}

/**
 * What whole lists of agreements are worth a year: for each filter, each agreement's `yearlyValue` summed over the
 * list `agreements` gives for it, however long. The seller's dashboard showed the sum of the hundred agreements it had
 * read, which at a vendor's size is a part of the window (issue 23). The database sums the running rentals per tier
 * and whether the agreement is in force; the base fee and the twelve months are `yearOf`'s, as for one agreement, so
 * the two cannot disagree.
 *
 * Lists that differ only in `endingBefore` (the dashboard's 30, 60 and 90 days) are one statement: each agreement of
 * the widest is read once and counted into the first window it ends before, and each list adds up its own window and
 * those before it. Three statements read the nearer windows' agreements again, two thirds of the admin's dashboard
 * on the scale set.
 */
export async function yearlyValuesOfLists(
  db: Db,
  viewer: Viewer,
  filters: readonly AgreementFilter[],
  clock: Clock,
  // The base fees on `clock.today`: a request's `baseFeesToday` loader, read once for all its lists.
  baseFees: BaseFees,
): Promise<number[]> {
  const windowsOf = new Map<string, (IsoDate | null)[]>();
  const family = (f: AgreementFilter) => JSON.stringify({ ...f, endingBefore: undefined });
  for (const f of filters) {
    const windows = windowsOf.get(family(f)) ?? [];
    if (!windows.includes(f.endingBefore ?? null)) windows.push(f.endingBefore ?? null);
    windowsOf.set(family(f), windows);
  }
  const partsOf = new Map<string, Promise<Part[]>>();
  for (const [key, windows] of windowsOf) {
    // By date, the unbounded window (no endingBefore) last: it holds every agreement of the family.
    windows.sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
    const widest = windows.at(-1) ?? null;
    const sample = filters.find((f) => family(f) === key)!;
    partsOf.set(key, readParts(db, viewer, { ...sample, endingBefore: widest }, windows, clock));
  }
  const fees = await baseFees;
  return Promise.all(
    filters.map(async (f) => {
      const windows = windowsOf.get(family(f))!;
      const mine = windows.indexOf(f.endingBefore ?? null);
      const parts = (await partsOf.get(family(f))!).filter((p) => p.window <= mine);
      return parts.reduce(
        (total, p) =>
          total +
          // Whether it is in force is all yearOf asks of an agreement's status.
          yearOf({ status: p.inForce ? "ACTIVE" : "DRAFT" }, Number(p.rentalsMonthlyMinor), p.count * fees(p.tier)),
        0,
      );
    }),
  );
}

/** The widest list's agreements summed per tier, in force or not, and the first window each ends before. */
function readParts(
  db: Db,
  viewer: Viewer,
  widest: AgreementFilter,
  windows: (IsoDate | null)[],
  clock: Clock,
): Promise<Part[]> {
  const inForce = inArray(statusSql(clock), [...VALID_STATUSES]);
  const running = sql<string>`(select coalesce(sum(${licenceRentals.monthlyPriceMinor}), 0) from ${licenceRentals}
    where ${licenceRentals.agreementId} = ${agreements.id} and ${rentalIsActiveSql(clock.today)})`;
  const bounded = windows.filter((w): w is IsoDate => w !== null);
  const window = bounded.length
    ? sql<number>`(case ${sql.join(
        bounded.map((w, i) => sql`when ${effectiveEndDateSql} < ${w}::date then ${i}`),
        sql` `,
      )} else ${bounded.length} end)`
    : sql<number>`0`;
  return (
    db
      .select({
        tier: agreements.tier,
        inForce: sql<boolean>`${inForce}`,
        window: sql<number>`${window}::int`,
        count: sql<number>`count(*)::int`,
        rentalsMonthlyMinor: sql<string>`sum(${running})`,
      })
      .from(agreements)
      .where(agreementListWhere(viewer, widest, clock))
      .groupBy(agreements.tier, sql`2`, sql`3`)
      // A drizzle query runs again at every await; each list of the family awaits it.
      .then((rows) => rows)
  );
}
