import { Length, Min } from "class-validator";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../shared/enums.js";
import { UserError } from "../../shared/errors.js";
import { PayloadType } from "../../shared/payload.js";
import { DateScalar } from "../../shared/scalars.js";
import { Agreement } from "../agreements/index.js";
import { Organisation, Role } from "../parties/index.js";
import type { AgreementOutcome, DeactivationEffect } from "./organisation-deactivation.js";

const OUTCOMES = ["TERMINATED", "HANDED_OVER", "KEPT_AS_DRAFT"] as const satisfies readonly AgreementOutcome[];

export const AgreementDeactivationOutcome = graphqlEnum(OUTCOMES, {
  name: "AgreementDeactivationOutcome",
  description: "What deactivating an organisation does to one of its agreements.",
  valuesConfig: {
    TERMINATED: { description: "Terminated on `terminatesOn` (today, or its first day if it has not begun)." },
    HANDED_OVER: { description: "Handed to the receiving partner, unchanged otherwise." },
    KEPT_AS_DRAFT: { description: "A draft, kept; it cannot be activated while the organisation is deactivated." },
  },
});
export type AgreementDeactivationOutcome =
  (typeof AgreementDeactivationOutcome)[keyof typeof AgreementDeactivationOutcome];

@InputType({ description: "The organisation to deactivate and, for a partner, who takes over its agreements." })
export class OrganisationDeactivationChoice {
  @Field(() => ID, { description: "A partner or customer (the vendor: VENDOR_NOT_DEACTIVATED)." })
  organisationId!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "A partner's agreements go to this partner (NOT_A_PARTNER, ORGANISATION_DEACTIVATED); omitted: they are terminated. A customer's are always terminated (RECEIVING_PARTNER_NOT_ALLOWED).",
  })
  receivingPartnerId?: string | null;
}

@InputType({ description: "Deactivate an organisation, as `organisationDeactivationPreview` showed." })
export class DeactivateOrganisationInput extends OrganisationDeactivationChoice {
  @Field(() => Int, { description: "The organisation's version you previewed; STALE_VERSION when it changed." })
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { description: "Why (3–500 characters): in the audit trail and the terminated agreements." })
  @Length(1, 500)
  reason!: string;
}

@ObjectType({ simpleResolvers: true, description: "A user whose access ends with the organisation." })
export class DeactivatedUser {
  @Field(() => String, { description: "Their name." })
  name!: string;

  @Field(() => String, { description: "Their log-in e-mail address." })
  email!: string;

  @Field(() => Role, { description: "Their role." })
  role!: Role;
}

@ObjectType({ simpleResolvers: true, description: "An API token revoked with the organisation." })
export class RevokedApiToken {
  @Field(() => String, { description: "The name it was given." })
  name!: string;

  @Field(() => String, { description: "The first characters of its secret." })
  prefix!: string;
}

@ObjectType({ simpleResolvers: true, description: "One agreement and what the deactivation does to it." })
export class AgreementDeactivation {
  @Field(() => Agreement, { description: "The agreement, as it was before." })
  agreement!: Agreement;

  @Field(() => AgreementDeactivationOutcome, { description: "Terminated, handed over or kept as a draft." })
  outcome!: AgreementDeactivationOutcome;

  @Field(() => DateScalar, { nullable: true, description: "Its last day, when terminated." })
  terminatesOn!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "What deactivating an organisation does." })
export class OrganisationDeactivationEffect {
  @Field(() => Organisation, { description: "The organisation (after the change: deactivated)." })
  organisation!: Organisation;

  @Field(() => Organisation, { nullable: true, description: "The partner that takes over the agreements." })
  receivingPartner!: Organisation | null;

  @Field(() => [DeactivatedUser], { description: "Active users: log-in, sessions and tokens end at once." })
  users!: DeactivatedUser[];

  @Field(() => [RevokedApiToken], { description: "Live API tokens of the organisation: revoked at once." })
  apiTokens!: RevokedApiToken[];

  @Field(() => [AgreementDeactivation], { description: "Its valid and draft agreements, each with its outcome." })
  agreements!: AgreementDeactivation[];

  @Field(() => Int, {
    description: "Properties it owns (customer) or installed (partner): kept unchanged, with their history.",
  })
  propertiesKept!: number;

  static from(e: DeactivationEffect): OrganisationDeactivationEffect {
    return Object.assign(new OrganisationDeactivationEffect(), {
      organisation: Organisation.from(e.organisation),
      receivingPartner: e.receivingPartner ? Organisation.from(e.receivingPartner) : null,
      users: e.users.map((u) => Object.assign(new DeactivatedUser(), u)),
      apiTokens: e.apiTokens.map((t) => Object.assign(new RevokedApiToken(), t)),
      agreements: e.agreements.map((a) =>
        Object.assign(new AgreementDeactivation(), {
          agreement: Agreement.from(a.agreement),
          outcome: a.outcome,
          terminatesOn: a.terminatesOn,
        }),
      ),
      propertiesKept: e.propertiesKept,
    });
  }
}

@ObjectType({ description: "Result of `organisationDeactivationPreview`." })
export class OrganisationDeactivationPreview {
  @Field(() => OrganisationDeactivationEffect, { nullable: true, description: "The effect; null with userErrors." })
  effect!: OrganisationDeactivationEffect | null;

  @Field(() => [UserError], { description: "Why it cannot be done; empty when it can." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of `deactivateOrganisation`." })
export class DeactivateOrganisationPayload {
  @Field(() => OrganisationDeactivationEffect, {
    nullable: true,
    description: "What was done; null when userErrors is not empty (then nothing was written).",
  })
  effect!: OrganisationDeactivationEffect | null;

  @Field(() => [UserError], { description: "What was wrong; empty on success." })
  userErrors!: UserError[];
}

@InputType({ description: "Bring a deactivated organisation back, at the version you read, saying why." })
export class ReactivateOrganisationInput {
  @Field(() => ID, { description: "The deactivated organisation." })
  organisationId!: string;

  @Field(() => Int, { description: "The organisation's version you read; STALE_VERSION when it changed." })
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { description: "Why (3–500 characters): in the audit trail." })
  @Length(1, 500)
  reason!: string;
}

export const ReactivateOrganisationPayload = PayloadType(
  "ReactivateOrganisationPayload",
  "organisation",
  Organisation,
  "organisation",
);
