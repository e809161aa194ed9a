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

/** What a renewal did with the parts: rentals carried, and for a quote, the add-ons carried and those it ends. */
export interface Carried {
  rentalsCarried: number;
  addOnsCarried?: { id: string; kind: string; monthlyPriceMinor: number }[];
  addOnsEnding?: { id: string; kind: string; endsOn: IsoDate }[];
}

/** Carries rentals (and, for a quote, add-ons) into the new period. */
export async function carryIntoNewPeriod(
  tx: Tx,
  a: AgreementRecord,
  period: { startsOn: IsoDate; endsOn: IsoDate },
  carry: Carry,
): Promise<Carried> {
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
  if ("all" in carry) return { rentalsCarried: carried.length };
  await orderAgainLapsedAddOns(tx, a, period.startsOn, carry.addOns);
  return { rentalsCarried: carried.length, ...(await carryRunningAddOns(tx, a, period.startsOn, carry.addOns)) };
}

/**
 * A quote's add-ons still running at the end (decision 0090). What the customer left unticked ends on the old
 * period's last day (NOT_RENEWED); what they chose ends there too (CARRIED) and goes on as a new add-on from the new
 * period's first day at the quoted price, so the old period is billed at the old price and the new at the new.
 * Add-ons have no other end ahead of them; a renewal by hand or on its own leaves them running as before.
 */
async function carryRunningAddOns(tx: Tx, a: AgreementRecord, startsOn: IsoDate, parts: readonly CarriedPart[]) {
  const running = await tx
    .select()
    .from(addOns)
    .where(and(eq(addOns.agreementId, a.id), isNull(addOns.endedOn), isNull(addOns.endsOn)));
  const chosen = new Map(parts.map((p) => [p.id, p.monthlyPriceMinor]));
  const addOnsCarried: NonNullable<Carried["addOnsCarried"]> = [];
  const addOnsEnding: NonNullable<Carried["addOnsEnding"]> = [];
  for (const old of running) {
    if (old.startsOn > a.endsOn) continue;
    const price = chosen.get(old.id);
    await tx
      .update(addOns)
      .set({ endsOn: a.endsOn, endReason: price === undefined ? "NOT_RENEWED" : "CARRIED" })
      .where(eq(addOns.id, old.id));
    if (price === undefined) {
      addOnsEnding.push({ id: old.id, kind: old.kind, endsOn: a.endsOn });
      continue;
    }
    const [next] = await tx
      .insert(addOns)
      .values({
        agreementId: a.id,
        kind: old.kind,
        hostedServices: old.hostedServices,
        monthlyPriceMinor: price,
        listPriceMinor: price,
        currency: old.currency,
        startsOn,
        carriedFromId: old.id,
      })
      .returning({ id: addOns.id });
    addOnsCarried.push({ id: next!.id, kind: old.kind, monthlyPriceMinor: price });
  }
  return { addOnsCarried, addOnsEnding };
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
