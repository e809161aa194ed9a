import { describe, expect, it } from "vitest";
import { DEV_SESSION_SECRET, InvalidSettingsError, parsePortalEnv } from "./env.server";

const SECRET = "x".repeat(40);

describe("the portal's settings", () => {
  it("refuses the development session secret in production, also when nothing is set", () => {
    expect(() => parsePortalEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET/);
    expect(() => parsePortalEnv({ NODE_ENV: "production", SESSION_SECRET: DEV_SESSION_SECRET })).toThrow(
      InvalidSettingsError,
    );
    expect(parsePortalEnv({ NODE_ENV: "production", SESSION_SECRET: SECRET }).SESSION_SECRET).toEqual([SECRET]);
  });

  it("keeps the development secret for a developer's machine", () => {
    expect(parsePortalEnv({}).SESSION_SECRET).toEqual([DEV_SESSION_SECRET]);
  });

  it("names the setting that is wrong", () => {
    expect(() => parsePortalEnv({ SESSION_SECRET: "short" })).toThrow(
      /SESSION_SECRET[.0]*: must be at least 32 characters/,
    );
    expect(() => parsePortalEnv({ TRYGG_API_URL: "ftp://api" })).toThrow(/TRYGG_API_URL/);
    expect(() => parsePortalEnv({ PORT: "http" })).toThrow(/PORT/);
  });

  it("reads rotated secrets and the trusted proxies", () => {
    const settings = parsePortalEnv({ SESSION_SECRET: `${SECRET}, ${"y".repeat(40)}`, PORTAL_TRUST_PROXY: "false" });
    expect(settings.SESSION_SECRET).toHaveLength(2);
    expect(settings.PORTAL_TRUST_PROXY).toBe(false);
    expect(parsePortalEnv({}).PORTAL_TRUST_PROXY).toBe("loopback");
  });
});
