import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { agreements } from "../../db/schema/index.js";
import type { Clock } from "../../shared/clock.js";
import type { IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { agreementScope } from "../../shared/scope.js";
import type { Viewer } from "../../shared/viewer.js";
import { effectiveEnd, selectAgreements } from "../agreements/index.js";
import { isBaseFee } from "./base-fee.js";
import { listPriceOn, type PricedItem } from "./list-price.js";
import { PricingErrors as E } from "./pricing.errors.js";

export interface OrderQuoteInput {
  agreementId: string;
  item: PricedItem;
  quantity: number;
  startsOn?: IsoDate | null;
  endsOn?: IsoDate | null;
}

export interface OrderQuote {
  item: PricedItem;
  quantity: number;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** The list price of one unit (a licence, or the add-on) per month. */
  unitPriceMinor: number;
  monthlyCostMinor: number;
  months: number;
  totalMinor: number;
  currency: string;
}

/** The largest amount in öre a Money can carry: its amountMinor is a 32-bit GraphQL Int. */
const MAX_MONEY_MINOR = 2 ** 31 - 1;

/** Items ordered once per agreement rather than by the licence. */
const ADD_ON_ITEMS: readonly PricedItem[] = ["HOSTING", "MONITORING"];

function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** Months charged from the first to the last day: a started month is charged in full. */
export function monthsCharged(startsOn: IsoDate, endsOn: IsoDate): number {
  let months = 0;
  while (addMonths(startsOn, months) <= endsOn) months++;
  return months;
}

/**
 * What an order will cost at list price, for the confirmation the customer sees before ordering.
 * It reads the same list price rentLicence and orderAddOn charge. Add-ons run until the agreement
 * ends, so their period defaults to today until the agreement's end.
 */
export async function quoteOrder(
  db: DbOrTx,
  viewer: Viewer,
  input: OrderQuoteInput,
  clock: Clock,
): Promise<Result<OrderQuote>> {
  const [a] = await selectAgreements(db, and(agreementScope(viewer), eq(agreements.id, input.agreementId)), clock);
  if (!a) return userError(E.NOT_FOUND, "No such agreement.", ["input", "agreementId"]);
  if (isBaseFee(input.item))
    return userError(E.INVALID_INPUT, "The base fee comes with the agreement; it is not ordered.", ["input", "item"]);
  if (input.quantity < 1 || input.quantity > 10_000)
    return userError(E.INVALID_INPUT, "Order 1–10 000.", ["input", "quantity"]);
  if (ADD_ON_ITEMS.includes(input.item) && input.quantity !== 1)
    return userError(E.INVALID_INPUT, "An agreement has one of each add-on.", ["input", "quantity"]);
  const startsOn = input.startsOn ?? clock.today;
  const end = effectiveEnd(a);
  const endsOn = input.endsOn ?? end;
  if (endsOn < startsOn)
    return userError(E.INVALID_DATE_RANGE, "The order must end on or after its start.", ["input", "endsOn"]);
  // rentLicence refuses an order that outlasts the agreement: a quote for one would price what cannot be ordered.
  if (endsOn > end)
    return userError(E.OUTSIDE_AGREEMENT_PERIOD, `The order must end by the agreement's end, ${end}.`, [
      "input",
      "endsOn",
    ]);
  const list = await listPriceOn(db, input.item, startsOn);
  if (!list)
    return userError(E.NO_LIST_PRICE, `The price list has no price for ${input.item} on ${startsOn}.`, [
      "input",
      "startsOn",
    ]);
  const monthlyCostMinor = list.monthlyPriceMinor * input.quantity;
  const months = monthsCharged(startsOn, endsOn);
  // Money's amountMinor is a GraphQL Int: a larger total would fail the answer (INTERNAL_SERVER_ERROR), not explain.
  if (monthlyCostMinor * months > MAX_MONEY_MINOR)
    return userError(
      E.INVALID_INPUT,
      `The total is over what one quote can show (${MAX_MONEY_MINOR / 100} kr): quote fewer or a shorter period.`,
      ["input", "quantity"],
    );
  return ok({
    item: input.item,
    quantity: input.quantity,
    startsOn,
    endsOn,
    unitPriceMinor: list.monthlyPriceMinor,
    monthlyCostMinor,
    months,
    totalMinor: monthlyCostMinor * months,
    currency: list.currency,
  });
}
