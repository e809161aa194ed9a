export type TailoringStep = "CONTACT" | "REVIEW" | "ACTION_PLAN" | "PRIORITISATION" | "END_DATE" | "DONE";

/** The five steps of "Så här gör vi", in order, and DONE after them. */
export const STEPS: readonly TailoringStep[] = ["CONTACT", "REVIEW", "ACTION_PLAN", "PRIORITISATION", "END_DATE", "DONE"];

export function stepIndex(step: TailoringStep): number {
  return STEPS.indexOf(step);
}


/** Steps strictly after `from` up to and including `to`, without DONE. */
export function stepsBetween(from: TailoringStep, to: TailoringStep): TailoringStep[] {
  return STEPS.filter((s) => s !== "DONE" && stepIndex(s) > stepIndex(from) && stepIndex(s) <= stepIndex(to));
}
