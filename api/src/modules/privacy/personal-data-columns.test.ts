import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { freshDatabase } from "../../test-support.js";
import { CONTACT_COLUMNS } from "./personal-data-columns.js";

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe("the anonymisation's list of contact columns", () => {
  it("names every column of the schema called like an e-mail, an address or a phone number", async () => {
    const result = await database.db.execute(
      sql`select table_name || '.' || column_name as name from information_schema.columns
          where table_schema = 'public' and column_name ~ '(mail|address|phone)' order by 1`,
    );
    // PGlite answers { rows }, postgres.js the rows themselves.
    const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as {
      name: string;
    }[];
    expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(CONTACT_COLUMNS).sort());
  });
});
