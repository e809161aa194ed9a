import { describe, expect, it } from "vitest";
import { yearlyValueWithin } from "./yearly-value-within";

const agreement = (daysLeft: number, amountMinor: number) => ({ daysLeft, yearlyValue: { amountMinor } });

describe("the yearly value of a window's agreements", () => {
  const read = [agreement(10, 100_00), agreement(40, 200_00), agreement(80, 300_00)];

  it("is whole when every agreement of the window was read", () => {
    expect(yearlyValueWithin(read, 30, 1)).toEqual({ amountMinor: 100_00, partial: false });
    expect(yearlyValueWithin(read, 90, 3)).toEqual({ amountMinor: 600_00, partial: false });
  });

  it("is partial when the window holds more than were read", () => {
    expect(yearlyValueWithin(read, 90, 250)).toEqual({ amountMinor: 600_00, partial: true });
    expect(yearlyValueWithin(read, 60, 2)).toEqual({ amountMinor: 300_00, partial: false });
  });
});
