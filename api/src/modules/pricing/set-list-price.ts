import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { listPrices } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { addDaysIso, type IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import type { ListPriceRow, PricedItem } from "./list-price.js";
import { PricingErrors as E } from "./pricing.errors.js";
import { PRICE_LIST_KEEPERS } from "./pricing.roles.js";

export interface SetListPriceInput {
  item: PricedItem;
  monthlyPriceMinor: number;
  currency: string;
  validFrom: IsoDate;
  validTo?: IsoDate | null;
  /** Why, for the price list's history (1–500 characters). */
  reason: string;
}

function overlap(message: string) {
  return userError(E.LIST_PRICE_OVERLAP, message, ["input", "validFrom"]);
}

/**
 * A new price of an item from a day. The price valid the day before is closed then, so the list
 * never holds two prices of one item on one day and every earlier price stays as history; without an
 * end date the new price runs until the next one already announced. Orders keep the price they were
 * made at, so a new price changes only orders made from its first day.
 */
export async function setListPrice(
  db: DbOrTx,
  viewer: Viewer,
  input: SetListPriceInput,
  clock: Clock,
): Promise<Result<ListPriceRow>> {
  requireRole(viewer, PRICE_LIST_KEEPERS);
  if (input.monthlyPriceMinor < 0)
    return userError(E.INVALID_INPUT, "A price cannot be negative.", ["input", "monthlyPrice"]);
  if (input.currency !== "SEK")
    return userError(E.INVALID_INPUT, "Prices are in SEK.", ["input", "monthlyPrice", "currency"]);
  const reason = input.reason.trim();
  if (!reason || reason.length > 500)
    return userError(E.PRICE_REASON_REQUIRED, "Say why the price changes (1–500 characters).", ["input", "reason"]);
  if (input.validFrom < clock.today)
    return userError(
      E.LIST_PRICE_IN_PAST,
      `A price can be set from today (${clock.today}) on; earlier prices are history.`,
      ["input", "validFrom"],
    );
  if (input.validTo && input.validTo < input.validFrom)
    return userError(E.INVALID_DATE_RANGE, "A price must end on or after its first day.", ["input", "validTo"]);
  return mutate(db, async (tx): Promise<Result<ListPriceRow>> => {
    // One change to an item's prices at a time, so two admins cannot both find the same gap.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"list_prices:" + input.item}))`);
    const prices = await tx
      .select()
      .from(listPrices)
      .where(eq(listPrices.item, input.item))
      .orderBy(asc(listPrices.validFrom));
    const previous = prices.filter((p) => p.validFrom < input.validFrom).at(-1);
    const next = prices.find((p) => p.validFrom >= input.validFrom);
    if (next?.validFrom === input.validFrom)
      return overlap(`${input.item} already has a price from ${input.validFrom}.`);
    const validTo = input.validTo ?? (next ? addDaysIso(next.validFrom, -1) : null);
    if (next && (validTo === null || validTo >= next.validFrom))
      return overlap(`${input.item} has a price from ${next.validFrom}; end the new one before it.`);
    if (previous && validTo !== null && (previous.validTo === null || previous.validTo > validTo)) {
      return overlap(
        `The price from ${previous.validFrom} runs past ${validTo}; a price inside another would split it.`,
      );
    }
    const closed = previous && (previous.validTo === null || previous.validTo >= input.validFrom) ? previous : null;
    if (closed)
      await tx
        .update(listPrices)
        .set({ validTo: addDaysIso(input.validFrom, -1) })
        .where(eq(listPrices.id, closed.id));
    const [row] = await tx
      .insert(listPrices)
      .values({
        item: input.item,
        monthlyPriceMinor: input.monthlyPriceMinor,
        currency: input.currency,
        validFrom: input.validFrom,
        validTo,
        createdByUserId: viewer.userId,
        reason,
      })
      .returning();
    await recordAudit(tx, viewer, {
      action: "listPrice.set",
      objectType: "ListPrice",
      objectId: row!.id,
      details: {
        item: input.item,
        monthlyPriceMinor: input.monthlyPriceMinor,
        validFrom: input.validFrom,
        validTo,
        reason,
        closedPriceId: closed?.id ?? null,
        closedPriceMinor: closed?.monthlyPriceMinor ?? null,
      },
    });
    return ok(row!);
  });
}
