import { IsOptional, Max, MaxLength, Min } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { addDaysIso } from "../../shared/dates.js";
import { PayloadType } from "../../shared/payload.js";
import { DateScalar } from "../../shared/scalars.js";
import { Agreement } from "../agreements/index.js";
import type { autoRenewalOf } from "./auto-renewal.js";

type Found = NonNullable<Awaited<ReturnType<typeof autoRenewalOf>>>;

@ObjectType({
  description:
    "The agreement renews on its own on the day its notice period closes, unless either side has said no before.",
})
export class AutoRenewal {
  @Field(() => Int, { description: "The notice period in months before the new period would start." })
  noticeMonths!: number;

  @Field(() => DateScalar, { description: "The day the notice period closes and the agreement renews (Swedish day)." })
  renewsOn!: string;

  @Field(() => DateScalar, { description: "The last day to say no for the current end." })
  lastDayToRefuse!: string;

  @Field(() => DateTimeResolver, { nullable: true, description: "When someone said no to this end; null if no one." })
  refusedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Why, as the one who said no wrote it." })
  refusalReason!: string | null;

  /** Resolved as an Actor by the resolver. */
  refusedById!: string | null;
  agreementId!: string;

  static from(f: Found): AutoRenewal {
    return Object.assign(new AutoRenewal(), {
      noticeMonths: f.setting.noticeMonths,
      renewsOn: f.closesOn,
      lastDayToRefuse: addDaysIso(f.closesOn, -1),
      refusedAt: f.refusal?.refusedAt ?? null,
      refusalReason: f.refusal?.reason ?? null,
      refusedById: f.refusal?.refusedById ?? null,
      agreementId: f.setting.agreementId,
    });
  }
}

@InputType({ description: "Turn automatic renewal on with a notice period, change the notice, or turn it off." })
export class SetAutoRenewalInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Notice in months (1–24); null turns automatic renewal off. AUTO_RENEWAL_NOTICE_CLOSED when it would already have closed.",
  })
  @IsOptional()
  @Min(1)
  @Max(24)
  noticeMonths!: number | null;
}

@InputType({ description: 'Say no ("säg upp") to the automatic renewal at the current end.' })
export class RefuseAutoRenewalInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => String, { nullable: true, description: "Why (at most 500 characters); both sides read it." })
  @MaxLength(500)
  reason?: string | null;
}

@InputType({ description: 'Take back a "no" to the automatic renewal, while its notice period is still open.' })
export class WithdrawAutoRenewalRefusalInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;
}

export const SetAutoRenewalPayload = PayloadType("SetAutoRenewalPayload", "agreement", Agreement, "agreement");
export const RefuseAutoRenewalPayload = PayloadType("RefuseAutoRenewalPayload", "agreement", Agreement, "agreement");
export const WithdrawAutoRenewalRefusalPayload = PayloadType(
  "WithdrawAutoRenewalRefusalPayload",
  "agreement",
  Agreement,
  "agreement",
);
