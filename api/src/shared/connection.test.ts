import { describe, expect, it } from "vitest";
import { paginate, paginateKeyset, type ConnectionArgs, type KeyValue } from "./connection.js";

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

describe("offset connections without totalCount", () => {
  it("count only when asked or when the page is the list's end, and answer the same pages", async () => {
    let counts = 0;
    const uncounted = (args: ConnectionArgs) =>
      paginate(
        { ...args, countTotal: false },
        async () => (counts++, items.length),
        async (offset, limit) => items.slice(offset, offset + limit),
        (n) => n,
      );
    const cursorOf = (i: number) => Buffer.from(`o:${i}`).toString("base64url");
    const windows: ConnectionArgs[] = [
      {},
      { first: 20 },
      { first: 0 },
      { first: 20, after: cursorOf(19) },
      { first: 20, after: cursorOf(39) },
      { first: 5, after: cursorOf(44) },
      { first: 20, before: cursorOf(10) },
      { last: 5, before: cursorOf(40) },
      { last: 5, before: cursorOf(3) },
      { last: 5, after: cursorOf(2), before: cursorOf(5) },
    ];
    for (const args of windows) {
      const counted = await page(args);
      const lazy = await uncounted(args);
      expect({ ...lazy, totalCount: counted.totalCount }, JSON.stringify(args)).toEqual(counted);
      expect(lazy.totalCount).toBeNull();
    }
    expect(counts).toBe(0);
    // The list's last page needs its size to know where it starts.
    expect((await uncounted({ last: 5 })).edges.map((e) => e.node)).toEqual([40, 41, 42, 43, 44]);
    expect(counts).toBe(1);
  });
});

describe("keyset connections", () => {
  // Rows that tie on the first part of the key (the day), told apart by the second (a unique number).
  const rows = Array.from({ length: 45 }, (_, i) => ({
    day: `2026-0${1 + (i % 3)}-01`,
    no: `N-${String(i).padStart(3, "0")}`,
  }));
  type Row = (typeof rows)[number];
  const cmp = (a: KeyValue[], b: KeyValue[]) =>
    a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0;
  const keyOf = (r: Row): KeyValue[] => [r.day, r.no];
  const sorted = [...rows].sort((a, b) => cmp(keyOf(a), keyOf(b)));
  const calls = { count: 0 };
  const keyset = (args: ConnectionArgs) =>
    paginateKeyset(
      args,
      { parts: ["date", "text"], of: keyOf },
      async () => (calls.count++, rows.length),
      async ({ after, before, backwards, limit }) => {
        const inWindow = sorted.filter(
          (r) => (!after || cmp(keyOf(r), after) > 0) && (!before || cmp(keyOf(r), before) < 0),
        );
        const page = (backwards ? inWindow.reverse() : inWindow).slice(0, limit);
        return { rows: page, totalCount: page.length ? rows.length : null };
      },
      (r) => r.no,
    );

  it("walks the whole list forwards and backwards, each row once, in the order of the offset pages", async () => {
    const forwards: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p = await keyset({ first: 7, after });
      forwards.push(...p.edges.map((e) => e.node));
      expect(p.totalCount).toBe(45);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    const offsetPages = await page({ first: 45 });
    expect(offsetPages.edges).toHaveLength(45);
    expect(forwards).toEqual(sorted.map((r) => r.no));
    const backwards: string[] = [];
    let before: string | null = null;
    for (;;) {
      const p = await keyset({ last: 8, before });
      backwards.unshift(...p.edges.map((e) => e.node));
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(backwards).toEqual(forwards);
  });

  it("says where a page lies, and counts apart only when the page came back empty", async () => {
    const first = await keyset({ first: 5 });
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const last = await keyset({ first: 50, after: first.pageInfo.endCursor });
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    calls.count = 0;
    const empty = await keyset({ first: 5, after: last.pageInfo.endCursor });
    expect(empty.edges).toEqual([]);
    expect(empty.totalCount).toBe(45);
    expect(calls.count).toBe(1);
  });

  it("refuses an old offset cursor and a forged one with a clear error, before any value reaches SQL", async () => {
    const offset = Buffer.from("o:40").toString("base64url");
    await expect(keyset({ first: 5, after: offset })).rejects.toThrow(/offset cursor .* from its first page/);
    const forged = (key: unknown) => Buffer.from(`k:${JSON.stringify(key)}`).toString("base64url");
    // A NUL in a text part: PostgreSQL cannot hold it in text and would fail the query (INTERNAL_SERVER_ERROR).
    const nul = ["2026-01-01", "N-\u0000"];
    for (const key of [["2026-13-45", "N-1"], ["x", "N-1"], ["2026-01-01"], [null, "N-1"], {}, ["2026-01-01", 3], nul])
      await expect(keyset({ first: 5, before: forged(key) }), JSON.stringify(key)).rejects.toThrow(/not a cursor/);
    await expect(keyset({ first: 5, after: "bm9wZQ" })).rejects.toThrow(/not a cursor/);
  });

  it("takes an integer key part only as PostgreSQL's integer would cast it", async () => {
    const forged = (key: unknown) => Buffer.from(`k:${JSON.stringify(key)}`).toString("base64url");
    const byPosition = (after: string) =>
      paginateKeyset(
        { first: 1, after },
        { parts: ["integer"], of: (n: number) => [String(n)] },
        async () => 0,
        async () => ({ rows: [], totalCount: 0 }),
        (n) => n,
      );
    await expect(byPosition(forged(["42"]))).resolves.toMatchObject({ edges: [] });
    for (const v of ["99999999999", "1.5", "1e3", " 1", "", 7])
      await expect(byPosition(forged([v])), JSON.stringify(v)).rejects.toThrow(/not a cursor/);
  });
});
