import { ArrayMaxSize, Min } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { UserError } from "../../shared/errors.js";
import { toGlobalId } from "../../shared/ids.js";
import { PayloadType } from "../../shared/payload.js";
import { Money } from "../../shared/scalars.js";
import type { CoverageEffect, CoverageState } from "./agreement-coverage.js";
import { Agreement } from "./agreement.types.js";

@InputType({ description: "Properties to add to and remove from an agreement's coverage." })
export class AgreementCoverageChange {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => [ID], {
    defaultValue: [],
    description:
      "Properties of the agreement's customer to cover (PROPERTY_NOT_OF_CUSTOMER, PROPERTY_ALREADY_COVERED).",
  })
  @ArrayMaxSize(100)
  addPropertyIds!: string[];

  @Field(() => [ID], {
    defaultValue: [],
    description:
      "Covered properties to leave out (PROPERTY_NOT_COVERED); the last one cannot go (NO_PROPERTIES): terminate instead.",
  })
  @ArrayMaxSize(100)
  removePropertyIds!: string[];
}

@InputType({ description: "Change an agreement's coverage, as previewed by `agreementCoveragePreview`." })
export class ChangeAgreementCoverageInput extends AgreementCoverageChange {
  @Field(() => Int, { description: "The version you previewed at; STALE_VERSION (nothing written) when it changed." })
  @Min(1)
  expectedVersion!: number;
}

@InputType({ description: "Hand an agreement to another seller or partner. Omitted fields stay as they are." })
export class ChangeAgreementPartiesInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => Int, { description: "The version you read; STALE_VERSION (nothing written) when it changed." })
  @Min(1)
  expectedVersion!: number;

  @Field(() => ID, { nullable: true, description: "The new responsible seller (NOT_A_SELLER); omitted keeps it." })
  sellerId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The new signing partner (NOT_A_PARTNER); null: the customer signs directly; omitted keeps it.",
  })
  partnerId?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A covered property, as a coverage preview names it." })
export class CoveredProperty {
  @Field(() => ID, { description: "Global id of the property." })
  id!: string;

  @Field(() => String, { description: "Its name." })
  name!: string;
}

@ObjectType({ simpleResolvers: true, description: "What the agreement gives on one side of a coverage change." })
export class AgreementCoverageState {
  @Field(() => [CoveredProperty], { description: "The covered properties, by name." })
  properties!: CoveredProperty[];

  @Field(() => Boolean, {
    description: "Whether the annual visit applies: the tier includes it and a property is covered.",
  })
  annualVisit!: boolean;

  @Field(() => Int, { description: "Hantera accounts allowed: the tier's included ones and the rented licences." })
  hanteraQuota!: number;

  @Field(() => Money, {
    description:
      "What the agreement is worth per year: its running licence rentals and base fee (as `Agreement.yearlyValue`).",
  })
  yearlyValue!: Money;

  static from(s: CoverageState): AgreementCoverageState {
    return {
      properties: s.properties.map((p) => ({ id: toGlobalId("Property", p.id), name: p.name })),
      annualVisit: s.annualVisit,
      hanteraQuota: s.hanteraQuota,
      yearlyValue: Money.of(s.yearlyValueMinor),
    };
  }
}

@ObjectType({ simpleResolvers: true, description: "A booked visit the coverage change calls off." })
export class CancelledVisitEffect {
  @Field(() => ID, { description: "Global id of the service visit." })
  visitId!: string;

  @Field(() => DateTimeResolver, { description: "When it was booked for." })
  scheduledAt!: Date;

  @Field(() => ID, { description: "Global id of the property it was at." })
  propertyId!: string;
}

@ObjectType({ description: "Result of `agreementCoveragePreview` and `changeAgreementCoverage`: the effect." })
export class AgreementCoverageEffect {
  @Field(() => Int, { description: "The agreement's version the effect was computed at; send it as expectedVersion." })
  version!: number;

  @Field(() => AgreementCoverageState, { description: "Before the change." })
  before!: AgreementCoverageState;

  @Field(() => AgreementCoverageState, { description: "After the change." })
  after!: AgreementCoverageState;

  @Field(() => [CancelledVisitEffect], {
    description: "Booked visits ahead at a removed property; the change cancels them with a mail to those booked.",
  })
  visitsCancelled!: CancelledVisitEffect[];

  static from(e: CoverageEffect, version = e.agreement.version): AgreementCoverageEffect {
    return {
      version,
      before: AgreementCoverageState.from(e.before),
      after: AgreementCoverageState.from(e.after),
      visitsCancelled: e.visitsCancelled.map((v) => ({
        visitId: toGlobalId("ServiceVisit", v.visitId),
        scheduledAt: v.scheduledAt,
        propertyId: toGlobalId("Property", v.propertyId),
      })),
    };
  }
}

@ObjectType({ description: "Result of `agreementCoveragePreview`." })
export class AgreementCoveragePreview {
  @Field(() => AgreementCoverageEffect, { nullable: true, description: "The effect; null when the change is refused." })
  effect!: AgreementCoverageEffect | null;

  @Field(() => [UserError], { description: "Why the change would be refused; empty when it would go through." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of `changeAgreementCoverage`." })
export class ChangeAgreementCoveragePayload {
  @Field(() => Agreement, {
    nullable: true,
    description: "The agreement as changed; null when userErrors is not empty.",
  })
  agreement!: Agreement | null;

  @Field(() => AgreementCoverageEffect, { nullable: true, description: "What the change did, as previewed." })
  effect!: AgreementCoverageEffect | null;

  @Field(() => [UserError], { description: "What was wrong; empty on success. When not empty, nothing was written." })
  userErrors!: UserError[];
}

export const ChangeAgreementPartiesPayload = PayloadType(
  "ChangeAgreementPartiesPayload",
  "agreement",
  Agreement,
  "agreement with its new seller and partner",
);
