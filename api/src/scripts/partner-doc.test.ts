import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { partnerDoc } from "./error-codes.js";

// The partner guide is edited by many branches and merged by hand; a merge once dropped two whole
// sections (8 and 9) and sorted the calendar's table into the error codes, and nothing noticed.
describe("the partner guide's outline", () => {
  const headings = [...readFileSync(partnerDoc, "utf8").matchAll(/^## (\d+)([a-z]?)\. /gm)].map((m) => ({
    number: Number(m[1]),
    letter: m[2]!,
  }));

  it("numbers its sections 1, 2, 3 … without a gap, each section's lettered parts after it in order", () => {
    const numbers = [...new Set(headings.map((h) => h.number))];
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const labels = headings.map((h) => `${h.number}${h.letter}`);
    const inOrder = [...labels].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
    expect(labels).toEqual(inOrder);
  });
});
