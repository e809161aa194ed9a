import { ArrayMaxSize, Length, MaxLength, Min } from "class-validator";
import { OneLine } from "../../shared/one-line.js";
import { Field, ID, InputType, Int } from "type-graphql";
import { PayloadType } from "../../shared/payload.js";
import { DateScalar, MoneyInput } from "../../shared/scalars.js";
import { ActionItemOwner, ActionItemStatus, Party, ReviewArea, TailoringStep } from "./tailoring.enums.js";
import { ActionItem, ActionPlan, Tailoring } from "./tailoring.types.js";

@InputType({ description: "Filter for `tailorings`." })
export class TailoringFilter {
  @Field(() => TailoringStep, { nullable: true, description: "Only those at this step." })
  step?: TailoringStep | null;

  @Field(() => Party, {
    nullable: true,
    description: "Only those waiting on this party; a seller's worklist is `waitingOn: VENDOR`.",
  })
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

  @Field(() => [String], {
    description: "Who attended (1–50 names, each 1–200 characters on one line with at least one letter or digit).",
  })
  @ArrayMaxSize(50)
  @MaxLength(200, { each: true })
  @OneLine({ each: true })
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

@InputType({
  description: "Change an action item: its content while the plan is written, its status at any time after.",
})
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

  @Field(() => Int, {
    nullable: true,
    description: "The plan version you confirm; STALE_VERSION when the order changed since.",
  })
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

export const RequestTailoringPayload = PayloadType(
  "RequestTailoringPayload",
  "tailoring",
  Tailoring,
  "started tailoring",
);
export const RecordSystemReviewPayload = PayloadType(
  "RecordSystemReviewPayload",
  "tailoring",
  Tailoring,
  "tailoring, now at the action plan",
);
export const AddActionItemPayload = PayloadType("AddActionItemPayload", "actionItem", ActionItem, "new action item");
export const UpdateActionItemPayload = PayloadType(
  "UpdateActionItemPayload",
  "actionItem",
  ActionItem,
  "changed action item",
);
export const RemoveActionItemPayload = PayloadType(
  "RemoveActionItemPayload",
  "actionItem",
  ActionItem,
  "removed action item",
);
export const PrioritiseActionPlanPayload = PayloadType(
  "PrioritiseActionPlanPayload",
  "actionPlan",
  ActionPlan,
  "reordered plan",
);
export const ConfirmPrioritiesPayload = PayloadType(
  "ConfirmPrioritiesPayload",
  "actionPlan",
  ActionPlan,
  "confirmed plan",
);
export const AgreeEndDatePayload = PayloadType(
  "AgreeEndDatePayload",
  "actionPlan",
  ActionPlan,
  "plan with the proposed or agreed end date",
);
export const ReopenTailoringStepPayload = PayloadType(
  "ReopenTailoringStepPayload",
  "tailoring",
  Tailoring,
  "tailoring, back at the reopened step",
);
