import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import { priceIndexations, priceIndexSeries, type IndexedPriceLine } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { addDaysIso } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { isUniqueViolation, mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { priceListOn } from "./list-price.js";
import { indexValueOn, monthOf, monthStart, type PriceIndexationRow } from "./price-index.js";
import { PricingErrors as E } from "./pricing.errors.js";
import { PRICE_LIST_KEEPERS } from "./pricing.roles.js";
import { setListPrice } from "./set-list-price.js";

/** The change under which an indexation is carried forward, unless INDEX_THRESHOLD_PERCENT says otherwise. */
export const DEFAULT_INDEX_THRESHOLD_PERCENT = 2;

/** Index values are numeric(12, 4): as integers of ten-thousandths, so the arithmetic below is exact. */
function scaled(value: string): bigint {
  const [whole, frac = ""] = value.split(".");
  return BigInt(whole!) * 10_000n + BigInt(frac.padEnd(4, "0").slice(0, 4));
}

/**
 * new = old × index(to) / index(from), rounded as the price list rounds: to whole kronor, half up (the list's prices
 * are whole kronor, as the vendor's brochure quotes them). In integers, so no price turns on a float's last bit.
 */
export function indexedPriceMinor(oldMinor: number, from: string, to: string): number {
  const num = BigInt(oldMinor) * scaled(to);
  const den = scaled(from) * 100n;
  return Number(((2n * num + den) / (2n * den)) * 100n);
}

/** Whether the index moved less than the threshold (either way): then nothing changes this year. */
export function underThreshold(from: string, to: string, thresholdPercent: number): boolean {
  const diff = scaled(to) - scaled(from);
  const basisPoints = BigInt(Math.round(thresholdPercent * 100));
  return (diff < 0n ? -diff : diff) * 10_000n < basisPoints * scaled(from);
}

export interface IndexationInput {
  series: string;
  /** The month whose index the new prices follow. */
  toMonth: string;
  /** The month the current prices follow; only for a series' first indexation (later ones start from the last). */
  fromMonth?: string | null;
  /** The first day of the new prices; its year is the indexation's year. */
  validFrom: string;
  reason: string;
}

export interface IndexationPlan {
  seriesId: string;
  series: string;
  fromMonth: string;
  toMonth: string;
  fromValue: string;
  toValue: string;
  validFrom: string;
  year: number;
  outcome: "APPLIED" | "CARRIED_FORWARD";
  lines: IndexedPriceLine[];
}

const field = (name: string) => ["input", name];

/**
 * The one computation behind the preview and the apply: which months, which values, whether the change is under the
 * threshold, and every list price valid on the first day, old and new. The start month is the last applied
 * indexation's end month: a change carried forward leaves it, so next year's indexation covers both years.
 */
export async function planIndexation(
  db: DbOrTx,
  input: IndexationInput,
  clock: Clock,
  thresholdPercent: number,
): Promise<Result<IndexationPlan>> {
  const to = monthStart(input.toMonth);
  if (!to) return userError(E.INVALID_INPUT, `"${input.toMonth}" is not a month (YYYY-MM).`, field("toMonth"));
  if (input.validFrom < clock.today)
    return userError(E.LIST_PRICE_IN_PAST, `New prices can start today (${clock.today}) or later.`, field("validFrom"));
  const [series] = await db.select().from(priceIndexSeries).where(eq(priceIndexSeries.name, input.series.trim()));
  if (!series) return userError(E.INDEX_SERIES_UNKNOWN, `No index series "${input.series}".`, field("series"));
  const year = Number(input.validFrom.slice(0, 4));
  const [done] = await db.select().from(priceIndexations).where(eq(priceIndexations.year, year));
  if (done)
    return userError(
      E.ALREADY_INDEXED_THIS_YEAR,
      `The list was indexed for ${year} already; once a year.`,
      field("validFrom"),
    );
  const [last] = await db
    .select()
    .from(priceIndexations)
    .where(and(eq(priceIndexations.seriesId, series.id), eq(priceIndexations.outcome, "APPLIED")))
    .orderBy(desc(priceIndexations.year))
    .limit(1);
  const given = input.fromMonth ? monthStart(input.fromMonth) : null;
  if (input.fromMonth && !given)
    return userError(E.INVALID_INPUT, `"${input.fromMonth}" is not a month (YYYY-MM).`, field("fromMonth"));
  if (last && given && given !== last.toMonth)
    return userError(
      E.INVALID_INPUT,
      `The prices follow ${monthOf(last.toMonth)} since the last indexation.`,
      field("fromMonth"),
    );
  const from = last?.toMonth ?? given;
  if (!from)
    return userError(E.INVALID_INPUT, "The first indexation names the month the prices follow.", field("fromMonth"));
  if (to <= from) return userError(E.INVALID_INPUT, `Index to a month after ${monthOf(from)}.`, field("toMonth"));
  const [v1, v2] = [await indexValueOn(db, series.id, from), await indexValueOn(db, series.id, to)];
  for (const [v, month, name] of [
    [v1, from, "fromMonth"],
    [v2, to, "toMonth"],
  ] as const)
    if (!v)
      return userError(
        E.INDEX_VALUE_MISSING,
        `${series.name} has no value recorded for ${monthOf(month)}.`,
        field(name),
      );
  const lines = (await priceListOn(db, input.validFrom)).map((p) => ({
    item: p.item,
    oldMinor: p.monthlyPriceMinor,
    newMinor: indexedPriceMinor(p.monthlyPriceMinor, v1!.value, v2!.value),
  }));
  const outcome = underThreshold(v1!.value, v2!.value, thresholdPercent) ? "CARRIED_FORWARD" : "APPLIED";
  return ok({
    seriesId: series.id,
    series: series.name,
    fromMonth: from,
    toMonth: to,
    fromValue: v1!.value,
    toValue: v2!.value,
    validFrom: input.validFrom,
    year,
    outcome,
    lines,
  });
}

/**
 * Applies the plan the preview showed: the indexation row (its unique year refuses a second one, even from a race),
 * and, unless carried forward, a new list price per item from the first day through the price list's own rule, so
 * the history keeps who and why. All or nothing.
 */
export async function applyIndexation(
  db: DbOrTx,
  viewer: Viewer,
  input: IndexationInput,
  clock: Clock,
  thresholdPercent: number,
): Promise<Result<{ indexation: PriceIndexationRow; plan: IndexationPlan }>> {
  requireRole(viewer, PRICE_LIST_KEEPERS);
  const reason = input.reason.trim();
  if (!reason || reason.length > 300)
    return userError(E.PRICE_REASON_REQUIRED, "Say why the list is indexed (1–300 characters).", field("reason"));
  return mutate(db, async (tx: Tx) => {
    const planned = await planIndexation(tx, input, clock, thresholdPercent);
    if ("errors" in planned) return planned;
    const plan = planned.ok;
    const inserted = await tx
      .insert(priceIndexations)
      .values({ ...plan, reason, decidedById: viewer.userId })
      .returning()
      .catch((e: unknown) => (isUniqueViolation(e, "price_indexations_year_key") ? null : Promise.reject(e)));
    if (!inserted) return userError(E.ALREADY_INDEXED_THIS_YEAR, `The list was indexed for ${plan.year} already.`);
    const why = `Indexering ${plan.series} ${monthOf(plan.fromMonth)} → ${monthOf(plan.toMonth)}: ${reason}`;
    if (plan.outcome === "APPLIED") {
      for (const l of plan.lines) {
        const set = await setListPrice(
          tx,
          viewer,
          { item: l.item, monthlyPriceMinor: l.newMinor, currency: "SEK", validFrom: plan.validFrom, reason: why },
          clock,
        );
        if ("errors" in set) return set;
      }
    }
    await recordAudit(tx, viewer, {
      action: "priceList.indexed",
      objectType: "PriceIndexation",
      objectId: inserted[0]!.id,
      details: { ...plan, reason, lastDayOfOldPrices: addDaysIso(plan.validFrom, -1) },
    });
    return ok({ indexation: inserted[0]!, plan });
  });
}
