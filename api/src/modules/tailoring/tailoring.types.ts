import { ArrayMaxSize, Length, MaxLength, Min } from "class-validator";
import { DateTimeResolver, JSONObjectResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "../../shared/connection.js";
import { toGlobalId } from "../../shared/ids.js";
import { PayloadType } from "../../shared/payload.js";
import { DateScalar, Money, MoneyInput } from "../../shared/scalars.js";
import { Node } from "../../shared/node.js";
import type { StepStatus as StepStatusRow } from "./tailoring-steps.js";
import type { ActionItemRow, ActionPlanRow, SystemReviewRow, TailoringEventRow, TailoringRow } from "./tailoring.service.js";

export enum TailoringStep {
  CONTACT = "CONTACT",
  REVIEW = "REVIEW",
  ACTION_PLAN = "ACTION_PLAN",
  PRIORITISATION = "PRIORITISATION",
  END_DATE = "END_DATE",
  DONE = "DONE",
}
registerEnumType(TailoringStep, {
  name: "TailoringStep",
  description: "The five steps of \"Vi skräddarsyr tillsammans\", and DONE.",
  valuesConfig: {
    CONTACT: { description: "1. Contact your seller." },
    REVIEW: { description: "2. First meeting: a review of the system." },
    ACTION_PLAN: { description: "3. The seller and the customer write an action plan." },
    PRIORITISATION: { description: "4. Prioritise together; the customer confirms the order." },
    END_DATE: { description: "5. Agree an end date; it is the basis for the annual service visit." },
    DONE: { description: "All five steps are done." },
  },
});

export enum ActionItemOwner {
  VENDOR = "VENDOR",
  PARTNER = "PARTNER",
  CUSTOMER = "CUSTOMER",
}
registerEnumType(ActionItemOwner, { name: "ActionItemOwner", description: "Who carries out an action item.", valuesConfig: { VENDOR: { description: "The vendor (Aptus)." }, PARTNER: { description: "The partner / installer." }, CUSTOMER: { description: "The customer." } } });

export enum ActionItemStatus {
  OPEN = "OPEN",
  IN_PROGRESS = "IN_PROGRESS",
  DONE = "DONE",
  DROPPED = "DROPPED",
}
registerEnumType(ActionItemStatus, {
  name: "ActionItemStatus",
  description: "Progress of an action item.",
  valuesConfig: { OPEN: { description: "Not started." }, IN_PROGRESS: { description: "Being worked on." }, DONE: { description: "Done." }, DROPPED: { description: "Decided against; not counted in progress." } },
});

export enum ReviewArea {
  DATABASE = "DATABASE",
  ROUTINES = "ROUTINES",
  HARDWARE_AND_VERSIONS = "HARDWARE_AND_VERSIONS",
  BACKUPS = "BACKUPS",
  OTHER = "OTHER",
}
registerEnumType(ReviewArea, {
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

export enum Party {
  VENDOR = "VENDOR",
  CUSTOMER = "CUSTOMER",
}
registerEnumType(Party, { name: "Party", description: "A side of the tailoring.", valuesConfig: { VENDOR: { description: "The vendor's seller." }, CUSTOMER: { description: "The customer." } } });

export enum StepState {
  DONE = "DONE",
  CURRENT = "CURRENT",
  TO_DO = "TO_DO",
  TO_REDO = "TO_REDO",
}
registerEnumType(StepState, {
  name: "StepState",
  description: "Where a step stands.",
  valuesConfig: { DONE: { description: "Finished." }, CURRENT: { description: "To be done now." }, TO_DO: { description: "Not reached yet." }, TO_REDO: { description: "Finished once, but an earlier step was reopened: to be done again." } },
});

@ObjectType({ description: "One thing that happened in a tailoring." })
export class TailoringEvent {
  actorUuid!: string | null;

  @Field(() => ID, { description: "Id of the event." })
  id!: string;

  @Field(() => TailoringStep, { description: "The step it belongs to." })
  step!: TailoringStep;

  @Field(() => String, { description: "What happened: requested, reviewRecorded, itemAdded, itemUpdated, itemRemoved, prioritised, prioritiesConfirmed, endDateProposed, endDateAgreed, stepReopened." })
  action!: string;

  @Field(() => String, { nullable: true, description: "Why, for a reopened step." })
  reason!: string | null;

  @Field(() => JSONObjectResolver, { description: "The details recorded." })
  details!: Record<string, unknown>;

  @Field(() => DateTimeResolver, { description: "When." })
  occurredAt!: Date;

  static from(r: TailoringEventRow): TailoringEvent {
    return Object.assign(new TailoringEvent(), { id: r.id, actorUuid: r.actorUserId, step: r.step as TailoringStep, action: r.action, reason: r.reason, details: r.details, occurredAt: r.occurredAt });
  }
}

@ObjectType({ description: "Where one step stands, and who finished it last and when." })
export class TailoringStepStatus {
  doneByUuid!: string | null;

  @Field(() => TailoringStep, { description: "The step." })
  step!: TailoringStep;

  @Field(() => StepState, { description: "Done, current, to do, or to redo." })
  state!: StepState;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was last finished." })
  doneAt!: Date | null;

  @Field(() => Int, { description: "The step's number in the order the API keeps: 1 (CONTACT) to 5 (END_DATE)." })
  number!: number;

  static from(s: StepStatusRow): TailoringStepStatus {
    return Object.assign(new TailoringStepStatus(), { step: s.step as TailoringStep, number: s.number, state: s.state as StepState, doneAt: s.doneAt, doneByUuid: s.doneById });
  }
}

@ObjectType({ description: "A finding of the system review." })
export class ReviewFinding {
  @Field(() => ReviewArea, { description: "What it is about." })
  area!: ReviewArea;

  @Field(() => String, { description: "What was found." })
  finding!: string;
}

@ObjectType({ description: "Step 2: what was reviewed and found at the first meeting." })
export class SystemReview {
  recordedByUuid!: string | null;

  @Field(() => DateScalar, { description: "The meeting date." })
  meetingOn!: string;

  @Field(() => [String], { description: "Who attended." })
  attendees!: string[];

  @Field(() => [ReviewFinding], { description: "Findings per area." })
  findings!: ReviewFinding[];

  @Field(() => String, { nullable: true, description: "Free text." })
  notes!: string | null;

  @Field(() => DateTimeResolver, { description: "When it was recorded." })
  recordedAt!: Date;

  static from(r: SystemReviewRow): SystemReview {
    return Object.assign(new SystemReview(), { ...r, recordedByUuid: r.recordedById, findings: r.findings.map((f) => Object.assign(new ReviewFinding(), f)) });
  }
}

@ObjectType({ implements: Node, description: "One action of the plan: what, why, who, an estimate, and its progress." })
export class ActionItem extends Node {
  @Field(() => Int, { description: "Place in the agreed order, 1 first." })
  position!: number;

  @Field(() => String, { description: "What to do." })
  title!: string;

  @Field(() => String, { description: "Details." })
  description!: string;

  @Field(() => String, { description: "Why it matters." })
  why!: string;

  @Field(() => ActionItemOwner, { description: "Who does it." })
  owner!: ActionItemOwner;

  @Field(() => Int, { nullable: true, description: "Estimate in hours." })
  estimateHours!: number | null;

  @Field(() => Money, { nullable: true, description: "Estimate in money." })
  estimateCost!: Money | null;

  @Field(() => ActionItemStatus, { description: "Progress." })
  status!: ActionItemStatus;

  @Field(() => ReviewArea, { nullable: true, description: "The review area it came from, if made from a finding." })
  fromFindingArea!: ReviewArea | null;

  @Field(() => Int, { description: "Increases with every change." })
  version!: number;

  static from(r: ActionItemRow): ActionItem {
    return Object.assign(new ActionItem(), {
      id: toGlobalId("ActionItem", r.id),
      position: r.position,
      title: r.title,
      description: r.description,
      why: r.why,
      owner: r.owner as ActionItemOwner,
      estimateHours: r.estimateHours,
      estimateCost: r.estimateMinor == null ? null : Money.of(r.estimateMinor),
      status: r.status as ActionItemStatus,
      fromFindingArea: r.fromFindingArea as ReviewArea | null,
      version: r.version,
    });
  }
}

@ObjectType({ implements: Node, description: "Steps 3–5: the prioritised action plan with its end date." })
export class ActionPlan extends Node {
  row!: ActionPlanRow;

  @Field(() => Int, { description: "Increases with every reorder or change of items; send it as expectedVersion to prioritiseActionPlan." })
  version!: number;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the order was last set." })
  prioritisedAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the customer confirmed the order." })
  prioritiesConfirmedAt!: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "The end date proposed by one party, waiting for the other." })
  proposedEndOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The end date both parties agreed." })
  endOn!: string | null;

  static from(r: ActionPlanRow): ActionPlan {
    return Object.assign(new ActionPlan(), {
      id: toGlobalId("ActionPlan", r.id),
      row: r,
      version: r.version,
      prioritisedAt: r.prioritisedAt,
      prioritiesConfirmedAt: r.prioritiesConfirmedAt,
      proposedEndOn: r.proposedEndOn,
      endOn: r.endOn,
    });
  }
}

@ObjectType({ implements: Node, description: "The five-step tailoring of an agreement (\"Vi skräddarsyr tillsammans\")." })
export class Tailoring extends Node {
  row!: TailoringRow;

  @Field(() => TailoringStep, { description: "The step to be done now; DONE when all are." })
  currentStep!: TailoringStep;

  @Field(() => [TailoringStep], { description: "Steps to do again after an earlier step was reopened." })
  stepsToRedo!: TailoringStep[];

  @Field(() => String, { nullable: true, description: "The customer's message when asking for the review." })
  requestMessage!: string | null;

  @Field(() => Int, { description: "Increases with every step change." })
  version!: number;

  @Field(() => DateTimeResolver, { description: "When it was started." })
  createdAt!: Date;

  static from(r: TailoringRow): Tailoring {
    return Object.assign(new Tailoring(), {
      id: toGlobalId("Tailoring", r.id),
      row: r,
      currentStep: r.currentStep as TailoringStep,
      stepsToRedo: r.stepsToRedo as TailoringStep[],
      requestMessage: r.requestMessage,
      version: r.version,
      createdAt: r.createdAt,
    });
  }
}

export const TailoringConnection = ConnectionType(Tailoring, "Tailoring", "tailoring");

@InputType({ description: "Filter for `tailorings`." })
export class TailoringFilter {
  @Field(() => TailoringStep, { nullable: true, description: "Only those at this step." })
  step?: TailoringStep | null;

  @Field(() => Party, { nullable: true, description: "Only those waiting on this party; a seller's worklist is `waitingOn: VENDOR`." })
  waitingOn?: Party | null;
}

@InputType({ description: "Step 1: ask for a review of the system." })
export class RequestTailoringInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => String, { nullable: true, description: "A message to the seller (up to 2000 characters)." })
  @MaxLength(2000)
  message?: string | null;
}

@InputType({ description: "A finding of the review." })
export class ReviewFindingInput {
  @Field(() => ReviewArea, { description: "What it is about." })
  area!: ReviewArea;

  @Field(() => String, { description: "What was found (1–2000 characters)." })
  @Length(1, 2000)
  finding!: string;
}

@InputType({ description: "Step 2: record the system review." })
export class RecordSystemReviewInput {
  @Field(() => ID, { description: "The tailoring." })
  tailoringId!: string;

  @Field(() => DateScalar, { description: "The meeting date." })
  meetingOn!: string;

  @Field(() => [String], { description: "Who attended (at least one)." })
  @ArrayMaxSize(50)
  attendees!: string[];

  @Field(() => [ReviewFindingInput], { description: "Findings per area." })
  @ArrayMaxSize(100)
  findings!: ReviewFindingInput[];

  @Field(() => String, { nullable: true, description: "Free text (up to 10 000 characters)." })
  @MaxLength(10_000)
  notes?: string | null;
}

@InputType({ description: "Step 3: add an action item." })
export class AddActionItemInput {
  @Field(() => ID, { description: "The action plan." })
  actionPlanId!: string;

  @Field(() => String, { description: "What to do (1–200 characters)." })
  @Length(1, 200)
  title!: string;

  @Field(() => String, { nullable: true, description: "Details." })
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: "Why it matters." })
  @MaxLength(2000)
  why?: string | null;

  @Field(() => ActionItemOwner, { description: "Who does it." })
  owner!: ActionItemOwner;

  @Field(() => Int, { nullable: true, description: "Estimate in hours." })
  @Min(0)
  estimateHours?: number | null;

  @Field(() => MoneyInput, { nullable: true, description: "Estimate in money." })
  estimateCost?: MoneyInput | null;

  @Field(() => ReviewArea, { nullable: true, description: "The review area it comes from, when made from a finding." })
  fromFindingArea?: ReviewArea | null;
}

@InputType({ description: "Change an action item: its content while the plan is written, its status at any time after." })
export class UpdateActionItemInput {
  @Field(() => ID, { description: "The action item." })
  actionItemId!: string;

  @Field(() => Int, { nullable: true, description: "The version you saw; STALE_VERSION when it changed since." })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: "New title." })
  @Length(1, 200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: "New details." })
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: "New reason." })
  @MaxLength(2000)
  why?: string | null;

  @Field(() => ActionItemOwner, { nullable: true, description: "New owner." })
  owner?: ActionItemOwner | null;

  @Field(() => Int, { nullable: true, description: "New estimate in hours." })
  @Min(0)
  estimateHours?: number | null;

  @Field(() => MoneyInput, { nullable: true, description: "New estimate in money." })
  estimateCost?: MoneyInput | null;

  @Field(() => ActionItemStatus, { nullable: true, description: "New progress." })
  status?: ActionItemStatus | null;
}

@InputType({ description: "Step 3: remove an action item." })
export class RemoveActionItemInput {
  @Field(() => ID, { description: "The action item." })
  actionItemId!: string;
}

@InputType({ description: "Step 4: put the plan's items in order." })
export class PrioritiseActionPlanInput {
  @Field(() => ID, { description: "The action plan." })
  actionPlanId!: string;

  @Field(() => [ID], { description: "Every item of the plan, once each, most important first." })
  @ArrayMaxSize(500)
  itemIds!: string[];

  @Field(() => Int, { description: "The plan version you saw; STALE_VERSION when someone reordered since." })
  expectedVersion!: number;
}

@InputType({ description: "Step 4: the customer confirms the order." })
export class ConfirmPrioritiesInput {
  @Field(() => ID, { description: "The action plan." })
  actionPlanId!: string;

  @Field(() => Int, { nullable: true, description: "The plan version you confirm; STALE_VERSION when the order changed since." })
  expectedVersion?: number | null;
}

@InputType({ description: "Step 5: agree the end date. One party proposes, the other agrees the same date." })
export class AgreeEndDateInput {
  @Field(() => ID, { description: "The action plan." })
  actionPlanId!: string;

  @Field(() => DateScalar, { description: "The date the plan is to be done by; inside the agreement period." })
  endOn!: string;
}

@InputType({ description: "Go back to a finished step; later steps are to be done again. History is kept." })
export class ReopenTailoringStepInput {
  @Field(() => ID, { description: "The tailoring." })
  tailoringId!: string;

  @Field(() => TailoringStep, { description: "The step to reopen (REVIEW to END_DATE)." })
  step!: TailoringStep;

  @Field(() => String, { description: "Why (1–2000 characters)." })
  @Length(1, 2000)
  reason!: string;
}

export const RequestTailoringPayload = PayloadType("RequestTailoringPayload", "tailoring", Tailoring, "started tailoring");
export const RecordSystemReviewPayload = PayloadType("RecordSystemReviewPayload", "tailoring", Tailoring, "tailoring, now at the action plan");
export const AddActionItemPayload = PayloadType("AddActionItemPayload", "actionItem", ActionItem, "new action item");
export const UpdateActionItemPayload = PayloadType("UpdateActionItemPayload", "actionItem", ActionItem, "changed action item");
export const RemoveActionItemPayload = PayloadType("RemoveActionItemPayload", "actionItem", ActionItem, "removed action item");
export const PrioritiseActionPlanPayload = PayloadType("PrioritiseActionPlanPayload", "actionPlan", ActionPlan, "reordered plan");
export const ConfirmPrioritiesPayload = PayloadType("ConfirmPrioritiesPayload", "actionPlan", ActionPlan, "confirmed plan");
export const AgreeEndDatePayload = PayloadType("AgreeEndDatePayload", "actionPlan", ActionPlan, "plan with the proposed or agreed end date");
export const ReopenTailoringStepPayload = PayloadType("ReopenTailoringStepPayload", "tailoring", Tailoring, "tailoring, back at the reopened step");
