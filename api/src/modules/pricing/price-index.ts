import { and, asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { priceIndexations, priceIndexSeries, priceIndexValues } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { PricingErrors as E } from "./pricing.errors.js";
import { PRICE_LIST_KEEPERS } from "./pricing.roles.js";

export type PriceIndexSeriesRow = typeof priceIndexSeries.$inferSelect;
export type PriceIndexValueRow = typeof priceIndexValues.$inferSelect;
export type PriceIndexationRow = typeof priceIndexations.$inferSelect;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** An index value as published: up to eight digits and four decimals (KPI has two). */
const VALUE = /^\d{1,8}(\.\d{1,4})?$/;

/** "2026-10" as the first day of its month, or null when it is not a month. */
export function monthStart(month: string): string | null {
  return MONTH.test(month) ? `${month}-01` : null;
}

/** The month of a first day, "2026-10-01" → "2026-10". */
export const monthOf = (firstDay: string) => firstDay.slice(0, 7);

export interface RecordIndexValuesInput {
  series: string;
  /** Needed when the series is new: the month it is based on. */
  baseMonth?: string | null;
  values: readonly { month: string; value: string }[];
}

/**
 * Admins record an index's values as published (e.g. SCB's KPI, 1980 = 100). A series is named once, with its base
 * month; a value recorded again for a month replaces the earlier one (a correction), and the audit trail keeps both.
 */
export async function recordIndexValues(
  db: DbOrTx,
  viewer: Viewer,
  input: RecordIndexValuesInput,
): Promise<Result<PriceIndexSeriesRow>> {
  requireRole(viewer, PRICE_LIST_KEEPERS);
  const name = input.series.trim();
  if (!name || name.length > 40)
    return userError(E.INVALID_INPUT, "Name the series (1–40 characters).", ["input", "series"]);
  if (input.values.length === 0 || input.values.length > 240)
    return userError(E.INVALID_INPUT, "Give 1–240 monthly values.", ["input", "values"]);
  for (const [i, v] of input.values.entries()) {
    if (!monthStart(v.month))
      return userError(E.INVALID_INPUT, `"${v.month}" is not a month (YYYY-MM).`, [
        "input",
        "values",
        String(i),
        "month",
      ]);
    if (!VALUE.test(v.value.trim()) || Number(v.value) <= 0)
      return userError(E.INVALID_INPUT, `"${v.value}" is not an index value above 0.`, [
        "input",
        "values",
        String(i),
        "value",
      ]);
  }
  return mutate(db, async (tx) => {
    let [series] = await tx.select().from(priceIndexSeries).where(eq(priceIndexSeries.name, name));
    if (!series) {
      const base = input.baseMonth ? monthStart(input.baseMonth) : null;
      if (!base)
        return userError(E.INVALID_INPUT, "A new series needs its base month (YYYY-MM).", ["input", "baseMonth"]);
      [series] = await tx.insert(priceIndexSeries).values({ name, baseMonth: base }).onConflictDoNothing().returning();
      series ??= (await tx.select().from(priceIndexSeries).where(eq(priceIndexSeries.name, name)))[0];
    }
    const before = await tx.select().from(priceIndexValues).where(eq(priceIndexValues.seriesId, series!.id));
    for (const v of input.values) {
      const month = monthStart(v.month)!;
      await tx
        .insert(priceIndexValues)
        .values({ seriesId: series!.id, month, value: v.value.trim(), recordedById: viewer.userId })
        .onConflictDoUpdate({
          target: [priceIndexValues.seriesId, priceIndexValues.month],
          set: { value: v.value.trim(), recordedById: viewer.userId, recordedAt: new Date() },
        });
    }
    await recordAudit(tx, viewer, {
      action: "priceIndex.record",
      objectType: "PriceIndexSeries",
      objectId: series!.id,
      details: {
        series: name,
        values: input.values.map((v) => ({
          ...v,
          replaced: before.find((b) => b.month === monthStart(v.month))?.value ?? null,
        })),
      },
    });
    return ok(series!);
  });
}

export async function listIndexSeries(db: DbOrTx): Promise<PriceIndexSeriesRow[]> {
  return db.select().from(priceIndexSeries).orderBy(asc(priceIndexSeries.name));
}

export async function indexValuesOf(db: DbOrTx, seriesId: string): Promise<PriceIndexValueRow[]> {
  return db
    .select()
    .from(priceIndexValues)
    .where(eq(priceIndexValues.seriesId, seriesId))
    .orderBy(desc(priceIndexValues.month));
}

export async function indexValueOn(db: DbOrTx, seriesId: string, month: string) {
  const [row] = await db
    .select()
    .from(priceIndexValues)
    .where(and(eq(priceIndexValues.seriesId, seriesId), eq(priceIndexValues.month, month)));
  return row ?? null;
}

export async function listIndexations(db: DbOrTx): Promise<PriceIndexationRow[]> {
  return db.select().from(priceIndexations).orderBy(desc(priceIndexations.year));
}
