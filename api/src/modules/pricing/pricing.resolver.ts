import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Actor, actorOf } from "../parties/index.js";
import { Clock } from "../../shared/clock.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { DateScalar } from "../../shared/scalars.js";
import type { Viewer } from "../../shared/viewer.js";
import { listPriceHistory, priceListOn } from "./list-price.js";
import { quoteOrder } from "./order-quote.js";
import { PRICE_LIST_KEEPERS } from "./pricing.roles.js";
import {
  ListPrice,
  OrderQuote,
  OrderQuoteInput,
  OrderQuotePayload,
  PricedItem,
  SetListPriceInput,
  SetListPricePayload,
} from "./pricing.types.js";
import { setListPrice } from "./set-list-price.js";

@Resolver(() => ListPrice)
export class PricingResolver {
  @Authorized()
  @Query(() => [ListPrice], {
    description: "The price list on a day (today when omitted): one price per item that has one then.",
  })
  async priceList(
    @Arg("on", () => DateScalar, { nullable: true, description: "The day; today when omitted." }) on: string | null,
    @Ctx() ctx: Context,
    @Clock() clock: Clock,
  ) {
    return (await priceListOn(ctx.db, on ?? clock.today)).map(ListPrice.from);
  }

  @Authorized()
  @Query(() => [ListPrice], { description: "Every price an item has had and will have, oldest first." })
  async listPriceHistory(
    @Arg("item", () => PricedItem, { description: "The licence kind or add-on." }) item: PricedItem,
    @Ctx() ctx: Context,
  ) {
    return (await listPriceHistory(ctx.db, item)).map(ListPrice.from);
  }

  @FieldResolver(() => Actor, { nullable: true, description: "Who set it; null for prices seeded with the system." })
  setBy(@Root() price: ListPrice, @Ctx() ctx: Context) {
    return actorOf(ctx, price.setByUserId);
  }

  @Authorized()
  @Query(() => OrderQuotePayload, {
    description: "What an order would cost at list price per month and over its period, before it is placed.",
  })
  async orderQuote(
    @Arg("input", () => OrderQuoteInput, { description: "The order to price." }) input: OrderQuoteInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await quoteOrder(
      ctx.db,
      viewer,
      { ...input, agreementId: uuidOf(input.agreementId, "Agreement") },
      clock,
    );
    return payload(result, "quote", OrderQuote.from);
  }

  @Authorized(...PRICE_LIST_KEEPERS)
  @Mutation(() => SetListPricePayload, {
    description: "Admins: a new list price of an item from a day; the one before it is closed and kept as history.",
  })
  async setListPrice(
    @Arg("input", () => SetListPriceInput, { description: "Item, price and first day." }) input: SetListPriceInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await setListPrice(
      ctx.db,
      viewer,
      { ...input, monthlyPriceMinor: input.monthlyPrice.amountMinor, currency: input.monthlyPrice.currency },
      clock,
    );
    return payload(result, "listPrice", ListPrice.from);
  }
}
