import { describe, expect, it } from "vitest";
import { safeRedirect } from "./session.server";

describe("safeRedirect", () => {
  it.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example",
    "evil",
    "/%0a/x\u0000",
  ])("keeps %j on the portal", (to) => {
    const target = safeRedirect(to);
    expect(new URL(target, "https://portal.example").origin).toBe("https://portal.example");
    expect(target).not.toMatch(/^\/\//);
  });

  it("keeps a path of the portal, with its query", () => {
    expect(safeRedirect("/agreements?status=ACTIVE")).toBe("/agreements?status=ACTIVE");
    expect(safeRedirect(null)).toBe("/");
  });
});
