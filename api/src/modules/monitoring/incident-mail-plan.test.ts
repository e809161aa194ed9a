import { describe, expect, it } from "vitest";
import { dueIncidentMail, type SentIncidentMail } from "./incident-mail-plan.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const settings = { waitMs: 5 * MIN, reminderMs: 24 * HOUR };
const start = new Date("2026-12-06T06:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const open = { startedAt: start, resolvedAt: null };
const started: SentIncidentMail = { occasion: "STARTED", sequence: 0 };

describe("which mail an incident is due", () => {
  it("sends nothing inside the grouping wait, and the first mail once the wait is over", () => {
    expect(dueIncidentMail(open, [], at(5 * MIN - 1), settings)).toBeNull();
    expect(dueIncidentMail(open, [], at(5 * MIN), settings)).toEqual({ occasion: "STARTED", sequence: 0 });
  });

  it("sends nothing for a blip that healed within the wait, however late it is looked at", () => {
    const blip = { startedAt: start, resolvedAt: at(4 * MIN) };
    expect(dueIncidentMail(blip, [], at(4 * MIN), settings)).toBeNull();
    expect(dueIncidentMail(blip, [], at(3 * HOUR), settings)).toBeNull();
  });

  it("reminds once per interval while still down, numbered from the first mail, and never twice for one interval", () => {
    expect(dueIncidentMail(open, [started], at(5 * MIN + 24 * HOUR - 1), settings)).toBeNull();
    expect(dueIncidentMail(open, [started], at(5 * MIN + 24 * HOUR), settings)).toEqual({
      occasion: "REMINDER",
      sequence: 1,
    });
    const reminded = [started, { occasion: "REMINDER", sequence: 1 } as const];
    expect(dueIncidentMail(open, reminded, at(30 * HOUR), settings)).toBeNull();
    // A sweeper away for three days sends the latest reminder only, not the ones it missed.
    expect(dueIncidentMail(open, reminded, at(5 * MIN + 96 * HOUR), settings)).toEqual({
      occasion: "REMINDER",
      sequence: 4,
    });
  });

  it("sends the back-up mail once after a mail went out, and not again", () => {
    const over = { startedAt: start, resolvedAt: at(2 * HOUR) };
    expect(dueIncidentMail(over, [started], at(2 * HOUR), settings)).toEqual({ occasion: "RECOVERED", sequence: 0 });
    expect(dueIncidentMail(over, [started, { occasion: "RECOVERED", sequence: 0 }], at(3 * HOUR), settings)).toBeNull();
  });

  it("sends only the back-up mail for an outage longer than the wait that was already over when first looked at", () => {
    const over = { startedAt: start, resolvedAt: at(20 * MIN) };
    expect(dueIncidentMail(over, [], at(HOUR), settings)).toEqual({ occasion: "RECOVERED", sequence: 0 });
  });

  it("with reminders off (interval 0) sends the first and the back-up mail only", () => {
    const off = { ...settings, reminderMs: 0 };
    expect(dueIncidentMail(open, [started], at(30 * 24 * HOUR), off)).toBeNull();
  });
});
