import { describe, expect, it } from "vitest";
import { paginate } from "./connection.js";

const items = Array.from({ length: 45 }, (_, i) => i);
const page = (args: Parameters<typeof paginate>[0]) =>
  paginate(args, async () => items.length, async (offset, limit) => items.slice(offset, offset + limit), (n) => n);

describe("connections", () => {
  it("pages forward with first/after until the end", async () => {
    const one = await page({ first: 20 });
    expect(one.edges.map((e) => e.node)).toEqual(items.slice(0, 20));
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const two = await page({ first: 20, after: one.pageInfo.endCursor });
    const three = await page({ first: 20, after: two.pageInfo.endCursor });
    expect(three.edges.map((e) => e.node)).toEqual(items.slice(40));
    expect(three.pageInfo.hasNextPage).toBe(false);
    expect(three.totalCount).toBe(45);
  });

  it("pages backward with last/before", async () => {
    const end = await page({ last: 5 });
    expect(end.edges.map((e) => e.node)).toEqual([40, 41, 42, 43, 44]);
    const before = await page({ last: 5, before: end.pageInfo.startCursor });
    expect(before.edges.map((e) => e.node)).toEqual([35, 36, 37, 38, 39]);
    expect(before.pageInfo.hasPreviousPage).toBe(true);
  });

  it("refuses first above 100 and negative sizes with a clear error instead of capping", async () => {
    await expect(page({ first: 1000 })).rejects.toThrow(/`first` must be between 0 and 100, got 1000/);
    await expect(page({ last: -1 })).rejects.toThrow(/`last` must be between 0 and 100/);
  });

  it("refuses a cursor that is not one", async () => {
    await expect(page({ first: 1, after: "bm9wZQ" })).rejects.toThrow(/not a cursor/);
  });
});
