import { describe, expect, it } from "vitest";
import { normaliseOrganisationNumber } from "./organisation-number.js";

describe("Swedish organisation numbers", () => {
  it("accepts a number with a correct check digit, with or without hyphen, and formats it NNNNNN-NNNN", () => {
    expect(normaliseOrganisationNumber("556016-0680")).toBe("556016-0680");
    expect(normaliseOrganisationNumber("5560160680")).toBe("556016-0680");
    expect(normaliseOrganisationNumber(" 556016-0680 ")).toBe("556016-0680");
  });

  it("refuses a wrong check digit, a wrong length and letters", () => {
    expect(normaliseOrganisationNumber("556016-0681")).toBeNull();
    expect(normaliseOrganisationNumber("55601606")).toBeNull();
    expect(normaliseOrganisationNumber("abcdef-ghij")).toBeNull();
    expect(normaliseOrganisationNumber("")).toBeNull();
  });
});
