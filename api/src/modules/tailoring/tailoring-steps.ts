import { tailoringStep } from "../../db/schema/tailoring.js";

/*
 * The one place that says the order of the tailoring's steps and which event finishes which step.
 * The portal renders what the API derives from here (`Tailoring.steps`), it does not re-derive it.
 */

/** The five steps of "Så här gör vi", in order, and DONE after them: the database's enum keeps their order. */
export const STEPS = tailoringStep.enumValues;
export type TailoringStep = (typeof STEPS)[number];
type WorkStep = Exclude<TailoringStep, "DONE">;

/** The five steps without DONE, as they are shown. */
export const WORK_STEPS = STEPS.filter((s): s is WorkStep => s !== "DONE");

export function stepIndex(step: TailoringStep): number {
  return STEPS.indexOf(step);
}

/** 1 for CONTACT … 5 for END_DATE, as the brochure numbers them. */
export function stepNumber(step: WorkStep): number {
  return stepIndex(step) + 1;
}

/** Steps strictly after `from` up to and including `to`, without DONE. */
export function stepsBetween(from: TailoringStep, to: TailoringStep): TailoringStep[] {
  return STEPS.filter((s) => s !== "DONE" && stepIndex(s) > stepIndex(from) && stepIndex(s) <= stepIndex(to));
}

/** Which recorded event finishes each step. */
const FINISHED_BY: Record<WorkStep, string> = {
  CONTACT: "requested",
  REVIEW: "reviewRecorded",
  ACTION_PLAN: "prioritised",
  PRIORITISATION: "prioritiesConfirmed",
  END_DATE: "endDateAgreed",
};

/** Where a step stands; the GraphQL enum is made from this list. */
export const STEP_STATES = ["DONE", "CURRENT", "TO_DO", "TO_REDO"] as const;
type StepState = (typeof STEP_STATES)[number];

export interface StepStatus {
  step: WorkStep;
  number: number;
  state: StepState;
  doneAt: Date | null;
  doneById: string | null;
}

interface StepEvent {
  step: TailoringStep;
  action: string;
  occurredAt: Date;
  actorUserId: string | null;
}

/** The five steps with their state and, for finished ones, the event that finished them last. */
export function stepStatuses(
  t: { currentStep: TailoringStep; stepsToRedo: readonly TailoringStep[] },
  history: readonly StepEvent[],
): StepStatus[] {
  return WORK_STEPS.map((step) => {
    // Step 3 is finished by the first ordering of the plan, which is recorded under step 4.
    const last = [...history]
      .reverse()
      .find((e) => e.action === FINISHED_BY[step] && (step === "ACTION_PLAN" || e.step === step));
    const state: StepState =
      step === t.currentStep
        ? "CURRENT"
        : t.stepsToRedo.includes(step)
          ? "TO_REDO"
          : stepIndex(step) < stepIndex(t.currentStep)
            ? "DONE"
            : "TO_DO";
    const done = state === "DONE";
    return {
      step,
      number: stepNumber(step),
      state,
      doneAt: done ? (last?.occurredAt ?? null) : null,
      doneById: done ? (last?.actorUserId ?? null) : null,
    };
  });
}
