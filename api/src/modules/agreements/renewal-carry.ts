import { and, desc, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { addOns, licenceRentals } from "../../db/schema/index.js";
import type { IsoDate } from "../../shared/dates.js";
import type { AgreementRecord } from "./agreement-records.js";

/** A part carried into the new period at the price a renewal quote gave it (the whole quantity, per month). */
interface CarriedPart {
  id: string;
  monthlyPriceMinor: number;
}

/**
 * What a renewal carries: either every rental running to the end at its old price (`renewAgreement`'s
 * carryOverRentals), or the rentals and add-ons a customer chose, at the new period's list prices of their quote.
 */
export type Carry = { all: boolean } | { rentals: readonly CarriedPart[]; addOns: readonly CarriedPart[] };

/** Carries rentals (and ordered-again add-ons) into the new period; returns how many rentals were carried. */
export async function carryIntoNewPeriod(
  tx: Tx,
  a: AgreementRecord,
  period: { startsOn: IsoDate; endsOn: IsoDate },
  carry: Carry,
): Promise<number> {
  const running = await tx
    .select()
    .from(licenceRentals)
    .where(
      and(eq(licenceRentals.agreementId, a.id), eq(licenceRentals.endsOn, a.endsOn), isNull(licenceRentals.endedOn)),
    );
  const chosen = "all" in carry ? null : new Map(carry.rentals.map((r) => [r.id, r.monthlyPriceMinor]));
  const carried = "all" in carry ? (carry.all ? running : []) : running.filter((r) => chosen!.has(r.id));
  for (const r of carried) {
    const quoted = chosen?.get(r.id);
    await tx.insert(licenceRentals).values({
      agreementId: a.id,
      kind: r.kind,
      quantity: r.quantity,
      // A quoted rental is at the new list price; carried without a quote, it keeps its price and its reason.
      monthlyPriceMinor: quoted ?? r.monthlyPriceMinor,
      listPriceMinor: quoted ?? r.listPriceMinor,
      priceReason: quoted === undefined ? r.priceReason : null,
      currency: r.currency,
      startsOn: period.startsOn,
      endsOn: period.endsOn,
      carriedFromId: r.id,
    });
  }
  if (!("all" in carry)) await orderAgainLapsedAddOns(tx, a, period.startsOn, carry.addOns);
  return carried.length;
}

/**
 * Add-ons run while the agreement is valid and have no end ahead of them, so a running one simply goes on. One the
 * lapse job ended with the period (the quote was confirmed after the end) is ordered again from the new start, at
 * the quoted price, with its hosted services.
 */
async function orderAgainLapsedAddOns(tx: Tx, a: AgreementRecord, startsOn: IsoDate, parts: readonly CarriedPart[]) {
  for (const part of parts) {
    const [old] = await tx
      .select()
      .from(addOns)
      .where(and(eq(addOns.id, part.id), eq(addOns.agreementId, a.id)));
    if (!old?.endedOn) continue;
    const [running] = await tx
      .select({ id: addOns.id })
      .from(addOns)
      .where(and(eq(addOns.agreementId, a.id), eq(addOns.kind, old.kind), isNull(addOns.endedOn)))
      .orderBy(desc(addOns.createdAt));
    if (running) continue;
    await tx.insert(addOns).values({
      agreementId: a.id,
      kind: old.kind,
      hostedServices: old.hostedServices,
      monthlyPriceMinor: part.monthlyPriceMinor,
      listPriceMinor: part.monthlyPriceMinor,
      currency: old.currency,
      startsOn,
    });
  }
}
