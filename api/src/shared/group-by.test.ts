import { describe, expect, it } from "vitest";
import { firstBy, groupBy } from "./group-by.js";

describe("groupBy, the one way loaders hand rows back per key", () => {
  const rows = [
    { id: "1", of: "b" },
    { id: "2", of: "a" },
    { id: "3", of: "b" },
    { id: "4", of: null },
  ];

  it("answers in the order the keys were asked for, each key's rows in the query's order, an empty list for a key without rows", () => {
    expect(groupBy(["b", "x", "a"], rows, (r) => r.of)).toEqual([[rows[0], rows[2]], [], [rows[1]]]);
  });

  it("leaves out rows whose key is null", () => {
    expect(groupBy(["b", "a"], rows, (r) => r.of).flat()).not.toContain(rows[3]);
  });

  it("gives the first row of each key, or null", () => {
    expect(firstBy(["b", "x"], rows, (r) => r.of)).toEqual([rows[0], null]);
  });

  it("reads each row's key once, however many keys are asked for (no search of all rows per key)", () => {
    let reads = 0;
    const keyOf = (r: { of: string | null }) => (reads++, r.of);
    groupBy(["a", "b", "c", "d", "e"], rows, keyOf);
    expect(reads).toBe(rows.length);
  });
});
