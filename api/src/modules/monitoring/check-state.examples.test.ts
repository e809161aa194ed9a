import { describe, expect, it } from "vitest";
import { applyCheckEvent, catchUp, newCheckFacts, resettle } from "./check-state.js";

// Paths the random properties in check-state.test.ts reach too seldom to pin (mutation testing,
// decision 0041): each example names the rule it holds.
const T0 = Date.parse("2026-06-01T08:00:00Z");
const MIN = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MIN);

describe("check state examples", () => {
  it("judges a DOWN check part-way back at the end of its grace, and a missed signal starts the recovery over", () => {
    const start = newCheckFacts({
      schedule: { kind: "PERIOD", periodSeconds: 600 },
      graceSeconds: 300,
      runGraceSeconds: 3600,
      failureThreshold: 1,
      successThreshold: 2,
    });
    const up = applyCheckEvent(start, { type: "SUCCESS", at: at(0) }).facts;
    const down = catchUp(up, at(30));
    expect(down.flips.map((f) => [f.to, +f.at])).toEqual([
      ["LATE", +at(10)],
      ["DOWN", +at(15)],
    ]);
    expect(down.facts.alertAfter).toBeNull();

    const halfway = applyCheckEvent(down.facts, { type: "SUCCESS", at: at(40) });
    expect(halfway.flips).toEqual([]);
    expect(halfway.facts).toMatchObject({ state: "DOWN", successStreak: 1 });
    expect(halfway.facts.alertAfter).toEqual(at(55));

    const missed = catchUp(halfway.facts, at(60));
    expect(missed.flips).toEqual([]);
    expect(missed.facts).toMatchObject({ state: "DOWN", successStreak: 0, expectedAt: null, alertAfter: null });
  });

  it("ignores a deadline that is not the stored one: a second sweeper's stale copy changes nothing", () => {
    const start = newCheckFacts({
      schedule: { kind: "PERIOD", periodSeconds: 600 },
      graceSeconds: 300,
      runGraceSeconds: 3600,
    });
    const up = applyCheckEvent(start, { type: "SUCCESS", at: at(0) }).facts;
    expect(up.alertAfter).toEqual(at(10));
    const stale = applyCheckEvent(up, { type: "DEADLINE", at: at(9) });
    expect(stale).toEqual({ facts: up, flips: [] });
  });

  it("fails a run that started and never finished at the end of its run grace, with that reason", () => {
    const start = newCheckFacts({
      schedule: { kind: "CRON", expression: "0 2 * * *", timeZone: "Europe/Stockholm" },
      graceSeconds: 600,
      runGraceSeconds: 3600,
    });
    const startedAt = new Date("2026-06-02T00:00:00Z"); // 02:00 in Stockholm (CEST)
    const up = applyCheckEvent(start, { type: "SUCCESS", at: new Date("2026-06-01T00:05:00Z") }).facts;
    const running = applyCheckEvent(up, { type: "START", at: startedAt }).facts;
    expect(running.alertAfter).toEqual(new Date(+startedAt + 3600_000));
    const never = catchUp(running, new Date(+startedAt + 2 * 3600_000));
    expect(never.flips.map((f) => [f.to, +f.at, f.reason])).toEqual([
      ["DOWN", +startedAt + 3600_000, "NEVER_FINISHED"],
    ]);
    expect(never.facts.startedAt).toBeNull();
  });

  it("a pause clears the streaks, the expected moment and the run, and a resume waits for a first signal", () => {
    const start = newCheckFacts({
      schedule: { kind: "PERIOD", periodSeconds: 600 },
      graceSeconds: 0,
      runGraceSeconds: 60,
    });
    const running = applyCheckEvent(applyCheckEvent(start, { type: "SUCCESS", at: at(0) }).facts, {
      type: "START",
      at: at(1),
    });
    const paused = applyCheckEvent(running.facts, { type: "PAUSE", at: at(2) }).facts;
    expect(paused).toMatchObject({
      state: "PAUSED",
      failureStreak: 0,
      successStreak: 0,
      expectedAt: null,
      startedAt: null,
      alertAfter: null,
    });
    const resumed = applyCheckEvent(paused, { type: "RESUME", at: at(3) });
    expect(resumed.facts.state).toBe("NEW");
    expect(resumed.flips.map((f) => f.to)).toEqual(["NEW"]);
    expect(applyCheckEvent(resumed.facts, { type: "RESUME", at: at(4) })).toEqual({ facts: resumed.facts, flips: [] });
  });

  it("gives a DOWN check that fails again no deadline: it waits for a signal, whether or not a recovery was under way", () => {
    const start = newCheckFacts({
      schedule: { kind: "PERIOD", periodSeconds: 600 },
      graceSeconds: 300,
      runGraceSeconds: 3600,
      failureThreshold: 1,
      successThreshold: 2,
    });
    const up = applyCheckEvent(start, { type: "SUCCESS", at: at(0) }).facts;
    const down = applyCheckEvent(up, { type: "FAIL", at: at(1), reason: "FAILED" });
    expect(down.flips.map((f) => f.to)).toEqual(["DOWN"]);
    expect(down.facts).toMatchObject({ state: "DOWN", successStreak: 0, expectedAt: at(11), alertAfter: null });
    const halfway = applyCheckEvent(down.facts, { type: "SUCCESS", at: at(2) }).facts;
    expect(halfway).toMatchObject({ state: "DOWN", successStreak: 1, alertAfter: at(17) });
    const broken = applyCheckEvent(halfway, { type: "FAIL", at: at(3), reason: "FAILED" });
    expect(broken.flips).toEqual([]);
    expect(broken.facts).toMatchObject({ state: "DOWN", successStreak: 0, expectedAt: at(13), alertAfter: null });
  });

  it("leaves a check that is not paused as it is when resumed", () => {
    const start = newCheckFacts({
      schedule: { kind: "PERIOD", periodSeconds: 600 },
      graceSeconds: 300,
      runGraceSeconds: 60,
    });
    const up = applyCheckEvent(start, { type: "SUCCESS", at: at(0) }).facts;
    expect(applyCheckEvent(up, { type: "RESUME", at: at(1) })).toEqual({ facts: up, flips: [] });
    const late = catchUp(up, at(11)).facts;
    expect(late.state).toBe("LATE");
    expect(applyCheckEvent(late, { type: "RESUME", at: at(12) })).toEqual({ facts: late, flips: [] });
  });

  it("catches up at most `limit` deadlines in one go; the rest stay due for the next sweep", () => {
    const start = newCheckFacts({
      schedule: { kind: "PERIOD", periodSeconds: 60 },
      graceSeconds: 0,
      runGraceSeconds: 60,
      failureThreshold: 4,
    });
    const up = applyCheckEvent(start, { type: "SUCCESS", at: at(0) }).facts;
    const some = catchUp(up, at(600), 3);
    // LATE at 1 min, then a missed signal at 1 and at 2 min: three deadlines.
    expect(some.facts).toMatchObject({ state: "LATE", failureStreak: 2 });
    expect(+some.facts.alertAfter!).toBeLessThan(+at(600));
  });

  it("follows changed settings at once: a longer period from the last signal, a longer grace, never a deadline already past; a LATE check keeps the moment it missed", () => {
    const settings = { graceSeconds: 300, runGraceSeconds: 3600, failureThreshold: 2, successThreshold: 1 };
    const up = applyCheckEvent(newCheckFacts({ schedule: { kind: "PERIOD", periodSeconds: 300 }, ...settings }), {
      type: "SUCCESS",
      at: at(0),
    }).facts;
    const daily = resettle({ ...up, schedule: { kind: "PERIOD", periodSeconds: 86_400 } }, at(0), at(3));
    expect(daily).toMatchObject({ state: "UP", expectedAt: at(24 * 60), alertAfter: at(24 * 60) });
    expect(catchUp(daily, at(60)).flips).toEqual([]);

    // Shorter than the time since the last signal: due now, not back when the new period ran out.
    const minute = resettle({ ...up, schedule: { kind: "PERIOD", periodSeconds: 60 } }, at(0), at(3));
    expect(minute).toMatchObject({ expectedAt: at(1), alertAfter: at(3) });
    expect(catchUp(minute, at(4)).flips.map((f) => [f.to, +f.at])).toEqual([["LATE", +at(3)]]);

    const late = catchUp(up, at(6)).facts;
    expect(late).toMatchObject({ state: "LATE", expectedAt: at(5), alertAfter: at(10) });
    expect(resettle({ ...late, graceSeconds: 3600 }, at(0), at(7))).toMatchObject({
      state: "LATE",
      alertAfter: at(65),
    });
    expect(resettle({ ...late, state: "PAUSED" }, at(0), at(7)).alertAfter).toBeNull();
    // Only an UP check's next moment follows the new schedule: a LATE one is judged on the moment it missed.
    expect(resettle({ ...late, schedule: { kind: "PERIOD", periodSeconds: 60 } }, at(0), at(7))).toMatchObject({
      state: "LATE",
      expectedAt: at(5),
      alertAfter: at(10),
    });
  });
});
