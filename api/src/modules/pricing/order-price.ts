import type { DbOrTx } from "../../db/client.js";
import type { IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { holds, type Viewer } from "../../shared/viewer.js";
import { listPriceOn, type PricedItem } from "./list-price.js";
import { PricingErrors as E } from "./pricing.errors.js";
import { PRICE_NEGOTIATORS } from "./pricing.roles.js";

/** A price the caller asked for, and which input field carried it (for the userError's path). */
export interface PriceRequest {
  agreedPriceMinor?: number | null;
  currency?: string | null;
  priceReason?: string | null;
  field: string[];
}

export interface OrderPrice {
  /** The list's monthly price for the whole quantity on the start day. */
  listPriceMinor: number;
  /** What is charged per month: the list price, or the price vendor staff agreed. */
  monthlyPriceMinor: number;
  currency: string;
  /** Why the charged price differs from the list; null at list price. */
  priceReason: string | null;
}

/** What is wrong with the price asked before the price list is read: who asks, and its form. Null when nothing is. */
export function priceRequestRefused(viewer: Viewer, asked: PriceRequest) {
  const agreed = asked.agreedPriceMinor ?? null;
  if (agreed === null) return null;
  if (!holds(viewer, PRICE_NEGOTIATORS))
    return userError(
      E.PRICE_NOT_ALLOWED,
      "Orders are at list price; only the vendor's sellers can agree another price.",
      asked.field,
    );
  if (agreed < 0) return userError(E.INVALID_INPUT, "A price cannot be negative.", asked.field);
  if ((asked.currency ?? "SEK") !== "SEK")
    return userError(E.INVALID_INPUT, "Prices are in SEK.", [...asked.field, "currency"]);
  return null;
}

/**
 * The price of an order. The price list is its only source: customers and partners order at list
 * price and may not send one (PRICE_NOT_ALLOWED); vendor staff may agree another price, and then
 * must say why (PRICE_REASON_REQUIRED), so every discount can be read back with its reason.
 */
export async function orderPrice(
  db: DbOrTx,
  viewer: Viewer,
  order: { item: PricedItem; quantity: number; startsOn: IsoDate },
  asked: PriceRequest,
): Promise<Result<OrderPrice>> {
  const refused = priceRequestRefused(viewer, asked);
  if (refused) return refused;
  const agreed = asked.agreedPriceMinor ?? null;
  const list = await listPriceOn(db, order.item, order.startsOn);
  if (!list)
    return userError(E.NO_LIST_PRICE, `The price list has no price for ${order.item} on ${order.startsOn}.`, [
      "input",
      "startsOn",
    ]);
  const listPriceMinor = list.monthlyPriceMinor * order.quantity;
  const monthlyPriceMinor = agreed ?? listPriceMinor;
  const reason = asked.priceReason?.trim() || null;
  if (monthlyPriceMinor !== listPriceMinor && !reason) {
    return userError(
      E.PRICE_REASON_REQUIRED,
      `The list price is ${listPriceMinor} öre a month; say why another price was agreed.`,
      ["input", "priceReason"],
    );
  }
  return ok({
    listPriceMinor,
    monthlyPriceMinor,
    currency: list.currency,
    priceReason: monthlyPriceMinor === listPriceMinor ? null : reason,
  });
}

/** An order that asks for no price of its own: list price. */
export const NO_PRICE_ASKED: PriceRequest = { field: ["input", "agreedPrice"] };

/**
 * The price an order input asks for: `agreedPrice`, or the older `monthlyPrice` field of rentLicence,
 * which now means the same and is refused to customers in the same way.
 */
export function askedPrice(input: {
  agreedPrice?: { amountMinor: number; currency: string } | null;
  monthlyPrice?: { amountMinor: number; currency: string } | null;
  priceReason?: string | null;
}): PriceRequest {
  const [money, field] = input.agreedPrice
    ? [input.agreedPrice, "agreedPrice"]
    : input.monthlyPrice
      ? [input.monthlyPrice, "monthlyPrice"]
      : [null, "agreedPrice"];
  return {
    agreedPriceMinor: money?.amountMinor ?? null,
    currency: money?.currency ?? null,
    priceReason: input.priceReason ?? null,
    field: ["input", field],
  };
}
