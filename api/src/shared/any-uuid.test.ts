import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.js";
import { organisations } from "../db/schema/index.js";
import { freshDatabase } from "../test-support.js";
import { isAnyUuid } from "./any-uuid.js";

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe("a loader's batch as one uuid[] parameter", () => {
  it("finds the rows of the ids given and ignores missing references (null ids from optional relations)", async () => {
    const [vendor] = await database.db
      .insert(organisations)
      .values({ kind: "VENDOR", name: "Aptus", organisationNumber: "556203-2101" })
      .returning();
    const ids = [vendor!.id, null, "00000000-0000-4000-8000-000000000000"];
    const rows = await database.db.select().from(organisations).where(isAnyUuid(organisations.id, ids));
    expect(rows.map((r) => r.name)).toEqual(["Aptus"]);
  });
});
