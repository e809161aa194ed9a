import { DateTimeResolver, EmailAddressResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../shared/connection.js";
import { toGlobalId } from "../../shared/ids.js";
import { DateScalar, Money } from "../../shared/scalars.js";
import { Node } from "../../shared/node.js";
import type {
  AddOnRow,
  AgreementRecord,
  HanteraAccountRow,
  LicenceRentalRow,
  ListedAgreement,
  OrganisationRow,
  PeriodRow,
  TierRow,
} from "./agreement-records.js";
import type { RentalTotal } from "./licence-rentals.js";
import { isAnonymisedHanteraAccount } from "./hantera-account-anonymisation.js";
import { AddOnKind, AgreementStatus, HostedService, LapsedBenefit, LicenceKind } from "./agreement.enums.js";

@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: "A support agreement between the vendor and a customer, usually signed by a partner.",
})
export class Agreement extends Node {
  record!: AgreementRecord;
  /** Read with the agreement when a list read it (`ListedAgreement`); otherwise loaded when asked for. */
  customerRow?: OrganisationRow;
  tierRow?: TierRow;

  @Field(() => String, { description: "Readable unique number, e.g. TA-2027-0042." })
  number!: string;

  @Field(() => AgreementStatus, { description: "Derived status." })
  status!: AgreementStatus;

  @Field(() => Int, {
    description: "Increases with every change; send it as expectedVersion to detect concurrent edits.",
  })
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

  @Field(() => DateTimeResolver, {
    description:
      "When it or one of its parts (properties, periods, rentals, add-ons, Hantera accounts) was last written. Its status also changes with the calendar alone: `updatedSince` finds both.",
  })
  updatedAt!: Date;

  static from(r: AgreementRecord | ListedAgreement): Agreement {
    return Object.assign(new Agreement(), {
      id: toGlobalId("Agreement", r.id),
      record: r,
      customerRow: "customerRow" in r ? r.customerRow : undefined,
      tierRow: "tierRow" in r ? r.tierRow : undefined,
      number: r.number,
      status: r.status as AgreementStatus,
      version: r.version,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      terminatedOn: r.terminatedOn,
      terminationReason: r.terminationReason,
      activatedAt: r.activatedAt,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
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
    return Object.assign(new AgreementPeriod(), {
      id: toGlobalId("AgreementPeriod", r.id),
      sequence: r.sequence,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
    });
  }
}

@ObjectType({
  implements: Node,
  description: "A user account in Hantera, the administration program, counted against the agreement's quota.",
})
export class HanteraAccount extends Node {
  @Field(() => String, {
    description:
      'The account holder\'s name; an anonymised holder\'s in the caller\'s language ("före detta användare", "former user").',
  })
  name!: string;

  @Field(() => EmailAddressResolver, { description: "The account holder's e-mail address." })
  email!: string;

  @Field(() => Boolean, { description: "False once deactivated; only active accounts count against the quota." })
  active!: boolean;

  @Field(() => DateTimeResolver, { description: "When it was created." })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was deactivated." })
  deactivatedAt!: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Set when the agreement ended with more active accounts than its tier includes: this one is above the base " +
      "quota, and the customer chooses which accounts stay (deactivating the others). Cleared by a renewal.",
  })
  overQuotaSince!: string | null;

  /** The holder was anonymised (decision 0086): `name` is then worded for the reader (hantera-account.resolver.ts). */
  formerHolder!: boolean;

  static from(r: HanteraAccountRow): HanteraAccount {
    return Object.assign(new HanteraAccount(), {
      id: toGlobalId("HanteraAccount", r.id),
      name: r.name,
      email: r.email,
      active: !r.deactivatedAt,
      createdAt: r.createdAt,
      deactivatedAt: r.deactivatedAt,
      overQuotaSince: r.overQuotaSince,
      formerHolder: isAnonymisedHanteraAccount(r),
    });
  }
}

@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: "Licences rented during the agreement period instead of bought.",
})
export class LicenceRental extends Node {
  @Field(() => LicenceKind, { description: "What is rented." })
  kind!: LicenceKind;

  @Field(() => Int, { description: "How many licences." })
  quantity!: number;

  @Field(() => Money, {
    description: "Price per month for the whole quantity: the list price, or the price vendor staff agreed.",
  })
  monthlyPrice!: Money;

  @Field(() => Money, {
    nullable: true,
    description:
      "The price list's monthly price for the whole quantity on the first day; null for rentals made before the price list.",
  })
  listPrice!: Money | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the monthly price differs from the list price; null at list price.",
  })
  priceReason!: string | null;

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

  /** An instance, as `node(id)` needs to tell the Node's type. */
  static from(r: LicenceRentalRow, active: boolean): LicenceRental {
    return Object.assign(new LicenceRental(), LicenceRental.plain(r, active));
  }

  /**
   * The same fields as a plain object, for lists: a field of type `[LicenceRental!]!` needs no
   * class to tell its type, and a partner's page holds a thousand rentals.
   */
  static plain(r: LicenceRentalRow, active: boolean): LicenceRental {
    return {
      id: toGlobalId("LicenceRental", r.id),
      kind: r.kind as LicenceKind,
      quantity: r.quantity,
      monthlyPrice: Money.of(r.monthlyPriceMinor, r.currency),
      listPrice: r.listPriceMinor === null ? null : Money.of(r.listPriceMinor, r.currency),
      priceReason: r.priceReason,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      endedOn: r.endedOn,
      active,
      carriedOver: !!r.carriedFromId,
    };
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
    return Object.assign(new LicenceRentalTotal(), {
      kind: t.kind,
      quantity: t.quantity,
      monthlyCost: Money.of(t.monthlyCostMinor),
    });
  }
}

@ObjectType({ implements: Node, description: "A service ordered on top of the agreement: hosting or monitoring." })
export class AddOn extends Node {
  @Field(() => AddOnKind, { description: "Hosting or monitoring." })
  kind!: AddOnKind;

  @Field(() => [HostedService], { description: "For hosting: the hosted services." })
  hostedServices!: HostedService[];

  @Field(() => Money, {
    nullable: true,
    description:
      "What it costs per month: the list price, or the price vendor staff agreed; null for add-ons ordered before the price list.",
  })
  monthlyPrice!: Money | null;

  @Field(() => Money, { nullable: true, description: "The price list's monthly price on the first day." })
  listPrice!: Money | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the monthly price differs from the list price; null at list price.",
  })
  priceReason!: string | null;

  @Field(() => DateScalar, { description: "When it started." })
  startsOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The last day it runs, when an end lies ahead: a confirmed renewal quote ends here what the customer left unticked (NOT_RENEWED), and what it carried (CARRIED: a new add-on at the new period's price starts the day after). Null: it runs with the agreement.",
  })
  endsOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it ended: cancelled, or with the agreement." })
  endedOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Why it ended or ends: CANCELLED, AGREEMENT_TERMINATED, AGREEMENT_EXPIRED, or with endsOn NOT_RENEWED or CARRIED.",
  })
  endReason!: string | null;

  @Field(() => Boolean, {
    description: "True while it runs: from its first day, not ended nor past endsOn, and the agreement valid.",
  })
  active!: boolean;

  static from(r: AddOnRow, active: boolean): AddOn {
    return Object.assign(new AddOn(), {
      id: toGlobalId("AddOn", r.id),
      kind: r.kind as AddOnKind,
      hostedServices: r.hostedServices as HostedService[],
      monthlyPrice: r.monthlyPriceMinor === null ? null : Money.of(r.monthlyPriceMinor, r.currency),
      listPrice: r.listPriceMinor === null ? null : Money.of(r.listPriceMinor, r.currency),
      priceReason: r.priceReason,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
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
