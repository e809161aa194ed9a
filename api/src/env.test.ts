import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.js";

describe("settings", () => {
  it("has working defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.API_PORT).toBe(4000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TRYGG_DATA_DIR).toBe(".data");
  });

  it("stops with a message naming each bad setting", () => {
    expect(() => parseEnv({ API_PORT: "not-a-port", DATABASE_URL: "mysql://x" })).toThrow(
      /API_PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*API_PORT/,
    );
    expect(() => parseEnv({ TRYGG_ADMIN_EMAIL: "admin@example.com" })).toThrow(/TRYGG_ADMIN_PASSWORD/);
    expect(() => parseEnv({ TRYGG_ADMIN_EMAIL: "admin@example.com", TRYGG_ADMIN_PASSWORD: "short" })).toThrow(
      /TRYGG_ADMIN_PASSWORD: must be at least 12/,
    );
  });
});
