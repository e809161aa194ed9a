import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { addDaysIso, todayInSweden } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { clockAt } from "../../shared/clock.js";
import { countingDatabase, okOf } from "../../test-support.js";
import { requestTailoring } from "../tailoring/tailoring.service.js";
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
    const customer = (
      await agreements.listAgreements(database.db, admin, {}, { first: 1 }, { today: todayInSweden(), windowDays: 60 })
    ).edges[0]!.node;
    const today = todayInSweden();
    const propertyIds = (await createAgreementLoaders(database.db).propertyIds.load(customer.id)).map(
      (p) => p.propertyId,
    );
    for (let i = 0; i < before.data.agreements.totalCount; i++) {
      await agreements.createAgreement(
        database.db,
        admin,
        {
          customerId: customer.customerId,
          tier: "BRF",
          propertyIds,
          startsOn: today,
          endsOn: addDaysIso(today, 100 + i),
        },
        { today, windowDays: 60 },
      );
    }
    const after = await run<{ agreements: { totalCount: number } }>(LIST);
    expect(after.data.agreements.totalCount).toBe(2 * before.data.agreements.totalCount);
    expect(after.count).toBe(before.count);
  });
});

describe("the expensive fields of a list", () => {
  const PAGE = `{ agreements(first: 100) { totalCount edges { node { number lapsePreview { benefit } updatesNeeded { product }
    history { action actor { name } } tailoring { steps { state } history { action } actionPlan { items { title } percentDone } } } } } }`;

  it("cost the same number of SQL statements however many agreements the page holds", async () => {
    const before = await run<{ agreements: { totalCount: number } }>(PAGE);
    const clock = clockAt(todayInSweden());
    const [first] = (await agreements.listAgreements(database.db, admin, { status: ["ACTIVE"] }, { first: 1 }, clock))
      .edges;
    const propertyIds = (await createAgreementLoaders(database.db).propertyIds.load(first!.node.id)).map(
      (p) => p.propertyId,
    );
    for (let i = 0; i < 5; i++) {
      const input = {
        customerId: first!.node.customerId,
        tier: "PLUS_500" as const,
        propertyIds,
        startsOn: clock.today,
        endsOn: addDaysIso(clock.today, 30 + i),
      };
      const a = okOf(await agreements.createAgreement(database.db, admin, input, clock));
      okOf(await agreements.activateAgreement(database.db, admin, { agreementId: a.id }, clock));
      okOf(await requestTailoring(database.db, admin, { agreementId: a.id, message: `Page ${i}` }, clock));
    }
    const after = await run<{ agreements: { totalCount: number } }>(PAGE);
    expect(after.data.agreements.totalCount).toBe(before.data.agreements.totalCount + 5);
    expect(after.count).toBe(before.count);
  });
});

describe("an agreement's yearly value", () => {
  it("is twelve months of its running rentals and of its tier's base fee while in force, for a dashboard's sums", async () => {
    const { data } = await run<{
      priceList: { item: string; monthlyPrice: { amountMinor: number } }[];
      agreements: {
        edges: {
          node: {
            status: string;
            tier: { code: string };
            monthlyCost: { amountMinor: number };
            yearlyValue: { amountMinor: number; currency: string };
          };
        }[];
      };
    }>(
      `{ priceList { item monthlyPrice { amountMinor } }
         agreements(first: 100) { edges { node { status tier { code } monthlyCost { amountMinor }
           yearlyValue { amountMinor currency } } } } }`,
    );
    const fee = (tier: string) => data.priceList.find((p) => p.item === `AGREEMENT_${tier}`)!.monthlyPrice.amountMinor;
    expect(fee("PLUS_500")).toBeGreaterThan(0);
    expect(fee("BRF")).toBeGreaterThan(0);
    const nodes = data.agreements.edges.map((e) => e.node);
    expect(nodes.some((n) => n.monthlyCost.amountMinor > 0)).toBe(true);
    expect(nodes.some((n) => n.status === "DRAFT" || n.status === "EXPIRED")).toBe(true);
    for (const n of nodes) {
      const inForce = n.status === "ACTIVE" || n.status === "EXPIRING";
      const monthly = n.monthlyCost.amountMinor + (inForce ? fee(n.tier.code) : 0);
      expect(n.yearlyValue).toEqual({ amountMinor: 12 * monthly, currency: "SEK" });
    }
  });
});
