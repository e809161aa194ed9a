import { describe, expect, it } from "vitest";
import { swedishWallClock, swedishWallClockToInstant } from "./dates";

const iso = (value: string) => swedishWallClockToInstant(value)?.toISOString() ?? null;

describe("Swedish wall-clock times from a datetime-local input", () => {
  it("reads winter and summer times in Swedish time, whatever the server's zone", () => {
    expect(iso("2026-01-15T10:00")).toBe("2026-01-15T09:00:00.000Z");
    expect(iso("2026-07-15T10:00")).toBe("2026-07-15T08:00:00.000Z");
  });

  it("on the spring night (2026-03-29) reads 03:00 as CEST and the missing 02:30 as the hour after", () => {
    expect(iso("2026-03-29T01:30")).toBe("2026-03-29T00:30:00.000Z");
    expect(iso("2026-03-29T03:00")).toBe("2026-03-29T01:00:00.000Z");
    expect(iso("2026-03-29T02:30")).toBe("2026-03-29T01:30:00.000Z");
  });

  it("on the autumn night (2026-10-25) reads the hours either side of the change right", () => {
    expect(iso("2026-10-25T01:30")).toBe("2026-10-24T23:30:00.000Z");
    expect(iso("2026-10-25T04:00")).toBe("2026-10-25T03:00:00.000Z");
  });

  it("refuses what is not a date and time", () => {
    expect(iso("")).toBeNull();
    expect(iso("2026-02-30T10:00")).toBeNull();
    expect(iso("2026-01-15 10:00")).toBeNull();
  });

  it("writes an instant back as the input's value", () => {
    expect(swedishWallClock(new Date("2026-07-15T08:00:00Z"))).toBe("2026-07-15T10:00");
  });
});
