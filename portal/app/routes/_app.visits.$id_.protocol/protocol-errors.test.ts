import { describe, expect, it } from "vitest";
import { formErrors } from "~/lib/form-result";
import { batchErrors, completionErrors, readingOf } from "./protocol-errors";

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

  it("puts a refused check of the one batch save beside that check, by the index the API names", () => {
    const sent = ["ROUTINES", "DATABASE_SIZE"] as const;
    expect(
      batchErrors(sent, formErrors([{ code: "INVALID_INPUT", field: ["input", "checks", "1", "databaseSizeMb"] }])),
    ).toEqual([{ field: "size-DATABASE_SIZE", code: "INVALID_INPUT", key: "visitForm.error.size" }]);
    expect(
      batchErrors(sent, formErrors([{ code: "INVALID_INPUT", field: ["input", "checks", "0", "result"] }])),
    ).toEqual([{ field: "result-ROUTINES", code: "INVALID_INPUT" }]);
    // The whole save's refusals stay above the form.
    expect(batchErrors(sent, formErrors([{ code: "STALE_VERSION", field: ["input", "expectedVersion"] }]))).toEqual([
      { field: "expectedVersion", code: "STALE_VERSION", key: "visitForm.error.STALE_VERSION" },
    ]);
  });

  it("reads a size as typed on a tablet, and tells a word from an empty field", () => {
    expect(readingOf(" 1 830,5 ")).toBe(1830.5);
    expect(readingOf("")).toBeNull();
    expect(readingOf("många")).toBeNaN();
    expect(readingOf("-3")).toBeNaN();
  });
});
