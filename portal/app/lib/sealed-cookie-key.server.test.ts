import { hkdfSync } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { seal, unseal } from "./sealed-cookie.server";

// Counts key derivations; the derivation itself is node's.
vi.mock("node:crypto", async (original) => {
  const crypto = await original<typeof import("node:crypto")>();
  return { ...crypto, hkdfSync: vi.fn(crypto.hkdfSync) };
});

describe("the session cookie's key", () => {
  it("is derived once per secret, not on every read of the cookie", () => {
    const secret = "k".repeat(40);
    const other = "m".repeat(40);
    for (let i = 0; i < 5; i++) expect(unseal([secret], seal([secret], `lang=sv;${i}`))).toBe(`lang=sv;${i}`);
    expect(unseal([other], seal([secret], "lang=en"))).toBeUndefined();
    expect(vi.mocked(hkdfSync)).toHaveBeenCalledTimes(2);
  });
});
