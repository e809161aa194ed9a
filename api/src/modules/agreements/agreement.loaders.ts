import DataLoader from "dataloader";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  addOns,
  agreementPeriods,
  agreementProperties,
  agreements,
  hanteraAccounts,
  licenceRentals,
  properties,
  tiers,
} from "../../db/schema/index.js";
import { isAnyUuid } from "../../shared/any-uuid.js";
import { firstBy, groupBy } from "../../shared/group-by.js";
import { tableRows } from "../../shared/table-rows.js";
import type { Clock } from "../../shared/clock.js";
import { agreementScope } from "../../shared/scope.js";
import type { Viewer } from "../../shared/viewer.js";
import { baseFeesOn } from "../pricing/index.js";
import type { AgreementFilter } from "./agreement-list.js";
import { selectAgreements, type AgreementRecord } from "./agreement-records.js";
import { yearlyValuesOfLists } from "./yearly-value-of-list.js";

const rentalRows = tableRows(licenceRentals);
const coveredPropertyRows = tableRows(properties, { agreementId: agreementProperties.agreementId });

/** Rows of many agreements in one query, handed back per agreement. */
function byAgreement<Row extends { agreementId: string }>(load: (ids: string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row[]>(async (ids) => groupBy(ids, await load([...ids]), (row) => row.agreementId));
}

/**
 * Per-request loaders for the parts of agreements, so a list of agreements with their quotas,
 * rentals and periods costs a fixed number of queries, not a few per agreement.
 */
export function createAgreementLoaders(db: Db, request: { viewer: Viewer | null; clock: Clock } | null = null) {
  let allTiers: Promise<(typeof tiers.$inferSelect)[]> | undefined;
  let feesToday: ReturnType<typeof baseFeesOn> | undefined;
  /** Every tier's base fee on the request's day, read once for a whole list of agreements. */
  const baseFeesToday = () => {
    if (!request) throw new Error("The base fees of today are read in a request, on its clock.");
    return (feesToday ??= baseFeesOn(db, request.clock.today));
  };
  return {
    baseFeesToday,
    /**
     * What each list asked for is worth a year (`agreementsYearlyValue`); lists that differ only in `endingBefore`,
     * as the dashboard's three windows, are summed in one statement (yearly-value-of-list.ts).
     */
    yearlyValue: new DataLoader<AgreementFilter, number, string>(
      (filters) => {
        if (!request?.viewer) throw new Error("A list's yearly value is read in a request, for its viewer.");
        return yearlyValuesOfLists(db, request.viewer, filters, request.clock, baseFeesToday());
      },
      // The query's fields reach their resolvers a few promise jobs apart (each passes the authorisation check on its
      // own), so the batch waits for the event loop's turn rather than the current job's end.
      { cacheKeyFn: (filter) => JSON.stringify(filter), batchScheduleFn: (send) => setImmediate(send) },
    ),
    /** Agreements by id inside the viewer's tenant scope: null for one the viewer may not see. */
    agreement: new DataLoader<string, AgreementRecord | null>(async (ids) => {
      if (!request?.viewer) return ids.map(() => null);
      const rows = await selectAgreements(
        db,
        and(agreementScope(request.viewer), isAnyUuid(agreements.id, ids)),
        request.clock,
      );
      return firstBy(ids, rows, (r) => r.id);
    }),
    // A drizzle query re-runs at every await; `.then` turns it into a promise that runs once.
    tiers: () =>
      (allTiers ??= db
        .select()
        .from(tiers)
        .orderBy(asc(tiers.sortOrder))
        .then((rows) => rows)),
    periods: byAgreement((ids) =>
      db
        .select()
        .from(agreementPeriods)
        .where(isAnyUuid(agreementPeriods.agreementId, ids))
        .orderBy(asc(agreementPeriods.sequence)),
    ),
    propertyIds: byAgreement((ids) =>
      db.select().from(agreementProperties).where(isAnyUuid(agreementProperties.agreementId, ids)),
    ),
    // The covered properties themselves, in the same statement as the links.
    properties: byAgreement((ids) =>
      coveredPropertyRows(db, {
        from: sql`${agreementProperties} inner join ${properties} on ${eq(properties.id, agreementProperties.propertyId)}`,
        where: isAnyUuid(agreementProperties.agreementId, ids),
      }),
    ),
    hanteraAccounts: byAgreement((ids) =>
      db
        .select()
        .from(hanteraAccounts)
        .where(isAnyUuid(hanteraAccounts.agreementId, ids))
        .orderBy(asc(hanteraAccounts.createdAt), asc(hanteraAccounts.id)),
    ),
    // The partner query reads ~20 rentals per agreement: a thousand rows a page.
    licenceRentals: byAgreement((ids) => rentalRows(db, { where: isAnyUuid(licenceRentals.agreementId, ids) })),
    addOns: byAgreement((ids) => db.select().from(addOns).where(isAnyUuid(addOns.agreementId, ids))),
  };
}

export type AgreementLoaders = ReturnType<typeof createAgreementLoaders>;
