import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { hanteraAccounts } from "../../db/schema/index.js";
import { freshDatabase, okOf } from "../../test-support.js";
import { deactivateHanteraAccount } from "../agreements/hantera-quota.js";
import { at, clock, day, visitWorld } from "../visits/visit.fixture.js";
import { applyLapses } from "./lapse-job.js";

let database: Database;
let w: Awaited<ReturnType<typeof visitWorld>>;

beforeAll(async () => {
  database = await freshDatabase();
  w = await visitWorld(database);
});
afterAll(() => database.close());

describe("the customer's choice after the lapse", () => {
  it("may keep a flagged account by deactivating an included one: the oldest flag goes, as many stay as are above", async () => {
    const a = await w.agreement("PLUS_500", 20);
    for (let i = 1; i <= 12; i++)
      await database.db.insert(hanteraAccounts).values({
        agreementId: a.id,
        name: `V${i}`,
        email: `v${i}@owner.example`,
        createdAt: new Date(Date.UTC(2027, 0, i)),
      });
    await applyLapses(database.db, at(day(21)));
    const accounts = async () =>
      await database.db.select().from(hanteraAccounts).where(eq(hanteraAccounts.agreementId, a.id));
    const flagged = async () => (await accounts()).filter((x) => x.overQuotaSince).map((x) => x.name);
    expect(await flagged()).toEqual(["V11", "V12"]);
    const later = { ...clock, today: day(22) };
    const drop = async (name: string) =>
      okOf(
        await deactivateHanteraAccount(
          database.db,
          w.customerAdmin,
          { hanteraAccountId: (await accounts()).find((x) => x.name === name)!.id },
          later,
        ),
      );
    // Eleven active against ten included: one is still above, the newest of those flagged.
    await drop("V1");
    expect(await flagged()).toEqual(["V12"]);
    await drop("V2");
    expect(await flagged()).toEqual([]);
    expect((await accounts()).filter((x) => !x.deactivatedAt)).toHaveLength(10);
  });
});
