import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectErrorCodes, documentedCodes, partnerDoc } from "./error-codes.js";

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
