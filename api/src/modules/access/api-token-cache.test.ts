import { describe, expect, it } from "vitest";
import type { Viewer } from "../../shared/viewer.js";
import { ApiTokenCache } from "./api-token-cache.js";

const viewer: Omit<Viewer, "requestId"> = {
  userId: "u1",
  name: "Petra",
  email: "petra@partner.example",
  role: "PARTNER_ADMIN",
  organisationId: "o1",
  organisationKind: "PARTNER",
  sessionId: null,
  apiTokenId: "t1",
};
const T0 = Date.parse("2027-03-01T12:00:00Z");

function cached(seconds = 30) {
  const cache = new ApiTokenCache(seconds * 1000);
  cache.store("hash", viewer, { generation: cache.begin(), now: T0, tokenExpiresAt: null });
  return cache;
}

describe("the API token cache", () => {
  it("answers a looked-up token for its time limit, then asks the database again", () => {
    const cache = cached(30);
    expect(cache.get("hash", T0 + 29_999)).toEqual(viewer);
    expect(cache.get("hash", T0 + 30_000)).toBeNull();
  });

  it("never answers a token past the token's own expiry", () => {
    const cache = new ApiTokenCache(30_000);
    cache.store("hash", viewer, { generation: cache.begin(), now: T0, tokenExpiresAt: new Date(T0 + 5_000) });
    expect(cache.get("hash", T0 + 4_999)).toEqual(viewer);
    expect(cache.get("hash", T0 + 5_000)).toBeNull();
  });

  it("forgets a revoked token and every token of a user whose access changed", () => {
    const cache = cached();
    cache.forgetToken("t1");
    expect(cache.get("hash", T0)).toBeNull();
    const other = cached();
    other.forgetUser("u1");
    expect(other.get("hash", T0)).toBeNull();
  });

  it("does not keep what a lookup read before a revocation committed", () => {
    const cache = new ApiTokenCache(30_000);
    const generation = cache.begin();
    cache.forgetToken("t1");
    cache.store("hash", viewer, { generation, now: T0, tokenExpiresAt: null });
    expect(cache.get("hash", T0)).toBeNull();
  });

  it("keeps nothing when set to 0 seconds", () => {
    const cache = cached(30);
    cache.setSeconds(0);
    cache.store("hash", viewer, { generation: cache.begin(), now: T0, tokenExpiresAt: null });
    expect(cache.get("hash", T0)).toBeNull();
  });
});
