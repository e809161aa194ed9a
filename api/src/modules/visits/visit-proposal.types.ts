import { ArrayMaxSize, MaxLength } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { UserError } from "../../shared/errors.js";
import { graphqlEnum } from "../../shared/enums.js";
import { toGlobalId } from "../../shared/ids.js";
import { PayloadType } from "../../shared/payload.js";
import { visitTimeProposalStatus } from "../../db/schema/index.js";
import { ServiceVisit } from "./visit.types.js";
import type { VisitTimeProposalRow } from "./visit-proposal.service.js";

export const VisitTimeProposalStatus = graphqlEnum(visitTimeProposalStatus.enumValues, {
  name: "VisitTimeProposalStatus",
  description: "Where a proposal of visit times stands.",
  valuesConfig: {
    OPEN: { description: "Waiting for the customer's answer." },
    ACCEPTED: { description: "The customer chose a time; `visit` is the booked visit." },
    OTHER_TIMES_REQUESTED: { description: "The customer asked for other times (`answerNote`)." },
    WITHDRAWN: {
      description: "Replaced by a newer proposal for the same property, or its visit to move was cancelled.",
    },
  },
});
export type VisitTimeProposalStatus = (typeof VisitTimeProposalStatus)[keyof typeof VisitTimeProposalStatus];

@ObjectType({ description: "One to three times proposed for an annual visit, and the customer's answer." })
export class VisitTimeProposal {
  row!: VisitTimeProposalRow;

  @Field(() => ID, { description: "Global id." })
  id!: string;

  @Field(() => [DateTimeResolver], { description: "The proposed times, earliest first." })
  times!: Date[];

  @Field(() => String, { description: "What the proposer wrote with the times; may be empty." })
  note!: string;

  @Field(() => VisitTimeProposalStatus, { description: "Open, accepted, other times asked for, or withdrawn." })
  status!: VisitTimeProposalStatus;

  @Field(() => DateTimeResolver, { description: "When it was proposed." })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was answered or withdrawn." })
  answeredAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The customer's words when asking for other times." })
  answerNote!: string | null;

  static from(r: VisitTimeProposalRow): VisitTimeProposal {
    return Object.assign(new VisitTimeProposal(), {
      row: r,
      id: toGlobalId("VisitTimeProposal", r.id),
      times: r.times,
      note: r.note,
      status: r.status as VisitTimeProposalStatus,
      createdAt: r.createdAt,
      answeredAt: r.answeredAt,
      answerNote: r.answerNote,
    });
  }
}

@InputType({ description: "Propose one to three times for an annual visit; the customer's admins get a mail each." })
export class ProposeVisitTimesInput {
  @Field(() => ID, { description: "The agreement (its tier must include an annual visit)." })
  agreementId!: string;

  @Field(() => ID, { description: "A property covered by the agreement." })
  propertyId!: string;

  @Field(() => ID, { description: "The technician: a vendor SUPPORT or ADMIN user." })
  technicianId!: string;

  // One to three is a rule of the domain: the service answers INVALID_TIMES, a userError; only absurd lists stop here.
  @ArrayMaxSize(50)
  @Field(() => [DateTimeResolver], {
    description: "One to three different times ahead, inside the agreement period (INVALID_TIMES).",
  })
  times!: Date[];

  @MaxLength(1000)
  @Field(() => String, { nullable: true, description: "A word to the customer, shown with the times." })
  note?: string | null;
}

@InputType({
  description:
    "Offer one to three new times for a visit already booked; its booking stands until a customer admin accepts one.",
})
export class ProposeNewVisitTimesInput {
  @Field(() => ID, { description: "The booked visit (not completed, not cancelled)." })
  visitId!: string;

  // As for a first proposal: one to three is the service's INVALID_TIMES; only absurd lists stop here.
  @ArrayMaxSize(50)
  @Field(() => [DateTimeResolver], {
    description:
      "One to three different times ahead, inside the agreement period, for the same technician (INVALID_TIMES).",
  })
  times!: Date[];

  @MaxLength(1000)
  @Field(() => String, { nullable: true, description: "A word to the customer, e.g. why the visit must move." })
  note?: string | null;

  @Field(() => Int, { description: "The visit's `version` as read; STALE_VERSION if it changed." })
  expectedVersion!: number;
}

@InputType({
  description:
    "Answer a proposal: either `time` (one of the proposed) or `otherTimes` (a note asking for others). In the portal by `proposalId`, or from the mail by the link's `token` (no log-in needed).",
})
export class AnswerVisitTimesInput {
  @Field(() => ID, { nullable: true, description: "The proposal (when logged in)." })
  proposalId?: string | null;

  @MaxLength(200)
  @Field(() => String, { nullable: true, description: "The token of the mail's link (instead of logging in)." })
  token?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "The chosen time." })
  time?: Date | null;

  @MaxLength(1000)
  @Field(() => String, { nullable: true, description: "Asking for other times: what would suit." })
  otherTimes?: string | null;
}

@InputType({ description: "Cancel a booked visit by hand, with the reason the customer reads." })
export class CancelServiceVisitInput {
  @Field(() => ID, { description: "The visit." })
  visitId!: string;

  @MaxLength(500)
  @Field(() => String, { description: "Why; mailed to the customer's admins and the technician." })
  reason!: string;

  @Field(() => Int, { description: "The visit's `version` as read; STALE_VERSION if it changed." })
  expectedVersion!: number;
}

export const ProposeVisitTimesPayload = PayloadType(
  "ProposeVisitTimesPayload",
  "visitTimeProposal",
  VisitTimeProposal,
  "proposal",
);
export const ProposeNewVisitTimesPayload = PayloadType(
  "ProposeNewVisitTimesPayload",
  "visitTimeProposal",
  VisitTimeProposal,
  "proposal of new times",
);
export const CancelServiceVisitPayload = PayloadType(
  "CancelServiceVisitPayload",
  "serviceVisit",
  ServiceVisit,
  "cancelled visit",
);

@ObjectType({ description: "Result of `answerVisitTimes`." })
export class AnswerVisitTimesPayload {
  @Field(() => VisitTimeProposal, {
    nullable: true,
    description: "The answered proposal; null when userErrors is not empty.",
  })
  visitTimeProposal!: VisitTimeProposal | null;

  @Field(() => ServiceVisit, {
    nullable: true,
    description: "The visit booked (or, for new times of a booked visit, moved), when a time was accepted.",
  })
  serviceVisit!: ServiceVisit | null;

  @Field(() => [UserError], {
    description:
      "LINK_INVALID, LINK_EXPIRED, LINK_USED, PROPOSAL_ANSWERED, TIME_NOT_PROPOSED, TIME_IN_PAST, INVALID_INPUT; empty on success.",
  })
  userErrors!: UserError[];
}

@ObjectType({ description: "What an answer link opens (no log-in needed), or why it does not work." })
export class VisitTimeProposalByLinkPayload {
  @Field(() => VisitTimeProposal, { nullable: true, description: "The proposal; null when userErrors is not empty." })
  visitTimeProposal!: VisitTimeProposal | null;

  @Field(() => String, { nullable: true, description: "The agreement's number." })
  agreementNumber!: string | null;

  @Field(() => String, { nullable: true, description: "Where the visit is: the property's name and address." })
  location!: string | null;

  @Field(() => [UserError], {
    description:
      "LINK_INVALID, LINK_EXPIRED, LINK_USED or PROPOSAL_ANSWERED (replaced by newer times); empty when the link works.",
  })
  userErrors!: UserError[];
}
