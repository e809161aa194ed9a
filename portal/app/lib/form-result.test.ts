import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n";
import { formErrors, formErrorText, inPageWords } from "./form-result";

const sv = translator("sv");
const en = translator("en");

describe("the form kit's words for the API's userErrors", () => {
  it("shows a code the portal does not know as helpful Swedish, never the API's English message or the code", () => {
    const answered = [
      { code: "SOMETHING_NEW", field: ["input", "title"], message: "Something new went wrong in English." },
    ];
    const [error] = formErrors(answered);
    const text = formErrorText(sv, error!);
    expect(text).toBe(sv("userError.UNKNOWN"));
    expect(text).not.toContain("English");
    expect(text).not.toContain("SOMETHING_NEW");
  });

  it("shows a known code in the portal's words, beside the field the API named", () => {
    const answered = [
      {
        code: "VISIT_INCOMPLETE",
        field: ["input", "checks", "ROUTINES"],
        message: "Record every check before completing; missing: ROUTINES (Routines).",
      },
    ];
    const [error] = formErrors(answered);
    expect(error!.field).toBe("checks");
    expect(error!.rest).toEqual(["ROUTINES"]);
    expect(formErrorText(sv, error!)).toBe(sv("userError.VISIT_INCOMPLETE"));
  });
});

describe("the words for a stale version", () => {
  it("name no particular record where the page does not say which (a user, a visit, an organisation…)", () => {
    const [stale] = formErrors([{ code: "STALE_VERSION", field: ["input", "expectedVersion"] }]);
    expect(formErrorText(sv, stale!)).not.toMatch(/avtal/i);
    expect(formErrorText(en, stale!)).not.toMatch(/agreement/i);
  });

  it("name the agreement, the visit or the organisation on that record's own page", () => {
    const stale = formErrors([{ code: "STALE_VERSION", field: ["input", "expectedVersion"] }]);
    const words = (page: Parameters<typeof inPageWords>[1]) => formErrorText(sv, inPageWords(stale, page)[0]!);
    expect(words("agreement")).toMatch(/avtalet/);
    expect(words("visit")).toMatch(/besöket/);
    expect(words("organisation")).toMatch(/organisationen/);
    expect(words("property")).toMatch(/fastigheten/);
    expect(words("user")).toMatch(/användaren/);
  });
});
