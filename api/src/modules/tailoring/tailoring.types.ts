import { DateTimeResolver, JSONObjectResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../shared/connection.js";
import { toGlobalId } from "../../shared/ids.js";
import { DateScalar, Money } from "../../shared/scalars.js";
import { Node } from "../../shared/node.js";
import type { StepStatus as StepStatusRow } from "./tailoring-steps.js";
import type {
  ActionItemRow,
  ActionPlanRow,
  SystemReviewRow,
  TailoringEventRow,
  TailoringRow,
} from "./tailoring.service.js";
import { ActionItemOwner, ActionItemStatus, ReviewArea, StepState, TailoringStep } from "./tailoring.enums.js";

@ObjectType({ description: "One thing that happened in a tailoring." })
export class TailoringEvent {
  actorUuid!: string | null;

  @Field(() => ID, { description: "Id of the event." })
  id!: string;

  @Field(() => TailoringStep, { description: "The step it belongs to." })
  step!: TailoringStep;

  @Field(() => String, {
    description:
      "What happened: requested, reviewRecorded, itemAdded, itemUpdated, itemRemoved, prioritised, prioritiesConfirmed, endDateProposed, endDateAgreed, stepReopened.",
  })
  action!: string;

  @Field(() => String, { nullable: true, description: "Why, for a reopened step." })
  reason!: string | null;

  @Field(() => JSONObjectResolver, { description: "The details recorded." })
  details!: Record<string, unknown>;

  @Field(() => DateTimeResolver, { description: "When." })
  occurredAt!: Date;

  static from(r: TailoringEventRow): TailoringEvent {
    return Object.assign(new TailoringEvent(), {
      id: r.id,
      actorUuid: r.actorUserId,
      step: r.step as TailoringStep,
      action: r.action,
      reason: r.reason,
      details: r.details,
      occurredAt: r.occurredAt,
    });
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
    return Object.assign(new TailoringStepStatus(), {
      step: s.step as TailoringStep,
      number: s.number,
      state: s.state,
      doneAt: s.doneAt,
      doneByUuid: s.doneById,
    });
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
    return Object.assign(new SystemReview(), {
      ...r,
      recordedByUuid: r.recordedById,
      findings: r.findings.map((f) => Object.assign(new ReviewFinding(), f)),
    });
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

  @Field(() => Int, {
    description: "Increases with every reorder or change of items; send it as expectedVersion to prioritiseActionPlan.",
  })
  version!: number;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the order was last set." })
  prioritisedAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the customer confirmed the order." })
  prioritiesConfirmedAt!: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The end date proposed by one party, waiting for the other.",
  })
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

@ObjectType({
  implements: Node,
  description: 'The five-step tailoring of an agreement ("Vi skräddarsyr tillsammans").',
})
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
