import { describe, expect, it } from "vitest";
import type { HanteraAccountRow, LicenceRentalRow } from "./agreement-records.js";
import { quotaFrom } from "./hantera-quota.js";

const today = "2027-03-01";
let n = 0;
function rental(patch: Partial<LicenceRentalRow>): LicenceRentalRow {
  return {
    id: `rental-${++n}`,
    agreementId: "a",
    kind: "HANTERA",
    quantity: 1,
    monthlyPriceMinor: 0,
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
function account(deactivatedAt: Date | null = null): HanteraAccountRow {
  return {
    id: `account-${++n}`,
    agreementId: "a",
    name: "Anna",
    email: `anna${n}@brf.example`,
    createdAt: new Date("2027-01-01"),
    deactivatedAt,
    overQuotaSince: null,
  };
}

describe("the Hantera quota", () => {
  it("is the tier's included accounts plus the Hantera licences rented today, summed by quantity", () => {
    const rentals = [rental({ quantity: 2 }), rental({ quantity: 3, startsOn: "2027-03-01", endsOn: "2027-03-01" })];
    expect(quotaFrom({ includedHanteraAccounts: 5 }, rentals, [], today)).toEqual({
      quota: 10,
      included: 5,
      rented: 5,
      used: 0,
    });
  });

  it("leaves out rentals of other licences and Hantera rentals not running today", () => {
    const rentals = [
      rental({ quantity: 2 }),
      rental({ kind: "BOOKING", quantity: 40 }),
      rental({ quantity: 4, startsOn: "2027-03-02" }), // not begun
      rental({ quantity: 8, endsOn: "2027-02-28" }), // over
      rental({ quantity: 16, endedOn: "2027-02-28" }), // ended early
    ];
    expect(quotaFrom({ includedHanteraAccounts: 5 }, rentals, [], today)).toMatchObject({ quota: 7, rented: 2 });
  });

  it("counts the accounts in use, not the deactivated ones", () => {
    expect(
      quotaFrom({ includedHanteraAccounts: 5 }, [], [account(), account(new Date("2027-02-01")), account()], today),
    ).toEqual({ quota: 5, included: 5, rented: 0, used: 2 });
  });

  it("includes nothing when the agreement's tier is not found", () => {
    expect(quotaFrom(undefined, [rental({ quantity: 2 })], [], today)).toEqual({
      quota: 2,
      included: 0,
      rented: 2,
      used: 0,
    });
  });
});
