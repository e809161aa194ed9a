import { describe, expect, it } from "vitest";
import { MAX_TEXT_LENGTH, textProblem } from "./text-rule.js";

describe("the text rule", () => {
  it.each([
    ["Brf Linnéa 2 – åäö 🚪", null],
    ["line one\nline two\tand a tab\r\n", null],
    ["nul\u0000inside", "contains a control character"],
    ["bell\u0007", "contains a control character"],
    ["c1\u0085", "contains a control character"],
    ["lone \uD800 high", "is not valid Unicode (a lone surrogate)"],
    ["lone \uDC00 low", "is not valid Unicode (a lone surrogate)"],
    ["x".repeat(MAX_TEXT_LENGTH + 1), `is longer than ${MAX_TEXT_LENGTH} characters`],
  ])("judges %j", (value, problem) => {
    expect(textProblem(value)).toBe(problem);
  });

  it("lets a file sent as text (base64, a data URL) be longer than prose, but still refuses control characters in it", () => {
    const signature = `data:image/png;base64,${"A".repeat(MAX_TEXT_LENGTH * 3)}`;
    expect(textProblem(signature)).toBe(`is longer than ${MAX_TEXT_LENGTH} characters`);
    expect(textProblem(signature, { encodedFile: true })).toBeNull();
    expect(textProblem("QUJD\u0000", { encodedFile: true })).toBe("contains a control character");
  });
});
