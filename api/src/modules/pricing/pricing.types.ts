import { Max, MaxLength, Min } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../shared/enums.js";
import { PayloadType } from "../../shared/payload.js";
import { DateScalar, Money, MoneyInput } from "../../shared/scalars.js";
import { PRICED_ITEMS, type ListPriceRow } from "./list-price.js";
import type { OrderQuote as Quote } from "./order-quote.js";

export const PricedItem = graphqlEnum(PRICED_ITEMS, {
  name: "PricedItem",
  description:
    "What has a list price: the licence kinds (per licence), the add-ons (per agreement) and each tier's base fee (per agreement).",
  valuesConfig: {
    BOOKING: { description: "One booking licence (Bokning) a month." },
    HANTERA: { description: "One Hantera licence a month." },
    CONSUMPTION: { description: "One consumption metering licence (Förbrukning) a month." },
    HOSTING: { description: "Aptus Hosting for one agreement, a month." },
    MONITORING: { description: "System monitoring (Systemövervakning) for one agreement, a month." },
    AGREEMENT_PLUS_500: { description: "The base fee of one Supportavtal 500+ agreement, a month." },
    AGREEMENT_BRF: { description: "The base fee of one BRF agreement, a month." },
  },
});
export type PricedItem = (typeof PricedItem)[keyof typeof PricedItem];

@ObjectType({ description: "One price of the price list: what one unit of an item costs a month, and when." })
export class ListPrice {
  @Field(() => PricedItem, { description: "The licence kind or add-on." })
  item!: PricedItem;

  @Field(() => Money, { description: "Per month, for one licence or one add-on." })
  monthlyPrice!: Money;

  @Field(() => DateScalar, { description: "First day the price holds." })
  validFrom!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day the price holds; null until a later price is set.",
  })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: "Why it was set; null for prices set before reasons were kept." })
  reason!: string | null;

  @Field(() => DateTimeResolver, { description: "When it was set." })
  setAt!: Date;

  /** Who set it; resolved as an Actor by the resolver. */
  setByUserId!: string | null;

  static from(r: ListPriceRow): ListPrice {
    return Object.assign(new ListPrice(), {
      item: r.item,
      monthlyPrice: Money.of(r.monthlyPriceMinor, r.currency),
      validFrom: r.validFrom,
      validTo: r.validTo,
      reason: r.reason,
      setAt: r.createdAt,
      setByUserId: r.createdByUserId,
    });
  }
}

@ObjectType({ description: "What an order costs at list price, shown before the customer confirms it." })
export class OrderQuote {
  @Field(() => PricedItem, { description: "The licence kind or add-on." })
  item!: PricedItem;

  @Field(() => Int, { description: "How many (1 for an add-on)." })
  quantity!: number;

  @Field(() => DateScalar, { description: "First day of the order." })
  startsOn!: string;

  @Field(() => DateScalar, { description: "Last day of the order (for an add-on: the agreement's end)." })
  endsOn!: string;

  @Field(() => Money, { description: "The list price of one unit per month, valid on the first day." })
  listPrice!: Money;

  @Field(() => Money, { description: "What the order costs per month: list price × quantity." })
  monthlyCost!: Money;

  @Field(() => Int, { description: "Months charged; a started month counts in full." })
  months!: number;

  @Field(() => Money, { description: "What the order costs over its whole period: monthly cost × months." })
  total!: Money;

  static from(q: Quote): OrderQuote {
    return Object.assign(new OrderQuote(), {
      item: q.item,
      quantity: q.quantity,
      startsOn: q.startsOn,
      endsOn: q.endsOn,
      listPrice: Money.of(q.unitPriceMinor, q.currency),
      monthlyCost: Money.of(q.monthlyCostMinor, q.currency),
      months: q.months,
      total: Money.of(q.totalMinor, q.currency),
    });
  }
}

@InputType({
  description: "Set a new list price of an item from a day; the price valid the day before is closed then.",
})
export class SetListPriceInput {
  @Field(() => PricedItem, { description: "The licence kind or add-on." })
  item!: PricedItem;

  @Field(() => MoneyInput, { description: "Per month, for one licence or one add-on." })
  monthlyPrice!: MoneyInput;

  @Field(() => DateScalar, { description: "First day; today or later (LIST_PRICE_IN_PAST otherwise)." })
  validFrom!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day; omit to keep it until the next price (LIST_PRICE_OVERLAP when it runs into one).",
  })
  validTo?: string | null;

  @Field(() => String, { description: "Why the price changes, kept in its history (1–500 characters)." })
  @MaxLength(500)
  reason!: string;
}

@InputType({ description: "An order to price: what, how many, on which agreement, when." })
export class OrderQuoteInput {
  @Field(() => ID, { description: "The agreement." })
  agreementId!: string;

  @Field(() => PricedItem, { description: "The licence kind or add-on." })
  item!: PricedItem;

  @Field(() => Int, { defaultValue: 1, description: "How many (1–10 000; 1 for an add-on)." })
  @Min(1)
  @Max(10_000)
  quantity!: number;

  @Field(() => DateScalar, { nullable: true, description: "First day; today when omitted." })
  startsOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day; the agreement's end when omitted." })
  endsOn?: string | null;
}

/** The price fields every order input carries: only vendor staff may fill them. */
export const AGREED_PRICE_DESCRIPTION =
  "Vendor staff only: a monthly price for the whole order other than the list price; needs priceReason. Customers and partners get PRICE_NOT_ALLOWED.";
export const PRICE_REASON_DESCRIPTION =
  "Why the agreed price differs from the list price (1–500 characters); PRICE_REASON_REQUIRED without it.";

export const SetListPricePayload = PayloadType("SetListPricePayload", "listPrice", ListPrice, "new list price");
export const OrderQuotePayload = PayloadType("OrderQuotePayload", "quote", OrderQuote, "quote");
