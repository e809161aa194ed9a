import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../../context.js";
import { openDatabase, type Database } from "../../db/client.js";
import { createLogger } from "../../logger.js";
import { schema } from "../../schema.js";
import { ensureAdmin } from "../../seed/bootstrap.js";
import { seedDemo } from "../../seed/demo.js";
import { addDaysIso, todayInSweden } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { LoginThrottle } from "../access/login-throttle.js";
import * as agreements from "./agreement.service.js";

let database: Database;
let admin: Viewer;
let statements = 0;

const LIST = `{ agreements(first: 100) { totalCount edges { node { number status daysLeft tier { name } customer { name } partner { name } seller { name }
  properties { name } periods { startsOn } hanteraAccountQuota hanteraQuota { used } hanteraAccounts { name } licenceRentals { kind }
  licenceRentalTotals { kind } monthlyCost { amountMinor } addOns { kind active } } } } }`;

async function run(query: string) {
  statements = 0;
  const result = await graphql({
    schema: await schema(),
    source: query,
    contextValue: createContext({
      db: database.db,
      viewer: admin,
      requestId: "test",
      ip: "127.0.0.1",
      userAgent: null,
      log: createLogger("silent"),
      app: { throttle: new LoginThrottle(database.db, { maxPerAccount: 5, maxPerAddress: 5, windowSeconds: 60 }), sessionTtlHours: 1, expiringWindowDays: 60 },
    }),
  });
  expect(result.errors).toBeUndefined();
  return { count: statements, data: result.data as { agreements: { totalCount: number } } };
}

beforeAll(async () => {
  database = await openDatabase({ dataDir: "memory://", onQuery: () => statements++ });
  await database.migrate();
  await seedDemo(database.db);
  admin = await ensureAdmin(database.db, { email: "admin@aptus.demo", password: "irrelevant-here" });
});
afterAll(() => database.close());

describe("listing agreements", () => {
  it("costs the same number of SQL statements for twice as many agreements (no N+1)", async () => {
    const before = await run(LIST);
    const customer = (await agreements.listAgreements(database.db, admin, {}, { first: 1 }, { today: todayInSweden(), windowDays: 60 })).edges[0]!.node;
    const today = todayInSweden();
    const propertyIds = (await agreements.listPropertyIds(database.db, customer.id)).map((p) => p.id);
    for (let i = 0; i < before.data.agreements.totalCount; i++) {
      await agreements.createAgreement(
        database.db,
        admin,
        { customerId: customer.customerId, tier: "BRF", propertyIds, startsOn: today, endsOn: addDaysIso(today, 100 + i) },
        { today, windowDays: 60 },
      );
    }
    const after = await run(LIST);
    expect(after.data.agreements.totalCount).toBe(2 * before.data.agreements.totalCount);
    expect(after.count).toBe(before.count);
  });
});
