import { describe, expect, it } from "vitest";
import { swedishLocalNow, swedishLocalToIso } from "./dates";

describe("a datetime-local value read as Swedish time", () => {
  it("carries Sweden's offset of that day: +01:00 in winter, +02:00 in summer", () => {
    expect(swedishLocalToIso("2026-01-15T02:30")).toBe("2026-01-15T02:30:00+01:00");
    expect(swedishLocalToIso("2026-07-15T02:30")).toBe("2026-07-15T02:30:00+02:00");
    // Either side of the night the clocks go forward (2026-03-29, 02:00 → 03:00).
    expect(swedishLocalToIso("2026-03-29T01:30")).toBe("2026-03-29T01:30:00+01:00");
    expect(swedishLocalToIso("2026-03-29T04:00")).toBe("2026-03-29T04:00:00+02:00");
  });

  it("is null for what is not such a value", () => {
    for (const bad of ["", "2026-02-30T10:00", "2026-01-15", "2026-01-15 10:00", "idag"])
      expect(swedishLocalToIso(bad)).toBeNull();
  });

  it("round-trips the form's default, now in Sweden, to the same moment to the minute", () => {
    const now = new Date("2026-12-06T06:31:45Z");
    expect(swedishLocalNow(now)).toBe("2026-12-06T07:31");
    expect(Date.parse(swedishLocalToIso(swedishLocalNow(now))!)).toBe(Date.parse("2026-12-06T06:31:00Z"));
  });
});
