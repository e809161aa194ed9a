import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { clockAt } from "../../shared/clock.js";
import { addDaysIso, todayInSweden } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { and, gt, lte, sql } from "drizzle-orm";
import { licenceRentals } from "../../db/schema/index.js";
import { rowsOf } from "../../shared/table-rows.js";
import { countingDatabase, graphqlAs, okOf, viewerAs } from "../../test-support.js";
import { endLicenceRental } from "./licence-rentals.js";
import { baseFeesOn } from "../pricing/index.js";
import { listAgreements, type AgreementFilter } from "./agreement-list.js";
import { createAgreementLoaders } from "./agreement.loaders.js";
import { yearlyValuesOfLists } from "./yearly-value-of-list.js";
import { yearlyValueMinor } from "./yearly-value.js";

let database: Database;
let admin: Viewer;
let run: Awaited<ReturnType<typeof countingDatabase>>["run"];

beforeAll(async () => {
  ({ database, admin, run } = await countingDatabase());
});
afterAll(() => database.close());

/** The lists' sums as the API gives them, asked together on `day`. */
const valuesOf = (viewer: Viewer, filters: AgreementFilter[], day: string) =>
  yearlyValuesOfLists(database.db, viewer, filters, clockAt(day), baseFeesOn(database.db, day));
const valueOf = async (viewer: Viewer, filter: AgreementFilter, day: string) =>
  (await valuesOf(viewer, [filter], day))[0]!;

/** The sum as the dashboard made it: every agreement of the list, page by page, each one's own yearly value. */
async function summedOneByOne(viewer: Viewer, filter: AgreementFilter, today: string) {
  const clock = clockAt(today);
  const loaders = createAgreementLoaders(database.db);
  const fees = await baseFeesOn(database.db, today);
  let sum = 0;
  let after: string | null = null;
  for (;;) {
    const page = await listAgreements(database.db, viewer, filter, { first: 100, after }, clock);
    for (const { node } of page.edges)
      sum += yearlyValueMinor(node, await loaders.licenceRentals.load(node.id), fees(node.tier), today);
    if (!page.pageInfo.hasNextPage) return sum;
    after = page.pageInfo.endCursor;
  }
}

describe("the yearly value of a whole list of agreements (issue 23)", () => {
  it("is the sum of each one's yearly value, on the days rentals start, end and are ended early", async () => {
    const today = todayInSweden();
    const [running] = await database.db
      .select()
      .from(licenceRentals)
      .where(and(lte(licenceRentals.startsOn, today), gt(licenceRentals.endsOn, addDaysIso(today, 20))))
      .limit(1);
    okOf(
      await endLicenceRental(
        database.db,
        admin,
        { licenceRentalId: running!.id, endsOn: addDaysIso(today, 10) },
        clockAt(today),
      ),
    );
    // Each rental counts from its first day to its last (or the day it was ended), both included: the days on either
    // side of those edges, for a few rentals and the one ended early.
    const edges = await database.db.execute(sql`select distinct d::text as day from (
        select starts_on as d from licence_rentals union select ends_on from licence_rentals
        union select ended_on from licence_rentals where ended_on is not null) edges order by 1`);
    const days = new Set([addDaysIso(today, 10), addDaysIso(today, 11), addDaysIso(today, -400)]);
    for (const { day } of rowsOf(edges).filter((_, i, all) => i % Math.ceil(all.length / 6) === 0))
      for (const d of [day as string, addDaysIso(day as string, 1)]) days.add(d);
    // Asked together, as the dashboard asks its windows: each list's own sum, whatever the others ask.
    for (const day of days) {
      const filters = [
        {},
        { status: ["ACTIVE", "EXPIRING"], endingBefore: addDaysIso(day, 91) },
        { status: ["ACTIVE", "EXPIRING"], endingBefore: addDaysIso(day, 30) },
        { status: ["ACTIVE", "EXPIRING"] },
        { status: ["ACTIVE", "EXPIRING"], endingBefore: addDaysIso(day, 61) },
      ] as AgreementFilter[];
      const together = await valuesOf(admin, filters, day);
      for (const [i, filter] of filters.entries())
        expect(together[i], `${day} ${JSON.stringify(filter)}`).toBe(await summedOneByOne(admin, filter, day));
    }
    expect(await valueOf(admin, {}, today)).toBeGreaterThan(0);
  });

  it("sums the dashboard's three windows in one statement, as one window costs", async () => {
    const window = (days: number) =>
      `agreementsYearlyValue(filter: { status: [ACTIVE, EXPIRING], endingBefore: "${addDaysIso(todayInSweden(), days)}" })
        { amountMinor }`;
    const one = await run<Record<string, { amountMinor: number }>>(`{ in90: ${window(90)} }`);
    const three = await run<Record<string, { amountMinor: number }>>(
      `{ in30: ${window(30)} in60: ${window(60)} in90: ${window(90)} }`,
    );
    expect(three.count).toBe(one.count);
    expect(three.data.in90).toEqual(one.data.in90);
    expect(three.data.in30!.amountMinor).toBeLessThanOrEqual(three.data.in60!.amountMinor);
    expect(three.data.in60!.amountMinor).toBeLessThanOrEqual(three.data.in90!.amountMinor);
  });

  it("sums only what the viewer may see", async () => {
    const stranger = viewerAs(admin, {
      role: "CUSTOMER_ADMIN",
      organisationId: "00000000-0000-4000-8000-000000000001",
      organisationKind: "CUSTOMER",
    });
    expect(await valueOf(stranger, {}, todayInSweden())).toBe(0);
  });

  it("answers a vendor's whole book, past what a 32-bit Int holds (MoneyTotal)", async () => {
    // Each agreement stays under the one-agreement limit (decision 0098); together they pass 21 474 836,47 kr, as a
    // vendor's 30-day window did at full scale (63 939 000 kr).
    const today = todayInSweden();
    await database.db.execute(sql`update licence_rentals r set monthly_price_minor = 150000000 / running.n
      from (select agreement_id, count(*) as n from licence_rentals where starts_on <= ${today} and ends_on > ${today}
        group by agreement_id) running
      where running.agreement_id = r.agreement_id and r.starts_on <= ${today} and r.ends_on > ${today}`);
    const whole = await summedOneByOne(admin, {}, today);
    expect(whole).toBeGreaterThan(2 ** 31);
    const answer = await graphqlAs<{ agreementsYearlyValue: { amountMinor: number; currency: string } }>(
      database,
      admin,
      `{ agreementsYearlyValue { amountMinor currency } }`,
    );
    expect(answer.agreementsYearlyValue).toEqual({ amountMinor: whole, currency: "SEK" });
  });
});
