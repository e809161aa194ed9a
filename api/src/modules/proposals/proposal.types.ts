import { ArrayMaxSize, MaxLength } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { ConnectionType } from "../../shared/connection.js";
import { toGlobalId } from "../../shared/ids.js";
import { PayloadType } from "../../shared/payload.js";
import { DateScalar } from "../../shared/scalars.js";
import { TierCode } from "../parties/index.js";
import { ProposalStatus } from "./proposal.enums.js";
import type { ListedProposal } from "./proposal.service.js";

@ObjectType({ simpleResolvers: true, description: "A party or property named in a proposal." })
export class ProposalRef {
  @Field(() => ID, { description: "Its global id." })
  id!: string;

  @Field(() => String, { description: "Its name." })
  name!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "A partner's proposal of an agreement for one of its customers; the vendor's seller decides it.",
})
export class AgreementProposal {
  @Field(() => ID, { description: "Global id." })
  id!: string;

  @Field(() => ProposalStatus, { description: "Where it stands." })
  status!: ProposalStatus;

  @Field(() => TierCode, { description: "The tier the partner proposes." })
  tier!: TierCode;

  @Field(() => ProposalRef, { description: "The customer the agreement is for." })
  customer!: ProposalRef;

  @Field(() => ProposalRef, { description: "The proposing partner, who signs the agreement." })
  partner!: ProposalRef;

  @Field(() => [ProposalRef], { description: "The properties to cover." })
  properties!: ProposalRef[];

  @Field(() => DateScalar, { description: "The start the partner wishes." })
  wishedStartOn!: string;

  @Field(() => String, { nullable: true, description: "The partner's note to the seller." })
  message!: string | null;

  @Field(() => String, { nullable: true, description: "Why the seller declined it, when declined." })
  declineReason!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was activated or declined." })
  decidedAt!: Date | null;

  @Field(() => ProposalRef, {
    nullable: true,
    description: "The agreement made from it, when activated (its name is the agreement number).",
  })
  agreement!: ProposalRef | null;

  @Field(() => DateTimeResolver, { description: "When it was proposed." })
  createdAt!: Date;

  static from(p: ListedProposal): AgreementProposal {
    return Object.assign(new AgreementProposal(), {
      id: toGlobalId("AgreementProposal", p.id),
      status: p.status,
      tier: p.tier,
      customer: { id: toGlobalId("Organisation", p.customerId), name: p.customerName },
      partner: { id: toGlobalId("Organisation", p.partnerId), name: p.partnerName },
      properties: p.properties.map((r) => ({ id: toGlobalId("Property", r.id), name: r.name })),
      wishedStartOn: p.wishedStartOn,
      message: p.message,
      declineReason: p.declineReason,
      decidedAt: p.decidedAt,
      agreement: p.agreementId ? { id: toGlobalId("Agreement", p.agreementId), name: p.agreementNumber ?? "" } : null,
      createdAt: p.createdAt,
    });
  }
}

@ObjectType({ description: "A page of agreement proposals." })
export class AgreementProposalConnection extends ConnectionType(
  AgreementProposal,
  "AgreementProposal",
  "agreement proposal",
) {}

@InputType({ description: "Narrow the proposals." })
export class AgreementProposalFilter {
  @Field(() => [ProposalStatus], { nullable: true, description: "Only these statuses." })
  @ArrayMaxSize(3)
  status?: ProposalStatus[] | null;
}

@InputType({ description: "Propose an agreement for one of your customers." })
export class ProposeAgreementInput {
  @Field(() => ID, { description: "The customer: one whose properties you install for or whose agreement you signed." })
  customerId!: string;

  @Field(() => TierCode, { description: "500+ or BRF." })
  tier!: TierCode;

  @Field(() => [ID], { description: "The customer's properties to cover (at least one)." })
  @ArrayMaxSize(500)
  propertyIds!: string[];

  @Field(() => DateScalar, { description: "The start you wish; today or later." })
  wishedStartOn!: string;

  @Field(() => String, { nullable: true, description: "A note to the seller (at most 2000 characters)." })
  @MaxLength(2000)
  message?: string | null;
}

@InputType({ description: "Complete a proposal with its period and activate the agreement made from it." })
export class ActivateProposalInput {
  @Field(() => ID, { description: "The proposal." })
  proposalId!: string;

  @Field(() => DateScalar, { description: "First day of the agreement." })
  startsOn!: string;

  @Field(() => DateScalar, { description: "Last day of its first period." })
  endsOn!: string;

  @Field(() => TierCode, { nullable: true, description: "Another tier than the proposed one." })
  tier?: TierCode | null;
}

@InputType({ description: "Decline a proposal with a reason the partner and the customer read." })
export class DeclineProposalInput {
  @Field(() => ID, { description: "The proposal." })
  proposalId!: string;

  @Field(() => String, { description: "Why (at most 2000 characters)." })
  @MaxLength(2000)
  reason!: string;
}

export const ProposeAgreementPayload = PayloadType(
  "ProposeAgreementPayload",
  "proposal",
  AgreementProposal,
  "proposal",
);

export const ActivateProposalPayload = PayloadType(
  "ActivateProposalPayload",
  "proposal",
  AgreementProposal,
  "proposal",
);

export const DeclineProposalPayload = PayloadType("DeclineProposalPayload", "proposal", AgreementProposal, "proposal");
