import { describe, expect, it } from "vitest";
import { paginate, paginateCounted, type ConnectionArgs } from "./connection.js";

const items = Array.from({ length: 45 }, (_, i) => i);
const page = (args: Parameters<typeof paginate>[0]) =>
  paginate(
    args,
    async () => items.length,
    async (offset, limit) => items.slice(offset, offset + limit),
    (n) => n,
  );

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

describe("connections whose page query counts the list too", () => {
  const cursor = (offset: number) => Buffer.from(`o:${offset}`).toString("base64url");
  const counted = async (args: ConnectionArgs) => {
    const calls = { count: 0, fetch: 0 };
    const connection = await paginateCounted(
      args,
      async () => (calls.count++, items.length),
      async (offset, limit) => {
        calls.fetch++;
        const rows = items.slice(offset, offset + limit);
        return { rows, totalCount: rows.length ? items.length : null };
      },
      (n) => n,
    );
    return { connection, calls };
  };

  it("answers exactly what paginate answers, for every kind of window", async () => {
    const windows: ConnectionArgs[] = [
      {},
      { first: 0 },
      { first: 1 },
      { first: 20, after: cursor(39) },
      { first: 5, after: cursor(44) },
      { first: 5, after: cursor(80) },
      { last: 5 },
      { last: 5, before: cursor(3) },
      { first: 5, before: cursor(2) },
    ];
    for (const args of windows)
      expect((await counted(args)).connection, JSON.stringify(args)).toEqual(await page(args));
  });

  it("reads a forward page in one query, and counts apart only when the page is empty or read backwards", async () => {
    expect((await counted({ first: 20 })).calls).toEqual({ count: 0, fetch: 1 });
    expect((await counted({ first: 20, after: cursor(44) })).calls).toEqual({ count: 1, fetch: 1 });
    expect((await counted({ first: 0 })).calls).toEqual({ count: 1, fetch: 0 });
    expect((await counted({ last: 5 })).calls).toEqual({ count: 1, fetch: 1 });
  });
});
