import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { countingDatabase } from "../../test-support.js";

let database: Database;
let run: Awaited<ReturnType<typeof countingDatabase>>["run"];

beforeAll(async () => {
  ({ database, run } = await countingDatabase());
});
afterAll(() => database.close());

type Page = { properties: { edges: { node: { installedVersions: { product: string }[] } }[] } };
const PAGE = (first: number) =>
  `{ properties(first: ${first}) { edges { node { name installedVersions { product version latestVersion outdated } } } } }`;

describe("installed versions on a list of properties", () => {
  it("cost the same number of SQL statements for one property as for all of them (no N+1)", async () => {
    const one = await run<Page>(PAGE(1));
    const all = await run<Page>(PAGE(100));
    expect(all.data.properties.edges.filter((e) => e.node.installedVersions.length > 0).length).toBeGreaterThan(2);
    expect(all.count).toBe(one.count);
  });
});
