import { ArrayMaxSize, MaxLength } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import {
  renewalQuoteState,
  type RenewalQuoteEnding as EndingRow,
  type RenewalQuoteLine as LineRow,
} from "../../db/schema/index.js";
import { graphqlEnum } from "../../shared/enums.js";
import { toGlobalId } from "../../shared/ids.js";
import { PayloadType } from "../../shared/payload.js";
import { DateScalar, Money } from "../../shared/scalars.js";
import { Agreement, type AgreementRecord } from "../agreements/index.js";
import { PricedItem } from "../pricing/index.js";
import type { RenewalQuoteRow } from "./renewal-quote.js";

export const RenewalQuoteState = graphqlEnum(renewalQuoteState.enumValues, {
  name: "RenewalQuoteState",
  description: "Where a customer's renewal request stands.",
  valuesConfig: {
    REQUESTED: { description: "Asked for by the customer; waiting for the seller." },
    CONFIRMED: { description: "Confirmed by the seller: the agreement was renewed as quoted." },
    DECLINED: { description: "Declined by the seller, with a reason; the customer may ask again." },
  },
});
export type RenewalQuoteState = (typeof RenewalQuoteState)[keyof typeof RenewalQuoteState];

@ObjectType({ description: "One rental or add-on carried into the new period, at the list price of its first day." })
export class RenewalQuoteLine {
  @Field(() => ID, { description: "The licence rental or add-on carried." })
  partId!: string;

  @Field(() => PricedItem, { description: "The licence kind or add-on." })
  item!: PricedItem;

  @Field(() => Int, { description: "Licences (1 for an add-on)." })
  quantity!: number;

  @Field(() => Money, { description: "The list price of one unit a month on the new period's first day." })
  unitPrice!: Money;

  @Field(() => Money, { description: "Unit price × quantity, a month." })
  monthlyPrice!: Money;

  @Field(() => Money, { description: "Twelve months of it." })
  yearlyPrice!: Money;

  static from(l: LineRow, currency: string): RenewalQuoteLine {
    const isAddOn = l.item === "HOSTING" || l.item === "MONITORING";
    return Object.assign(new RenewalQuoteLine(), {
      partId: toGlobalId(isAddOn ? "AddOn" : "LicenceRental", l.partId),
      item: l.item,
      quantity: l.quantity,
      unitPrice: Money.of(l.unitPriceMinor, currency),
      monthlyPrice: Money.of(l.monthlyPriceMinor, currency),
      yearlyPrice: Money.of(l.monthlyPriceMinor * 12, currency),
    });
  }
}

@ObjectType({
  description: "The agreement's own base fee for its tier, at the list price of the new period's first day.",
})
export class RenewalQuoteBaseFee {
  @Field(() => PricedItem, { description: "The tier's base fee item of the price list." })
  item!: PricedItem;

  @Field(() => Money, { description: "A month." })
  monthlyPrice!: Money;

  @Field(() => Money, { description: "Twelve months of it." })
  yearlyPrice!: Money;
}

@ObjectType({ description: "A rental or add-on the customer left unticked: it ends with the current period." })
export class RenewalQuoteEnding {
  @Field(() => ID, { description: "The licence rental or add-on that ends." })
  partId!: string;

  @Field(() => PricedItem, { description: "The licence kind or add-on." })
  item!: PricedItem;

  @Field(() => Int, { description: "Licences (1 for an add-on)." })
  quantity!: number;

  @Field(() => DateScalar, { description: "Its last day: the last day of the period the quote renews." })
  endsOn!: string;

  static from(e: EndingRow, endsOn: string): RenewalQuoteEnding {
    const isAddOn = e.item === "HOSTING" || e.item === "MONITORING";
    return Object.assign(new RenewalQuoteEnding(), {
      partId: toGlobalId(isAddOn ? "AddOn" : "LicenceRental", e.partId),
      item: e.item,
      quantity: e.quantity,
      endsOn,
    });
  }
}

@ObjectType({ description: "A renewal the customer asked for, priced from the list, for the seller to confirm." })
export class RenewalQuote {
  @Field(() => ID, { description: "Global id of the quote." })
  id!: string;

  @Field(() => RenewalQuoteState, { description: "Asked for, confirmed (the agreement renewed) or declined." })
  state!: RenewalQuoteState;

  @Field(() => DateScalar, { description: "The end of the period it renews." })
  renewsEndOn!: string;

  @Field(() => DateScalar, { description: "First day of the new period." })
  startsOn!: string;

  @Field(() => DateScalar, { description: "Last day of the new period." })
  endsOn!: string;

  @Field(() => [RenewalQuoteLine], { description: "What is carried; the rest ends with the current period." })
  lines!: RenewalQuoteLine[];

  @Field(() => [RenewalQuoteEnding], {
    description:
      "What was running and was not chosen, as the customer was shown it: it ends on renewsEndOn when the quote is confirmed.",
  })
  ending!: RenewalQuoteEnding[];

  @Field(() => RenewalQuoteBaseFee, {
    nullable: true,
    description: "The agreement's base fee, its own line; null on quotes asked for before the list priced it.",
  })
  baseFee!: RenewalQuoteBaseFee | null;

  @Field(() => Money, {
    description: "What the base fee and the carried rentals and add-ons cost a year at the quoted prices.",
  })
  yearlyTotal!: Money;

  @Field(() => DateTimeResolver, { description: "When the customer asked." })
  requestedAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the seller confirmed or declined it." })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Why the seller declined it." })
  declineReason!: string | null;

  row!: RenewalQuoteRow;

  static from(r: RenewalQuoteRow): RenewalQuote {
    return Object.assign(new RenewalQuote(), {
      id: toGlobalId("RenewalQuote", r.id),
      state: r.state,
      renewsEndOn: r.renewsEndOn,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      lines: r.lines.map((l) => RenewalQuoteLine.from(l, r.currency)),
      ending: r.ending.map((e) => RenewalQuoteEnding.from(e, r.renewsEndOn)),
      baseFee:
        r.baseFeeItem === null || r.baseFeeMonthlyMinor === null
          ? null
          : Object.assign(new RenewalQuoteBaseFee(), {
              item: r.baseFeeItem,
              monthlyPrice: Money.of(r.baseFeeMonthlyMinor, r.currency),
              yearlyPrice: Money.of(12 * r.baseFeeMonthlyMinor, r.currency),
            }),
      yearlyTotal: Money.of(r.yearlyTotalMinor, r.currency),
      requestedAt: r.requestedAt,
      decidedAt: r.decidedAt,
      declineReason: r.declineReason,
      row: r,
    });
  }
}

@InputType({ description: "Ask for a renewal: what to carry into the new period." })
export class RequestRenewalInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => [ID], { description: "Licence rentals running to the end to carry; the others end with the period." })
  @ArrayMaxSize(100)
  rentalIds!: string[];

  @Field(() => [ID], { description: "Add-ons (hosting, monitoring) to carry." })
  @ArrayMaxSize(10)
  addOnIds!: string[];
}

@InputType({ description: "Confirm a renewal quote: the agreement is renewed as quoted." })
export class ConfirmRenewalQuoteInput {
  @Field(() => ID, { description: "The quote." })
  quoteId!: string;
}

@InputType({ description: "Decline a renewal quote, saying why." })
export class DeclineRenewalQuoteInput {
  @Field(() => ID, { description: "The quote." })
  quoteId!: string;

  @Field(() => String, { description: "Why (1–500 characters); the customer's admins read it." })
  @MaxLength(500)
  reason!: string;
}

@ObjectType({ description: "A decided quote and the agreement as it now is." })
export class RenewalDecision {
  @Field(() => RenewalQuote, { description: "The quote, now confirmed or declined." })
  quote!: RenewalQuote;

  @Field(() => Agreement, { description: "The agreement after the decision (a new period when confirmed)." })
  agreement!: Agreement;

  static from(r: { quote: RenewalQuoteRow; agreement: AgreementRecord }): RenewalDecision {
    return Object.assign(new RenewalDecision(), {
      quote: RenewalQuote.from(r.quote),
      agreement: Agreement.from(r.agreement),
    });
  }
}

export const RequestRenewalPayload = PayloadType("RequestRenewalPayload", "quote", RenewalQuote, "quote");
export const ConfirmRenewalQuotePayload = PayloadType(
  "ConfirmRenewalQuotePayload",
  "decision",
  RenewalDecision,
  "decision",
);
export const DeclineRenewalQuotePayload = PayloadType(
  "DeclineRenewalQuotePayload",
  "decision",
  RenewalDecision,
  "decision",
);
