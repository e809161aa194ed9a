import { describe, expect, it } from "vitest";
import { indexedPriceMinor, underThreshold } from "./index-clause.js";

describe("the index clause's arithmetic", () => {
  it("rounds old × index(to) / index(from) to whole kronor, half up, exactly", () => {
    // 200 kr × 401 / 400 = 200.50 kr: half a krona rounds up.
    expect(indexedPriceMinor(200_00, "400", "401")).toBe(201_00);
    // 199 kr × 401 / 400 = 199.4975 kr rounds down.
    expect(indexedPriceMinor(199_00, "400", "401")).toBe(199_00);
    // 1 234.56 kr × 412.34 / 400.00 = 1 272.6420… kr.
    expect(indexedPriceMinor(1234_56, "400.00", "412.34")).toBe(1273_00);
    // 1.25 kr × 2.2 / 1.1 is 2.50 kr exactly, which floating point computes as 2.4999999999999996.
    expect(indexedPriceMinor(1_25, "1.1", "2.2")).toBe(3_00);
  });

  it("finds a change under the threshold either way, and one at the threshold not under it", () => {
    expect(underThreshold("400", "407.99", 2)).toBe(true);
    expect(underThreshold("400", "408", 2)).toBe(false);
    expect(underThreshold("400", "392.01", 2)).toBe(true);
    expect(underThreshold("400", "392", 2)).toBe(false);
  });
});
