import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableRowsBesideDrizzle } from "../src/shared/table-rows.same-as-drizzle.js";
import { startTestApi, type TestApi } from "./support.js";

/** The loaders' own row reader on postgres.js (PostgreSQL 15), where the driver hands back other shapes than PGlite. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe("tableRows on PostgreSQL", () => {
  it("reads the same rows, value for value, as drizzle's select", async () => {
    for (const pair of await tableRowsBesideDrizzle(api.database.db)) {
      expect(pair.rows.length, pair.name).toBeGreaterThan(0);
      expect(pair.rows, pair.name).toEqual(pair.expected);
    }
  });
});
