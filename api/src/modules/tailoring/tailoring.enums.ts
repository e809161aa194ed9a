import { actionItemOwner, actionItemStatus, reviewArea, tailoringStep } from "../../db/schema/index.js";
import { graphqlEnum } from "../../shared/enums.js";
import { STEP_STATES } from "./tailoring-steps.js";
import { TAILORING_PARTIES } from "./tailoring.roles.js";

export const TailoringStep = graphqlEnum(tailoringStep.enumValues, {
  name: "TailoringStep",
  description: 'The five steps of "Vi skräddarsyr tillsammans", and DONE.',
  valuesConfig: {
    CONTACT: { description: "1. Contact your seller." },
    REVIEW: { description: "2. First meeting: a review of the system." },
    ACTION_PLAN: { description: "3. The seller and the customer write an action plan." },
    PRIORITISATION: { description: "4. Prioritise together; the customer confirms the order." },
    END_DATE: { description: "5. Agree an end date; it is the basis for the annual service visit." },
    DONE: { description: "All five steps are done." },
  },
});
export type TailoringStep = (typeof TailoringStep)[keyof typeof TailoringStep];

export const ActionItemOwner = graphqlEnum(actionItemOwner.enumValues, {
  name: "ActionItemOwner",
  description: "Who carries out an action item.",
  valuesConfig: {
    VENDOR: { description: "The vendor (Aptus)." },
    PARTNER: { description: "The partner / installer." },
    CUSTOMER: { description: "The customer." },
  },
});
export type ActionItemOwner = (typeof ActionItemOwner)[keyof typeof ActionItemOwner];

export const ActionItemStatus = graphqlEnum(actionItemStatus.enumValues, {
  name: "ActionItemStatus",
  description: "Progress of an action item.",
  valuesConfig: {
    OPEN: { description: "Not started." },
    IN_PROGRESS: { description: "Being worked on." },
    DONE: { description: "Done." },
    DROPPED: { description: "Decided against; not counted in progress." },
  },
});
export type ActionItemStatus = (typeof ActionItemStatus)[keyof typeof ActionItemStatus];

export const ReviewArea = graphqlEnum(reviewArea.enumValues, {
  name: "ReviewArea",
  description: "What a system-review finding is about.",
  valuesConfig: {
    DATABASE: { description: "The database." },
    ROUTINES: { description: "Routines." },
    HARDWARE_AND_VERSIONS: { description: "Hardware and program versions." },
    BACKUPS: { description: "Backups." },
    OTHER: { description: "Anything else." },
  },
});
export type ReviewArea = (typeof ReviewArea)[keyof typeof ReviewArea];

export const Party = graphqlEnum(TAILORING_PARTIES, {
  name: "Party",
  description: "A side of the tailoring.",
  valuesConfig: { VENDOR: { description: "The vendor's seller." }, CUSTOMER: { description: "The customer." } },
});
export type Party = (typeof Party)[keyof typeof Party];

export const StepState = graphqlEnum(STEP_STATES, {
  name: "StepState",
  description: "Where a step stands.",
  valuesConfig: {
    DONE: { description: "Finished." },
    CURRENT: { description: "To be done now." },
    TO_DO: { description: "Not reached yet." },
    TO_REDO: { description: "Finished once, but an earlier step was reopened: to be done again." },
  },
});
export type StepState = (typeof StepState)[keyof typeof StepState];
