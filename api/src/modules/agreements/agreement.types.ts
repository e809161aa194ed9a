import { ArrayMaxSize, IsIn, Length, Max, Min } from "class-validator";
import { DateTimeResolver, EmailAddressResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "../../shared/connection.js";
import { toGlobalId } from "../../shared/ids.js";
import { PayloadType } from "../../shared/payload.js";
import { DateScalar, Money, MoneyInput } from "../../shared/scalars.js";
import { TierCode } from "../parties/party.types.js";
import { Node } from "../../shared/node.js";
import type { AddOnRow, AgreementRecord, HanteraAccountRow, LicenceRentalRow, PeriodRow } from "./agreement-records.js";
import type { RentalTotal } from "./licence-rentals.js";

export enum AgreementStatus {
  DRAFT = "DRAFT",
  ACTIVE = "ACTIVE",
  EXPIRING = "EXPIRING",
  EXPIRED = "EXPIRED",
  TERMINATED = "TERMINATED",
}
registerEnumType(AgreementStatus, {
  name: "AgreementStatus",
  description: "Derived from activation, periods and termination every time it is read; never stale.",
  valuesConfig: {
    DRAFT: { description: "Created, not yet activated." },
    ACTIVE: { description: "Valid, and not ending within the expiring window." },
    EXPIRING: { description: "Valid, but ends within the expiring window (default 60 days): time to renew." },
    EXPIRED: { description: "The last period has ended without renewal." },
    TERMINATED: { description: "Ended early on a termination date." },
  },
});

export enum LicenceKind {
  BOOKING = "BOOKING",
  HANTERA = "HANTERA",
  CONSUMPTION = "CONSUMPTION",
}
registerEnumType(LicenceKind, {
  name: "LicenceKind",
  description: "Licences a customer may rent during the agreement period instead of buying.",
  valuesConfig: {
    BOOKING: { description: "Booking licences (Bokning)." },
    HANTERA: { description: "Hantera licences; each adds one Hantera account to the quota." },
    CONSUMPTION: { description: "Consumption metering licences (Förbrukning)." },
  },
});

export enum AddOnKind {
  HOSTING = "HOSTING",
  MONITORING = "MONITORING",
}
registerEnumType(AddOnKind, {
  name: "AddOnKind",
  description: "Services ordered on top of an agreement; they never outlive it.",
  valuesConfig: {
    HOSTING: { description: "Aptus Hosting: the vendor runs, backs up and updates the database and hosts the ordered services. Requires a valid agreement." },
    MONITORING: { description: "Aptus Systemövervakning: the system is watched around the clock, every day." },
  },
});

export enum HostedService {
  BOKNING = "BOKNING",
  FORBRUKNING = "FORBRUKNING",
  FDB = "FDB",
  APTUSPORTAL = "APTUSPORTAL",
  HANTERA = "HANTERA",
}
registerEnumType(HostedService, {
  name: "HostedService",
  description: "Services that Aptus Hosting can host.",
  valuesConfig: {
    BOKNING: { description: "Bokning (booking)." },
    FORBRUKNING: { description: "Förbrukning (consumption metering)." },
    FDB: { description: "FDB." },
    APTUSPORTAL: { description: "Aptusportal, the resident portal." },
    HANTERA: { description: "Hantera, the administration program." },
  },
});

export enum LapsedBenefit {
  ANNUAL_VISIT = "ANNUAL_VISIT",
  HANTERA_ACCOUNTS = "HANTERA_ACCOUNTS",
  LICENCE_RENTAL = "LICENCE_RENTAL",
  HOSTING = "HOSTING",
  MONITORING = "MONITORING",
  LATEST_VERSIONS = "LATEST_VERSIONS",
}
registerEnumType(LapsedBenefit, {
  name: "LapsedBenefit",
  description: "A benefit that ends when the agreement is not renewed.",
  valuesConfig: {
    ANNUAL_VISIT: { description: "The annual on-site support visit (500+)." },
    HANTERA_ACCOUNTS: { description: "The Hantera accounts in use." },
    LICENCE_RENTAL: { description: "A running licence rental." },
    HOSTING: { description: "Aptus Hosting." },
    MONITORING: { description: "24/7 system monitoring." },
    LATEST_VERSIONS: { description: "Updates to the latest program versions." },
  },
});

@ObjectType({ implements: Node, description: "A support agreement between the vendor and a customer, usually signed by a partner." })
export class Agreement extends Node {
  record!: AgreementRecord;

  @Field(() => String, { description: "Readable unique number, e.g. TA-2027-0042." })
  number!: string;

  @Field(() => AgreementStatus, { description: "Derived status." })
  status!: AgreementStatus;

  @Field(() => Int, { description: "Increases with every change; send it as expectedVersion to detect concurrent edits." })
  version!: number;

  @Field(() => DateScalar, { description: "First day of the first period." })
  startsOn!: string;

  @Field(() => DateScalar, { description: "Last day of the latest period." })
  endsOn!: string;

  @Field(() => DateScalar, { nullable: true, description: "The termination date, when terminated." })
  terminatedOn!: string | null;

  @Field(() => String, { nullable: true, description: "Why it was terminated." })
  terminationReason!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was activated." })
  activatedAt!: Date | null;

  @Field(() => DateTimeResolver, { description: "When it was created." })
  createdAt!: Date;

  static from(r: AgreementRecord): Agreement {
    return Object.assign(new Agreement(), {
      id: toGlobalId("Agreement", r.id),
      record: r,
      number: r.number,
      status: r.status as AgreementStatus,
      version: r.version,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      terminatedOn: r.terminatedOn,
      terminationReason: r.terminationReason,
      activatedAt: r.activatedAt,
      createdAt: r.createdAt,
    });
  }
}

@ObjectType({ description: "One period the agreement ran or runs for. Renewal adds one; none is changed." })
export class AgreementPeriod {
  @Field(() => ID, { description: "Global id of the period." })
  id!: string;

  @Field(() => Int, { description: "1 for the first period, 2 after the first renewal, …" })
  sequence!: number;

  @Field(() => DateScalar, { description: "First day." })
  startsOn!: string;

  @Field(() => DateScalar, { description: "Last day." })
  endsOn!: string;

  static from(r: PeriodRow): AgreementPeriod {
    return Object.assign(new AgreementPeriod(), { id: toGlobalId("AgreementPeriod", r.id), sequence: r.sequence, startsOn: r.startsOn, endsOn: r.endsOn });
  }
}

@ObjectType({ implements: Node, description: "A user account in Hantera, the administration program, counted against the agreement's quota." })
export class HanteraAccount extends Node {
  @Field(() => String, { description: "The account holder's name." })
  name!: string;

  @Field(() => EmailAddressResolver, { description: "The account holder's e-mail address." })
  email!: string;

  @Field(() => Boolean, { description: "False once deactivated; only active accounts count against the quota." })
  active!: boolean;

  @Field(() => DateTimeResolver, { description: "When it was created." })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was deactivated." })
  deactivatedAt!: Date | null;

  static from(r: HanteraAccountRow): HanteraAccount {
    return Object.assign(new HanteraAccount(), {
      id: toGlobalId("HanteraAccount", r.id),
      name: r.name,
      email: r.email,
      active: !r.deactivatedAt,
      createdAt: r.createdAt,
      deactivatedAt: r.deactivatedAt,
    });
  }
}

@ObjectType({ implements: Node, description: "Licences rented during the agreement period instead of bought." })
export class LicenceRental extends Node {
  @Field(() => LicenceKind, { description: "What is rented." })
  kind!: LicenceKind;

  @Field(() => Int, { description: "How many licences." })
  quantity!: number;

  @Field(() => Money, { description: "Price per month for the whole quantity." })
  monthlyPrice!: Money;

  @Field(() => DateScalar, { description: "First day of the rental." })
  startsOn!: string;

  @Field(() => DateScalar, { description: "Last day of the rental as agreed." })
  endsOn!: string;

  @Field(() => DateScalar, { nullable: true, description: "The day it was ended early, if it was." })
  endedOn!: string | null;

  @Field(() => Boolean, { description: "True when it runs today." })
  active!: boolean;

  @Field(() => Boolean, { description: "True when it was carried over from the previous period at renewal." })
  carriedOver!: boolean;

  static from(r: LicenceRentalRow, active: boolean): LicenceRental {
    return Object.assign(new LicenceRental(), {
      id: toGlobalId("LicenceRental", r.id),
      kind: r.kind as LicenceKind,
      quantity: r.quantity,
      monthlyPrice: Money.of(r.monthlyPriceMinor, r.currency),
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      endedOn: r.endedOn,
      active,
      carriedOver: !!r.carriedFromId,
    });
  }
}

@ObjectType({ description: "Running rentals of one licence kind, summed." })
export class LicenceRentalTotal {
  @Field(() => LicenceKind, { description: "The licence kind." })
  kind!: LicenceKind;

  @Field(() => Int, { description: "Licences of this kind rented today." })
  quantity!: number;

  @Field(() => Money, { description: "What they cost per month." })
  monthlyCost!: Money;

  static from(t: RentalTotal): LicenceRentalTotal {
    return Object.assign(new LicenceRentalTotal(), { kind: t.kind, quantity: t.quantity, monthlyCost: Money.of(t.monthlyCostMinor) });
  }
}

@ObjectType({ implements: Node, description: "A service ordered on top of the agreement: hosting or monitoring." })
export class AddOn extends Node {
  @Field(() => AddOnKind, { description: "Hosting or monitoring." })
  kind!: AddOnKind;

  @Field(() => [HostedService], { description: "For hosting: the hosted services." })
  hostedServices!: HostedService[];

  @Field(() => DateScalar, { description: "When it started." })
  startsOn!: string;

  @Field(() => DateScalar, { nullable: true, description: "When it ended: cancelled, or with the agreement." })
  endedOn!: string | null;

  @Field(() => String, { nullable: true, description: "Why it ended: CANCELLED, AGREEMENT_TERMINATED or AGREEMENT_EXPIRED." })
  endReason!: string | null;

  @Field(() => Boolean, { description: "True while it runs: not ended, and the agreement valid." })
  active!: boolean;

  static from(r: AddOnRow, active: boolean): AddOn {
    return Object.assign(new AddOn(), {
      id: toGlobalId("AddOn", r.id),
      kind: r.kind as AddOnKind,
      hostedServices: r.hostedServices as HostedService[],
      startsOn: r.startsOn,
      endedOn: r.endedOn,
      endReason: r.endReason,
      active,
    });
  }
}

@ObjectType({ description: "One thing the customer loses if the agreement is not renewed by its end." })
export class LapseItem {
  @Field(() => LapsedBenefit, { description: "Which benefit." })
  benefit!: LapsedBenefit;

  @Field(() => String, { description: "What it means, in English." })
  description!: string;

  @Field(() => Int, { nullable: true, description: "How many, where it counts (accounts, licences)." })
  quantity!: number | null;

  @Field(() => LicenceKind, { nullable: true, description: "For a licence rental: its kind." })
  licenceKind!: LicenceKind | null;
}

@ObjectType({ description: "How many Hantera accounts the agreement allows and uses." })
export class HanteraQuota {
  @Field(() => Int, { description: "Accounts allowed: included + rented." })
  quota!: number;

  @Field(() => Int, { description: "Included in the tier (500+: 10, BRF: 5)." })
  included!: number;

  @Field(() => Int, { description: "Added by running Hantera licence rentals." })
  rented!: number;

  @Field(() => Int, { description: "Active accounts." })
  used!: number;
}

export const AgreementConnection = ConnectionType(Agreement, "Agreement", "agreement");

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

  @Field(() => DateScalar, { nullable: true, description: "Only those whose latest period ends before this date." })
  endingBefore?: string | null;
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

  @Field(() => Int, { nullable: true, description: "The version you saw; STALE_VERSION when someone changed it since." })
  expectedVersion?: number | null;
}

@InputType({ description: "Renew an agreement with a new period from the day after the current end." })
export class RenewAgreementInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => DateScalar, { description: "Last day of the new period." })
  endsOn!: string;

  @Field(() => Boolean, { defaultValue: false, description: "Carry the rentals running to the end of the current period into the new one." })
  carryOverRentals!: boolean;

  @Field(() => Int, { nullable: true, description: "The version you saw; STALE_VERSION when someone changed it since." })
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

  @Field(() => Int, { nullable: true, description: "The version you saw; STALE_VERSION when someone changed it since." })
  expectedVersion?: number | null;
}

@InputType({ description: "Create a Hantera account on an agreement." })
export class CreateHanteraAccountInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => String, { description: "The account holder's name (1–200 characters)." })
  @Length(1, 200)
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

  @Field(() => MoneyInput, { description: "Price per month for the whole quantity." })
  monthlyPrice!: MoneyInput;

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
  @IsIn(Object.values(HostedService), { each: true })
  hostedServices?: HostedService[] | null;
}

@InputType({ description: "Cancel an add-on from today." })
export class CancelAddOnInput {
  @Field(() => ID, { description: "The add-on." })
  addOnId!: string;
}

export const CreateAgreementPayload = PayloadType("CreateAgreementPayload", "agreement", Agreement, "new draft agreement");
export const ActivateAgreementPayload = PayloadType("ActivateAgreementPayload", "agreement", Agreement, "activated agreement");
export const RenewAgreementPayload = PayloadType("RenewAgreementPayload", "agreement", Agreement, "renewed agreement");
export const TerminateAgreementPayload = PayloadType("TerminateAgreementPayload", "agreement", Agreement, "terminated agreement");
export const CreateHanteraAccountPayload = PayloadType("CreateHanteraAccountPayload", "hanteraAccount", HanteraAccount, "new Hantera account");
export const DeactivateHanteraAccountPayload = PayloadType("DeactivateHanteraAccountPayload", "hanteraAccount", HanteraAccount, "deactivated account");
export const RentLicencePayload = PayloadType("RentLicencePayload", "licenceRental", LicenceRental, "new rental");
export const EndLicenceRentalPayload = PayloadType("EndLicenceRentalPayload", "licenceRental", LicenceRental, "ended rental");
export const OrderAddOnPayload = PayloadType("OrderAddOnPayload", "addOn", AddOn, "ordered add-on");
export const CancelAddOnPayload = PayloadType("CancelAddOnPayload", "addOn", AddOn, "cancelled add-on");
