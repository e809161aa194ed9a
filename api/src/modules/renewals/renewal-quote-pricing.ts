import type { DbOrTx } from "../../db/client.js";
import { and, eq, isNull } from "drizzle-orm";
import {
  addOns,
  licenceRentals,
  type pricedItem,
  type RenewalQuoteEnding,
  type RenewalQuoteLine,
} from "../../db/schema/index.js";
import { addDaysIso, type IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import type { AgreementRecord } from "../agreements/index.js";
import { baseFeeOn, listPriceOn } from "../pricing/index.js";
import { RenewalErrors as E } from "./renewals.errors.js";

export interface RenewalChoice {
  rentalIds: readonly string[];
  addOnIds: readonly string[];
}

export interface PricedRenewal {
  startsOn: IsoDate;
  endsOn: IsoDate;
  lines: RenewalQuoteLine[];
  /** The tier's base fee a month on the new period's first day: its own line of the quote. */
  baseFee: { item: (typeof pricedItem.enumValues)[number]; monthlyPriceMinor: number };
  ending: RenewalQuoteEnding[];
  yearlyTotalMinor: number;
  currency: string;
}

/** The period a renewal asks for: one year from the day after the current end. */
export function nextPeriod(currentEnd: IsoDate): { startsOn: IsoDate; endsOn: IsoDate } {
  const startsOn = addDaysIso(currentEnd, 1);
  const [y, m, d] = startsOn.split("-").map(Number) as [number, number, number];
  // 29 February a year on is 1 March: Date.UTC rolls it over, so the period is still a year less a day.
  const yearOn = new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
  return { startsOn, endsOn: addDaysIso(yearOn, -1) };
}

/**
 * Prices what the customer chose to carry, and the tier's base fee, at the list price of the new period's first
 * day: the new period's prices, not those the rentals were once rented at (price-list changes reach the customer at
 * renewal). Only rentals that run to the current end can be carried (one that ended early is gone), and only the
 * agreement's own add-ons that have not been cancelled before the end.
 */
export async function priceRenewal(
  db: DbOrTx,
  a: AgreementRecord,
  choice: RenewalChoice,
): Promise<Result<PricedRenewal>> {
  const period = nextPeriod(a.endsOn);
  const lines: RenewalQuoteLine[] = [];
  for (const id of new Set(choice.rentalIds)) {
    const [r] = await db
      .select()
      .from(licenceRentals)
      .where(and(eq(licenceRentals.id, id), eq(licenceRentals.agreementId, a.id)));
    if (!r || r.endedOn || r.endsOn !== a.endsOn)
      return userError(E.INVALID_INPUT, "Only rentals that run to the end of the period can be carried.", [
        "input",
        "rentalIds",
      ]);
    lines.push({ partId: r.id, item: r.kind, quantity: r.quantity, unitPriceMinor: 0, monthlyPriceMinor: 0 });
  }
  for (const id of new Set(choice.addOnIds)) {
    const [o] = await db
      .select()
      .from(addOns)
      .where(and(eq(addOns.id, id), eq(addOns.agreementId, a.id)));
    // An add-on the lapse job ended with the period may be carried (ordered again); one cancelled earlier may not.
    if (!o || (o.endedOn && !(o.endedOn === a.endsOn && o.endReason === "AGREEMENT_EXPIRED")))
      return userError(E.INVALID_INPUT, "Only add-ons running to the end of the period can be carried.", [
        "input",
        "addOnIds",
      ]);
    lines.push({ partId: o.id, item: o.kind, quantity: 1, unitPriceMinor: 0, monthlyPriceMinor: 0 });
  }
  for (const line of lines) {
    const list = await listPriceOn(db, line.item, period.startsOn);
    if (!list) return userError(E.NO_LIST_PRICE, `The price list has no price for ${line.item} on ${period.startsOn}.`);
    line.unitPriceMinor = list.monthlyPriceMinor;
    line.monthlyPriceMinor = list.monthlyPriceMinor * line.quantity;
  }
  // The agreement itself is renewed too: its tier's base fee of the new period is part of what a year costs.
  const fee = await baseFeeOn(db, a.tier, period.startsOn);
  if (!fee) return userError(E.NO_LIST_PRICE, `The price list has no base fee for ${a.tier} on ${period.startsOn}.`);
  const baseFee = { item: fee.item, monthlyPriceMinor: fee.monthlyPriceMinor };
  const yearlyTotalMinor = 12 * (baseFee.monthlyPriceMinor + lines.reduce((sum, l) => sum + l.monthlyPriceMinor, 0));
  const ending = await notChosen(db, a, lines);
  return ok({ ...period, lines, baseFee, ending, yearlyTotalMinor, currency: "SEK" });
}

/** Rentals running to the end and add-ons with no end ahead that the customer did not tick: they end with it. */
async function notChosen(db: DbOrTx, a: AgreementRecord, lines: readonly RenewalQuoteLine[]) {
  const chosen = new Set(lines.map((l) => l.partId));
  const rentals = await db
    .select()
    .from(licenceRentals)
    .where(
      and(eq(licenceRentals.agreementId, a.id), eq(licenceRentals.endsOn, a.endsOn), isNull(licenceRentals.endedOn)),
    )
    .orderBy(licenceRentals.createdAt);
  const running = await db
    .select()
    .from(addOns)
    .where(and(eq(addOns.agreementId, a.id), isNull(addOns.endedOn), isNull(addOns.endsOn)))
    .orderBy(addOns.createdAt);
  const ending: RenewalQuoteEnding[] = [
    ...rentals.map((r) => ({ partId: r.id, item: r.kind, quantity: r.quantity })),
    ...running.map((o) => ({ partId: o.id, item: o.kind, quantity: 1 })),
  ];
  return ending.filter((e) => !chosen.has(e.partId));
}
