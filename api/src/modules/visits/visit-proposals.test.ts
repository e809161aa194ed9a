import { describe, expect, it } from "vitest";
import { matchVisits, nextProposedOn, proposedVisitDates } from "./visit-proposals.js";

describe("the next proposed visit the tailoring names", () => {
  // Agreed on 2024-01-22 for an agreement running to 2027-11-22: visits proposed each 22 January.
  const proposals = matchVisits(proposedVisitDates("2024-01-22", "2027-11-22"), [{ id: "v1", on: "2024-01-24" }]);

  it("is the first proposal still ahead, not the end date agreed years ago", () => {
    expect(nextProposedOn(proposals, "2026-12-07")).toBe("2027-01-22");
  });

  it("counts today, and a booked proposal too", () => {
    expect(nextProposedOn(proposals, "2024-01-22")).toBe("2024-01-22");
  });

  it("is none once the agreement has no proposal left, or has none at all (BRF)", () => {
    expect(nextProposedOn(proposals, "2027-01-23")).toBeNull();
    expect(nextProposedOn([], "2026-12-07")).toBeNull();
  });
});
