import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { addDaysIso, todayInSweden } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { countingDatabase } from "../../test-support.js";
import { createAgreementLoaders } from "./agreement.loaders.js";
import * as agreements from "./agreement.service.js";
let database: Database;
let admin: Viewer;
let run: Awaited<ReturnType<typeof countingDatabase>>["run"];

const LIST = `{ agreements(first: 100) { totalCount edges { node { number status daysLeft tier { name } customer { name } partner { name } seller { name }
  properties { name } periods { startsOn } hanteraAccountQuota hanteraQuota { used } hanteraAccounts { name } licenceRentals { kind }
  licenceRentalTotals { kind } monthlyCost { amountMinor } addOns { kind active } } } } }`;

beforeAll(async () => {
  ({ database, admin, run } = await countingDatabase());
});
afterAll(() => database.close());

describe("listing agreements", () => {
  it("costs the same number of SQL statements for twice as many agreements (no N+1)", async () => {
    const before = await run<{ agreements: { totalCount: number } }>(LIST);
    const customer = (await agreements.listAgreements(database.db, admin, {}, { first: 1 }, { today: todayInSweden(), windowDays: 60 })).edges[0]!.node;
    const today = todayInSweden();
    const propertyIds = (await createAgreementLoaders(database.db).propertyIds.load(customer.id)).map((p) => p.propertyId);
    for (let i = 0; i < before.data.agreements.totalCount; i++) {
      await agreements.createAgreement(
        database.db,
        admin,
        { customerId: customer.customerId, tier: "BRF", propertyIds, startsOn: today, endsOn: addDaysIso(today, 100 + i) },
        { today, windowDays: 60 },
      );
    }
    const after = await run<{ agreements: { totalCount: number } }>(LIST);
    expect(after.data.agreements.totalCount).toBe(2 * before.data.agreements.totalCount);
    expect(after.count).toBe(before.count);
  });
});
