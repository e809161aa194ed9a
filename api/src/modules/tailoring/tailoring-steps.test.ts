import { describe, expect, it } from "vitest";
import {
  STEP_STATES,
  STEPS,
  WORK_STEPS,
  stepIndex,
  stepNumber,
  stepStatuses,
  stepsBetween,
  type TailoringStep,
} from "./tailoring-steps.js";

const at = (day: number) => new Date(Date.UTC(2027, 2, day, 9));
const event = (step: TailoringStep, action: string, day: number, actorUserId: string | null = `user-${day}`) => ({
  step,
  action,
  occurredAt: at(day),
  actorUserId,
});

describe("the tailoring's steps", () => {
  it("are the five steps of 'Så här gör vi' in order, numbered 1 to 5 as the brochure does, and DONE after them", () => {
    expect(STEPS).toEqual(["CONTACT", "REVIEW", "ACTION_PLAN", "PRIORITISATION", "END_DATE", "DONE"]);
    expect(WORK_STEPS).toEqual(["CONTACT", "REVIEW", "ACTION_PLAN", "PRIORITISATION", "END_DATE"]);
    expect(WORK_STEPS.map(stepNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(stepIndex("DONE")).toBe(5);
  });

  it("between two steps are those after the first up to and including the second, never DONE", () => {
    expect(stepsBetween("CONTACT", "ACTION_PLAN")).toEqual(["REVIEW", "ACTION_PLAN"]);
    expect(stepsBetween("REVIEW", "DONE")).toEqual(["ACTION_PLAN", "PRIORITISATION", "END_DATE"]);
    expect(stepsBetween("REVIEW", "REVIEW")).toEqual([]);
    expect(stepsBetween("END_DATE", "REVIEW")).toEqual([]);
  });
});

describe("stepStatuses: where a tailoring stands, step by step", () => {
  const history = [
    event("CONTACT", "requested", 1),
    event("REVIEW", "commented", 2),
    event("REVIEW", "reviewRecorded", 3),
    event("REVIEW", "reviewRecorded", 4), // recorded again: the later one counts
    event("PRIORITISATION", "prioritised", 5), // step 3 is finished by the plan's first ordering, under step 4
  ];

  it("shows the steps before the current one done, with the last event that finished each, and those after it to do", () => {
    expect(stepStatuses({ currentStep: "PRIORITISATION", stepsToRedo: [] }, history)).toEqual([
      { step: "CONTACT", number: 1, state: "DONE", doneAt: at(1), doneById: "user-1" },
      { step: "REVIEW", number: 2, state: "DONE", doneAt: at(4), doneById: "user-4" },
      { step: "ACTION_PLAN", number: 3, state: "DONE", doneAt: at(5), doneById: "user-5" },
      { step: "PRIORITISATION", number: 4, state: "CURRENT", doneAt: null, doneById: null },
      { step: "END_DATE", number: 5, state: "TO_DO", doneAt: null, doneById: null },
    ]);
  });

  it("answers only states the GraphQL enum lists (STEP_STATES), and each of them turns up", () => {
    const states = new Set(
      (["CONTACT", "PRIORITISATION", "DONE"] as const).flatMap((currentStep) =>
        stepStatuses({ currentStep, stepsToRedo: ["REVIEW"] }, history).map((s) => s.state),
      ),
    );
    expect([...states].sort()).toEqual([...STEP_STATES].sort());
  });

  it("shows a step sent back as TO_REDO without a done time, and every step done once the tailoring is DONE", () => {
    const finished = [
      ...history,
      event("PRIORITISATION", "prioritiesConfirmed", 6),
      event("END_DATE", "endDateAgreed", 7, null),
    ];
    expect(
      stepStatuses({ currentStep: "END_DATE", stepsToRedo: ["REVIEW"] }, finished).map((s) => [
        s.step,
        s.state,
        s.doneAt,
      ]),
    ).toEqual([
      ["CONTACT", "DONE", at(1)],
      ["REVIEW", "TO_REDO", null],
      ["ACTION_PLAN", "DONE", at(5)],
      ["PRIORITISATION", "DONE", at(6)],
      ["END_DATE", "CURRENT", null],
    ]);
    expect(
      stepStatuses({ currentStep: "DONE", stepsToRedo: [] }, finished).map((s) => [s.state, s.doneAt, s.doneById]),
    ).toEqual([
      ["DONE", at(1), "user-1"],
      ["DONE", at(4), "user-4"],
      ["DONE", at(5), "user-5"],
      ["DONE", at(6), "user-6"],
      ["DONE", at(7), null],
    ]);
  });

  it("counts a finishing event only under its own step (but the plan's ordering under any), and shows a done step without one as done at no known time", () => {
    const misplaced = [event("CONTACT", "reviewRecorded", 2), event("REVIEW", "prioritised", 3)];
    expect(
      stepStatuses({ currentStep: "PRIORITISATION", stepsToRedo: [] }, misplaced).map((s) => [
        s.step,
        s.state,
        s.doneAt,
        s.doneById,
      ]),
    ).toEqual([
      ["CONTACT", "DONE", null, null],
      ["REVIEW", "DONE", null, null],
      ["ACTION_PLAN", "DONE", at(3), "user-3"],
      ["PRIORITISATION", "CURRENT", null, null],
      ["END_DATE", "TO_DO", null, null],
    ]);
  });
});
