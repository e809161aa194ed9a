import { describe, expect, it } from "vitest";
import { boardCheckYear } from "./board-check-due.js";

describe("when the yearly board check is due", () => {
  it("is not due in the meeting's month, nor before it", () => {
    expect(boardCheckYear("2027-03-31", 3)).toBeNull();
    expect(boardCheckYear("2027-01-15", 3)).toBeNull();
  });

  it("is due from the first of the month after the meeting, for three months, under the meeting's year", () => {
    expect(boardCheckYear("2027-04-01", 3)).toBe(2027);
    expect(boardCheckYear("2027-06-30", 3)).toBe(2027);
    expect(boardCheckYear("2027-07-01", 3)).toBeNull();
  });

  it("carries a December meeting into January under the meeting's year", () => {
    expect(boardCheckYear("2027-01-02", 12)).toBe(2026);
    expect(boardCheckYear("2027-03-31", 12)).toBe(2026);
    expect(boardCheckYear("2027-04-01", 12)).toBeNull();
  });
});
