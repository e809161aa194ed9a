import { ArrayMaxSize, IsIn, Length, Max, Min } from "class-validator";
import { OneLine } from "../../shared/one-line.js";
import { DateTimeResolver, EmailAddressResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import { uuidOf } from "../../shared/ids.js";
import { PayloadType } from "../../shared/payload.js";
import { DateScalar, MoneyInput } from "../../shared/scalars.js";
import { TierCode } from "../parties/index.js";
import { AGREED_PRICE_DESCRIPTION, PRICE_REASON_DESCRIPTION } from "../pricing/index.js";
import type { AgreementFilter as ServiceFilter } from "./agreement-list.js";
import { AddOnKind, AgreementStatus, HostedService, LicenceKind } from "./agreement.enums.js";
import { AddOn, Agreement, HanteraAccount, LicenceRental } from "./agreement.types.js";

@InputType({ description: "Filter for `agreements`." })
export class AgreementFilter {
  @Field(() => [AgreementStatus], { nullable: true, description: "Only agreements in one of these statuses." })
  status?: AgreementStatus[] | null;

  @Field(() => TierCode, { nullable: true, description: "Only this tier." })
  tier?: TierCode | null;

  @Field(() => ID, { nullable: true, description: "Only this customer's." })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only those signed by this partner." })
  partnerId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only those this seller is responsible for." })
  sellerId?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Only those that end before this date: on their termination date when terminated, else when their latest period ends.",
  })
  endingBefore?: string | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "Only those changed after this instant: written (`updatedAt`), or whose status the calendar has changed since. For an incremental sync: pass the start of the previous sync, less a minute.",
  })
  updatedSince?: Date | null;

  /** The filter as the service reads it, its global ids as the rows' own. */
  static read(f: AgreementFilter | null): ServiceFilter {
    return {
      status: f?.status,
      tier: f?.tier,
      endingBefore: f?.endingBefore,
      updatedSince: f?.updatedSince,
      customerId: f?.customerId ? uuidOf(f.customerId, "Organisation") : null,
      partnerId: f?.partnerId ? uuidOf(f.partnerId, "Organisation") : null,
      sellerId: f?.sellerId ? uuidOf(f.sellerId, "User") : null,
    };
  }
}

@InputType({ description: "Create a draft agreement." })
export class CreateAgreementInput {
  @Field(() => ID, { description: "The customer." })
  customerId!: string;

  @Field(() => ID, { nullable: true, description: "The signing partner; omit when the customer signs directly." })
  partnerId?: string | null;

  @Field(() => ID, { nullable: true, description: "The responsible seller; defaults to the calling seller." })
  sellerId?: string | null;

  @Field(() => TierCode, { description: "500+ or BRF." })
  tier!: TierCode;

  @Field(() => [ID], { description: "The customer's properties the agreement covers (at least one)." })
  @ArrayMaxSize(500)
  propertyIds!: string[];

  @Field(() => DateScalar, { description: "First day of the first period." })
  startsOn!: string;

  @Field(() => DateScalar, { description: "Last day of the first period." })
  endsOn!: string;
}

@InputType({ description: "Activate a draft agreement." })
export class ActivateAgreementInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => Int, {
    nullable: true,
    description: "The version you saw; STALE_VERSION when someone changed it since.",
  })
  expectedVersion?: number | null;
}

@InputType({ description: "Renew an agreement with a new period from the day after the current end." })
export class RenewAgreementInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => DateScalar, { description: "Last day of the new period." })
  endsOn!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Carry the rentals running to the end of the current period into the new one.",
  })
  carryOverRentals!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "The version you saw; STALE_VERSION when someone changed it since.",
  })
  expectedVersion?: number | null;
}

@InputType({ description: "Terminate an agreement on a date." })
export class TerminateAgreementInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => DateScalar, { description: "Last day of the agreement; inside the current period." })
  terminatesOn!: string;

  @Field(() => String, { description: "Why (1–1000 characters)." })
  @Length(1, 1000)
  reason!: string;

  @Field(() => Int, {
    nullable: true,
    description: "The version you saw; STALE_VERSION when someone changed it since.",
  })
  expectedVersion?: number | null;
}

@InputType({ description: "Create a Hantera account on an agreement." })
export class CreateHanteraAccountInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => String, { description: "The account holder's name (1–200 characters, one line)." })
  @Length(1, 200)
  @OneLine()
  name!: string;

  @Field(() => EmailAddressResolver, { description: "The account holder's e-mail address." })
  email!: string;
}

@InputType({ description: "Deactivate a Hantera account, freeing its place in the quota." })
export class DeactivateHanteraAccountInput {
  @Field(() => ID, { description: "The account." })
  hanteraAccountId!: string;
}

@InputType({ description: "Rent licences during the agreement period." })
export class RentLicenceInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => LicenceKind, { description: "What to rent." })
  kind!: LicenceKind;

  @Field(() => Int, { description: "How many (1–10 000)." })
  @Min(1)
  @Max(10_000)
  quantity!: number;

  @Field(() => MoneyInput, {
    nullable: true,
    description:
      "Deprecated: use agreedPrice. Vendor staff only; customers and partners rent at list price (PRICE_NOT_ALLOWED).",
  })
  monthlyPrice?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: AGREED_PRICE_DESCRIPTION })
  agreedPrice?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: PRICE_REASON_DESCRIPTION })
  @Length(1, 500)
  priceReason?: string | null;

  @Field(() => DateScalar, { description: "First day; inside an agreement period." })
  startsOn!: string;

  @Field(() => DateScalar, { description: "Last day; inside the same period." })
  endsOn!: string;
}

@InputType({ description: "End a licence rental early." })
export class EndLicenceRentalInput {
  @Field(() => ID, { description: "The rental." })
  licenceRentalId!: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day; today when omitted." })
  endsOn?: string | null;
}

@InputType({ description: "Order an add-on on an agreement." })
export class OrderAddOnInput {
  @Field(() => ID, { description: "The agreement; it must be valid." })
  agreementId!: string;

  @Field(() => AddOnKind, { description: "Hosting or monitoring." })
  kind!: AddOnKind;

  @Field(() => [HostedService], { nullable: true, description: "For hosting: which services to host (at least one)." })
  @ArrayMaxSize(10)
  @IsIn(Object.values(HostedService), { each: true })
  hostedServices?: HostedService[] | null;

  @Field(() => MoneyInput, { nullable: true, description: AGREED_PRICE_DESCRIPTION })
  agreedPrice?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: PRICE_REASON_DESCRIPTION })
  @Length(1, 500)
  priceReason?: string | null;
}

@InputType({ description: "Cancel an add-on from today." })
export class CancelAddOnInput {
  @Field(() => ID, { description: "The add-on." })
  addOnId!: string;
}

export const CreateAgreementPayload = PayloadType(
  "CreateAgreementPayload",
  "agreement",
  Agreement,
  "new draft agreement",
);
export const ActivateAgreementPayload = PayloadType(
  "ActivateAgreementPayload",
  "agreement",
  Agreement,
  "activated agreement",
);
export const RenewAgreementPayload = PayloadType("RenewAgreementPayload", "agreement", Agreement, "renewed agreement");
export const TerminateAgreementPayload = PayloadType(
  "TerminateAgreementPayload",
  "agreement",
  Agreement,
  "terminated agreement",
);
export const CreateHanteraAccountPayload = PayloadType(
  "CreateHanteraAccountPayload",
  "hanteraAccount",
  HanteraAccount,
  "new Hantera account",
);
export const DeactivateHanteraAccountPayload = PayloadType(
  "DeactivateHanteraAccountPayload",
  "hanteraAccount",
  HanteraAccount,
  "deactivated account",
);
export const RentLicencePayload = PayloadType("RentLicencePayload", "licenceRental", LicenceRental, "new rental");
export const EndLicenceRentalPayload = PayloadType(
  "EndLicenceRentalPayload",
  "licenceRental",
  LicenceRental,
  "ended rental",
);
export const OrderAddOnPayload = PayloadType("OrderAddOnPayload", "addOn", AddOn, "ordered add-on");
export const CancelAddOnPayload = PayloadType("CancelAddOnPayload", "addOn", AddOn, "cancelled add-on");
