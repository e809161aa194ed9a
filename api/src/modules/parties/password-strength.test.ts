import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-strength.js";

const pelle = { email: "pelle@nordsak.demo", name: "Pelle Persson" };

describe("a new password", () => {
  it.each([
    ["12 spaces", " ".repeat(12)],
    ["one letter repeated", "aaaaaaaaaaaa"],
    ["the e-mail itself", "pelle@nordsak.demo"],
    ["a keyboard row", "qwertyuiopas"],
    ["a common password made long", "password1234"],
  ])("is refused as too weak: %s", (_, password) => {
    expect(passwordProblem(password, pelle)?.code).toBe("PASSWORD_TOO_WEAK");
  });

  it("is refused below 12 and above 200 characters", () => {
    expect(passwordProblem("kort-ord-9", pelle)?.code).toBe("PASSWORD_TOO_SHORT");
    expect(passwordProblem("x".repeat(201), pelle)?.code).toBe("PASSWORD_TOO_LONG");
  });

  it.each(["trygg-demo-2026", "long-enough-password", "petras-long-password", "correct horse battery staple"])(
    "is accepted when hard to guess: %s",
    (password) => {
      expect(passwordProblem(password, pelle)).toBeNull();
    },
  );
});
