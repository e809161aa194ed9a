import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CheckSchedule } from "./check-schedule.js";
import { applyCheckEvent, catchUp, newCheckFacts, type CheckFacts, type Flip } from "./check-state.js";

const T0 = Date.parse("2026-03-28T20:00:00Z"); // a DST night follows: schedules cross it
const MIN = 60_000;

type Signal = "SUCCESS" | "FAIL" | "START";
type Action = { kind: "ping"; signal: Signal; afterMs: number } | { kind: "sweep"; afterMs: number };

/** What the ping route does: the deadlines up to the ping first, then the ping itself. */
function ping(facts: CheckFacts, signal: Signal, at: Date) {
  const caught = catchUp(facts, at);
  const s =
    signal === "FAIL"
      ? applyCheckEvent(caught.facts, { type: "FAIL", at, reason: "FAILED" })
      : applyCheckEvent(caught.facts, { type: signal, at });
  return { facts: s.facts, flips: [...caught.flips, ...s.flips] };
}

function run(start: CheckFacts, actions: Action[], sweeps: boolean, endAfterMs = 0) {
  let facts = start;
  const flips: Flip[] = [];
  let now = T0;
  for (const a of actions) {
    now += a.afterMs;
    if (a.kind === "ping") {
      const s = ping(facts, a.signal, new Date(now));
      facts = s.facts;
      flips.push(...s.flips);
    } else if (sweeps) {
      const s = catchUp(facts, new Date(now));
      facts = s.facts;
      flips.push(...s.flips);
    }
  }
  const end = catchUp(facts, new Date(now + endAfterMs), 100_000);
  return { facts: end.facts, flips: [...flips, ...end.flips], end: now + endAfterMs };
}

const schedules = fc.oneof(
  fc.integer({ min: 1, max: 120 }).map((m): CheckSchedule => ({ kind: "PERIOD", periodSeconds: m * 60 })),
  fc
    .constantFrom("*/15 * * * *", "0 * * * *", "0 2 * * *", "30 2 * * *")
    .map((expression): CheckSchedule => ({ kind: "CRON", expression, timeZone: "Europe/Stockholm" })),
);

const checks = fc
  .record({
    schedule: schedules,
    graceSeconds: fc.integer({ min: 0, max: 7200 }),
    runGraceSeconds: fc.integer({ min: 60, max: 7200 }),
    failureThreshold: fc.integer({ min: 1, max: 4 }),
    successThreshold: fc.integer({ min: 1, max: 4 }),
  })
  .map((c) => newCheckFacts(c));

const actions = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant("ping" as const),
      signal: fc.constantFrom<Signal>("SUCCESS", "SUCCESS", "FAIL", "START"),
      afterMs: fc.integer({ min: 0, max: 240 * MIN }),
    }),
    fc.record({ kind: fc.constant("sweep" as const), afterMs: fc.integer({ min: 0, max: 240 * MIN }) }),
  ),
  { maxLength: 60 },
);

const show = (flips: Flip[]) => flips.map((f) => `${f.from}>${f.to}@${f.at.toISOString()}:${f.reason ?? ""}`);

describe("check state machine", () => {
  it("dates every flip by when it happened, however often or late the sweeper runs", () => {
    fc.assert(
      fc.property(checks, actions, (check, list) => {
        expect(show(run(check, list, true).flips)).toEqual(show(run(check, list, false).flips));
      }),
      { numRuns: 400 },
    );
  });

  it("never opens two incidents for one outage: flips into and out of DOWN alternate", () => {
    fc.assert(
      fc.property(checks, actions, fc.integer({ min: 0, max: 3 * 24 * 60 * MIN }), (check, list, tail) => {
        const { flips } = run(check, list, true, tail);
        const downs = flips.filter((f) => f.to === "DOWN" || f.from === "DOWN").map((f) => f.to === "DOWN");
        downs.forEach((intoDown, i) => expect(intoDown).toBe(i % 2 === 0));
      }),
      { numRuns: 400 },
    );
  });

  it("never misses one: a watched check that falls silent ends DOWN, dated within a schedule of the silence", () => {
    fc.assert(
      fc.property(checks, actions, (check, list) => {
        const pinged = list.some((a) => a.kind === "ping");
        const { facts, flips, end } = run(check, list, true, 30 * 24 * 60 * MIN);
        expect(facts.state).toBe(pinged ? "DOWN" : "NEW");
        if (pinged) expect(flips.at(-1)!.at.getTime()).toBeLessThan(end);
      }),
      { numRuns: 400 },
    );
  });

  it("holds the failure and success thresholds exactly, against a plain count of signals", () => {
    // A period of a year: no deadline falls inside the run, only the signals count.
    const yearly = { kind: "PERIOD", periodSeconds: 31_536_000 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.constantFrom<Signal>("SUCCESS", "FAIL"), { maxLength: 80 }),
        (failureThreshold, successThreshold, signals) => {
          const check = newCheckFacts({
            schedule: yearly,
            graceSeconds: 60,
            runGraceSeconds: 60,
            failureThreshold,
            successThreshold,
          });
          const list = signals.map((signal): Action => ({ kind: "ping", signal, afterMs: MIN }));
          const expected: string[] = [];
          let down = false;
          let fails = 0;
          let oks = 0;
          signals.forEach((s, i) => {
            const at = new Date(T0 + (i + 1) * MIN).toISOString();
            if (s === "FAIL") {
              oks = 0;
              if (!down && ++fails >= failureThreshold) {
                down = true;
                expected.push(`DOWN@${at}`);
              }
            } else if (down) {
              if (++oks >= successThreshold) {
                down = false;
                fails = 0;
                oks = 0;
                expected.push(`UP@${at}`);
              }
            } else fails = 0;
          });
          const got = run(check, list, true).flips.filter((f) => f.to === "DOWN" || f.from === "DOWN");
          expect(got.map((f) => `${f.to}@${f.at.toISOString()}`)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("puts a heartbeat DOWN at two missed periods plus grace, dated then, not when the sweeper looked", () => {
    const check = newCheckFacts({
      schedule: { kind: "PERIOD", periodSeconds: 600 },
      graceSeconds: 120,
      runGraceSeconds: 600,
    });
    const { flips } = run(check, [{ kind: "ping", signal: "SUCCESS", afterMs: 0 }], true, 5 * 60 * MIN);
    expect(show(flips)).toEqual([
      "NEW>UP@2026-03-28T20:00:00.000Z:",
      "UP>LATE@2026-03-28T20:10:00.000Z:MISSED",
      "LATE>DOWN@2026-03-28T20:22:00.000Z:MISSED",
    ]);
  });

  it("fails a run that started and never finished after its run grace", () => {
    const check = newCheckFacts({
      schedule: { kind: "CRON", expression: "0 2 * * *", timeZone: "Europe/Stockholm" },
      graceSeconds: 3600,
      runGraceSeconds: 1800,
    });
    const { flips } = run(
      check,
      [
        { kind: "ping", signal: "SUCCESS", afterMs: 0 },
        { kind: "ping", signal: "START", afterMs: 5 * 60 * MIN },
      ],
      true,
      60 * MIN,
    );
    expect(show(flips).at(-1)).toBe("UP>DOWN@2026-03-29T01:30:00.000Z:NEVER_FINISHED");
  });

  it("judges nothing while paused and waits for a first signal after resuming", () => {
    const check = newCheckFacts({
      schedule: { kind: "PERIOD", periodSeconds: 600 },
      graceSeconds: 0,
      runGraceSeconds: 600,
    });
    const up = ping(check, "SUCCESS", new Date(T0)).facts;
    const paused = applyCheckEvent(up, { type: "PAUSE", at: new Date(T0 + MIN) }).facts;
    expect(paused.alertAfter).toBeNull();
    expect(ping(paused, "FAIL", new Date(T0 + 2 * MIN)).flips).toEqual([]);
    const resumed = applyCheckEvent(paused, { type: "RESUME", at: new Date(T0 + 3 * MIN) }).facts;
    expect(resumed.state).toBe("NEW");
    expect(catchUp(resumed, new Date(T0 + 1000 * MIN)).flips).toEqual([]);
  });
});
