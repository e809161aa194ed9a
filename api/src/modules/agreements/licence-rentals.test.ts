import { describe, expect, it } from "vitest";
import type { LicenceRentalRow } from "./agreement-records.js";
import { monthlyCostMinor, newestRentalsFirst, rentalIsActive, rentalTotals } from "./licence-rentals.js";

let n = 0;
function rental(patch: Partial<LicenceRentalRow>): LicenceRentalRow {
  return {
    id: `rental-${++n}`,
    agreementId: "a",
    kind: "BOOKING",
    quantity: 1,
    monthlyPriceMinor: 100,
    currency: "SEK",
    listPriceMinor: null,
    priceReason: null,
    startsOn: "2027-01-01",
    endsOn: "2027-12-31",
    endedOn: null,
    carriedFromId: null,
    createdAt: new Date("2027-01-01"),
    ...patch,
  };
}

describe("a licence rental runs", () => {
  it("from its first day through its last, both included", () => {
    const r = rental({ startsOn: "2027-03-01", endsOn: "2027-03-31" });
    expect(["2027-02-28", "2027-03-01", "2027-03-31", "2027-04-01"].map((d) => rentalIsActive(r, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it("through the day it was ended early, not to its planned end", () => {
    const r = rental({ startsOn: "2027-03-01", endsOn: "2027-03-31", endedOn: "2027-03-10" });
    expect(["2027-03-10", "2027-03-11"].map((d) => rentalIsActive(r, d))).toEqual([true, false]);
  });
});

describe("rentals as an agreement lists them", () => {
  it("come newest first, and by licence kind on the same start day, leaving the list given as it was", () => {
    const given = [
      rental({ id: "old", startsOn: "2027-01-01" }),
      rental({ id: "new-hantera", startsOn: "2027-05-01", kind: "HANTERA" }),
      rental({ id: "new-booking", startsOn: "2027-05-01", kind: "BOOKING" }),
      rental({ id: "middle", startsOn: "2027-03-01", kind: "CONSUMPTION" }),
    ];
    expect(newestRentalsFirst(given).map((r) => r.id)).toEqual(["new-booking", "new-hantera", "middle", "old"]);
    expect(given.map((r) => r.id)).toEqual(["old", "new-hantera", "new-booking", "middle"]);
    expect(
      newestRentalsFirst([rental({ id: "b", kind: "HANTERA" }), rental({ id: "a", kind: "BOOKING" })]).map((r) => r.id),
    ).toEqual(["a", "b"]);
    expect(newestRentalsFirst([rental({ id: "same-1" }), rental({ id: "same-2" })]).map((r) => r.id)).toEqual([
      "same-1",
      "same-2",
    ]);
  });

  it("sum the running rentals per kind, quantity and monthly cost, in the kinds' order and leaving out kinds with none", () => {
    const today = "2027-06-01";
    const rentals = [
      rental({ kind: "CONSUMPTION", quantity: 3, monthlyPriceMinor: 300 }),
      rental({ kind: "BOOKING", quantity: 10, monthlyPriceMinor: 1_000 }),
      rental({ kind: "BOOKING", quantity: 5, monthlyPriceMinor: 450 }),
      rental({ kind: "BOOKING", quantity: 7, monthlyPriceMinor: 700, endedOn: "2027-05-31" }),
      rental({ kind: "HANTERA", quantity: 2, monthlyPriceMinor: 200, startsOn: "2027-06-02" }),
    ];
    expect(rentalTotals(rentals, today)).toEqual([
      { kind: "BOOKING", quantity: 15, monthlyCostMinor: 1_450 },
      { kind: "CONSUMPTION", quantity: 3, monthlyCostMinor: 300 },
    ]);
    expect(monthlyCostMinor(rentals, today)).toBe(1_750);
    expect(rentalTotals([], today)).toEqual([]);
  });
});
