import { describe, expect, it } from "vitest";
import { isoWeek } from "./support-opening-hours";

describe("ISO weeks", () => {
  it("numbers weeks as ISO 8601 does, across year ends", () => {
    expect(isoWeek("2026-11-25")).toBe(48);
    expect(isoWeek("2027-01-01")).toBe(53); // a Friday: still week 53 of 2026
    expect(isoWeek("2024-12-30")).toBe(1); // a Monday: week 1 of 2025
    expect(isoWeek("2026-05-11")).toBe(20);
  });
});
