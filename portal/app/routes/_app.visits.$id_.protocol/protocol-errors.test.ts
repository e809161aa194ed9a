import { describe, expect, it } from "vitest";
import { formErrors } from "~/lib/form-result";
import { checkErrors, completionErrors, readingOf } from "./protocol-errors";

describe("the protocol form's refusals, beside what to change", () => {
  it("marks each check VISIT_INCOMPLETE names, and says it once above the form", () => {
    const errors = completionErrors(
      formErrors([{ code: "VISIT_INCOMPLETE", field: ["input", "checks", "ROUTINES", "DATABASE_SIZE"] }]),
    );
    expect(errors).toEqual([
      { field: "checks", rest: ["ROUTINES", "DATABASE_SIZE"], code: "VISIT_INCOMPLETE" },
      { field: "result-ROUTINES", code: "VISIT_INCOMPLETE", key: "visitForm.error.resultMissing" },
      { field: "result-DATABASE_SIZE", code: "VISIT_INCOMPLETE", key: "visitForm.error.resultMissing" },
    ]);
  });

  it("puts a signature's error by the signer's name or by the pad", () => {
    const errors = completionErrors(
      formErrors([
        { code: "INVALID_SIGNATURE", field: ["input", "signature", "signedByName"] },
        { code: "INVALID_SIGNATURE", field: ["input", "signature", "imageDataUrl"] },
      ]),
    );
    expect(errors.map((e) => e.field)).toEqual(["signedByName", "signature"]);
  });

  it("puts a refused reading beside that check's size input", () => {
    expect(
      checkErrors("DATABASE_SIZE", formErrors([{ code: "INVALID_INPUT", field: ["input", "databaseSizeMb"] }])),
    ).toEqual([{ field: "size-DATABASE_SIZE", code: "INVALID_INPUT", key: "visitForm.error.size" }]);
    expect(checkErrors("ROUTINES", formErrors([{ code: "VISIT_COMPLETED", field: ["input", "visitId"] }]))).toEqual([
      { field: "visitId", code: "VISIT_COMPLETED" },
    ]);
  });

  it("reads a size as typed on a tablet, and tells a word from an empty field", () => {
    expect(readingOf(" 1 830,5 ")).toBe(1830.5);
    expect(readingOf("")).toBeNull();
    expect(readingOf("många")).toBeNaN();
    expect(readingOf("-3")).toBeNaN();
  });
});
