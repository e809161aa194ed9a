import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.js";
import { seedDemo } from "../seed/demo.js";
import { freshDatabase } from "../test-support.js";
import { tableRowsBesideDrizzle } from "./table-rows.same-as-drizzle.js";

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
  await seedDemo(database.db);
}, 120_000);
afterAll(() => database.close());

describe("tableRows on PGlite", () => {
  it("reads the same rows, value for value, as drizzle's select", async () => {
    for (const pair of await tableRowsBesideDrizzle(database.db)) {
      expect(pair.rows.length, pair.name).toBeGreaterThan(0);
      expect(pair.rows, pair.name).toEqual(pair.expected);
    }
  });
});
