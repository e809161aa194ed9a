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

  it("reads the renewal reminder days as a list, nearest last, and refuses a day out of range or given twice", () => {
    expect(parseEnv({}).RENEWAL_REMINDER_DAYS).toEqual([90, 60, 30]);
    expect(parseEnv({ RENEWAL_REMINDER_DAYS: "14, 120,45" }).RENEWAL_REMINDER_DAYS).toEqual([120, 45, 14]);
    expect(() => parseEnv({ RENEWAL_REMINDER_DAYS: "90,0" })).toThrow(/RENEWAL_REMINDER_DAYS: must be whole days/);
    expect(() => parseEnv({ RENEWAL_REMINDER_DAYS: "90,soon" })).toThrow(/RENEWAL_REMINDER_DAYS/);
    expect(() => parseEnv({ RENEWAL_REMINDER_DAYS: "30,30" })).toThrow(
      /RENEWAL_REMINDER_DAYS: must not name a day twice/,
    );
  });
});
