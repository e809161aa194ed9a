import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { listPrices, pricedItem } from "../../db/schema/index.js";
import type { IsoDate } from "../../shared/dates.js";

export type ListPriceRow = typeof listPrices.$inferSelect;
export type PricedItem = ListPriceRow["item"];

/** Every item with a list price; the GraphQL enum is made from this list. */
export const PRICED_ITEMS = pricedItem.enumValues;

function validOn(on: IsoDate) {
  return and(
    sql`${listPrices.validFrom} <= ${on}::date`,
    or(isNull(listPrices.validTo), sql`${listPrices.validTo} >= ${on}::date`),
  );
}

/** The price of one item valid on a day, or null when the list has none then. */
export async function listPriceOn(db: DbOrTx, item: PricedItem, on: IsoDate): Promise<ListPriceRow | null> {
  const [row] = await db
    .select()
    .from(listPrices)
    .where(and(eq(listPrices.item, item), validOn(on)));
  return row ?? null;
}

/** The whole price list as it stood on a day, in the order of PRICED_ITEMS. */
export async function priceListOn(db: DbOrTx, on: IsoDate): Promise<ListPriceRow[]> {
  const rows = await db.select().from(listPrices).where(validOn(on));
  return PRICED_ITEMS.flatMap((item) => rows.filter((r) => r.item === item));
}

/** Every price an item has had and will have, oldest first. */
export async function listPriceHistory(db: DbOrTx, item: PricedItem): Promise<ListPriceRow[]> {
  return db.select().from(listPrices).where(eq(listPrices.item, item)).orderBy(asc(listPrices.validFrom));
}
