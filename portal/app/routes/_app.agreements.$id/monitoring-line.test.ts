import { describe, expect, it } from "vitest";
import { monitoringLine } from "./monitoring-line";

const check = (state: string, lastPingAt: string | null = null) => ({ state, lastPingAt });

describe("what the agreement says about its monitoring", () => {
  it("promises nothing while no check has reported or every one is paused", () => {
    expect(monitoringLine([])).toEqual({ live: false });
    expect(monitoringLine([check("NEW"), check("PAUSED", "2026-12-01T03:00:00Z")])).toEqual({ live: false });
  });

  it("counts the checks that run, those in trouble, and the last time any was heard", () => {
    const line = monitoringLine([
      check("UP", "2026-12-06T03:12:00Z"),
      check("LATE", "2026-12-05T22:00:00Z"),
      check("DOWN", "2026-12-06T01:00:00Z"),
      check("NEW"),
      check("PAUSED", "2026-12-06T04:00:00Z"),
    ]);
    expect(line).toEqual({ live: true, running: 3, trouble: 2, lastHeard: "2026-12-06T03:12:00Z" });
  });
});
