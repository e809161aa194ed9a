import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectErrorCodes, documentedCodes, partnerDoc, portalMessages } from "./error-codes.js";

describe("the partner documentation's error codes", () => {
  it("finds the codes in the code, from the errors files and literal userError calls", () => {
    const codes = collectErrorCodes();
    expect(codes.get("HANTERA_QUOTA_REACHED")).toEqual(new Set(["agreements"]));
    expect(codes.get("NOT_A_SESSION")).toEqual(new Set(["access"]));
    expect(codes.get("QUERY_TOO_LONG")).toEqual(new Set(["search"]));
  });

  it("lists every code the API can answer (run `npx tsx api/src/scripts/error-codes.ts --missing`)", () => {
    const documented = documentedCodes(readFileSync(partnerDoc, "utf8"));
    const missing = [...collectErrorCodes().keys()].filter((code) => !documented.has(code));
    expect(missing).toEqual([]);
  });
});

describe("the portal's words for the error codes", () => {
  // The portal shows a userError by its code (`userError.CODE`), never the API's English message:
  // a code without Swedish words would reach a customer as a vague generic line.
  it.each(["sv", "en"] as const)("has a %s text for every code the API can answer", (lang) => {
    const messages = JSON.parse(readFileSync(portalMessages(lang), "utf8")) as Record<string, string>;
    const missing = [...collectErrorCodes().keys()].filter((code) => !messages[`userError.${code}`]?.trim());
    expect(missing).toEqual([]);
  });
});
