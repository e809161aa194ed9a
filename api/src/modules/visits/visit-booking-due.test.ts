import { describe, expect, it } from "vitest";
import { visitDueForBooking } from "./visit-booking-due.js";

const TODAY = "2026-11-25";

describe("which annual visit is due for booking", () => {
  it("is the first unbooked proposal from half a year back to 90 days ahead", () => {
    expect(visitDueForBooking([{ proposedOn: "2027-02-23", visitId: null }], TODAY)).toEqual({
      proposedOn: "2027-02-23",
      visitId: null,
    });
    expect(visitDueForBooking([{ proposedOn: "2027-02-24", visitId: null }], TODAY)).toBeNull();
    expect(visitDueForBooking([{ proposedOn: "2026-05-27", visitId: null }], TODAY)).toEqual({
      proposedOn: "2026-05-27",
      visitId: null,
    });
    expect(visitDueForBooking([{ proposedOn: "2026-05-26", visitId: null }], TODAY)).toBeNull();
  });

  it("skips a proposal that a visit answers", () => {
    const proposals = [
      { proposedOn: "2026-11-01", visitId: "v1" },
      { proposedOn: "2027-11-01", visitId: null },
    ];
    expect(visitDueForBooking(proposals, TODAY)).toBeNull();
    expect(visitDueForBooking(proposals, "2027-09-01")).toEqual({ proposedOn: "2027-11-01", visitId: null });
  });
});
