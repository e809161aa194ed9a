import type { DbOrTx } from "../../db/client.js";
import type { tierCode } from "../../db/schema/index.js";
import type { IsoDate } from "../../shared/dates.js";
import { listPriceOn, priceListOn, type PricedItem } from "./list-price.js";

type TierCode = (typeof tierCode.enumValues)[number];

/**
 * Each tier's base fee for the agreement itself, a month, is an item of the price list (decision 0101): the brochure
 * prices Supportavtal 500+ and BRF apart, and as list items they keep the list's history, its new prices from a day
 * and the index clause. A new tier names its item here, and the compiler asks for it.
 */
const BASE_FEE_ITEMS = {
  PLUS_500: "AGREEMENT_PLUS_500",
  BRF: "AGREEMENT_BRF",
} as const satisfies Record<TierCode, PricedItem>;

const BASE_FEE_ITEM_SET: ReadonlySet<PricedItem> = new Set(Object.values(BASE_FEE_ITEMS));

/** Whether an item is a tier's base fee: it is charged with the agreement, not ordered. */
export function isBaseFee(item: PricedItem): boolean {
  return BASE_FEE_ITEM_SET.has(item);
}

/** A tier's base fee valid on a day, or null when the list has none then. */
export async function baseFeeOn(db: DbOrTx, tier: TierCode, on: IsoDate) {
  return listPriceOn(db, BASE_FEE_ITEMS[tier], on);
}

/** Every tier's base fee a month on a day, in öre: one read for a whole list of agreements; 0 where none is listed. */
export async function baseFeesOn(db: DbOrTx, on: IsoDate): Promise<(tier: TierCode) => number> {
  const list = await priceListOn(db, on);
  return (tier) => list.find((p) => p.item === BASE_FEE_ITEMS[tier])?.monthlyPriceMinor ?? 0;
}
