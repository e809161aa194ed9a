import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { addOns, hanteraAccounts, licenceRentals, tiers } from "../../db/schema/index.js";
import type { IsoDate } from "../../shared/dates.js";
import { tellPartnerOfLapse } from "./agreement-webhook.js";
import type { AddOnKind, TierCode } from "./agreement-records.js";

/** Why an agreement ended: its last period ran out, or it was terminated early. */
export type EndCause = "EXPIRED" | "TERMINATED";

export interface EndedParts {
  /** Rentals that ended with the agreement: those that ran past its last day now end on it. */
  rentalsEnded: { id: string; kind: string; quantity: number }[];
  addOnsEnded: { id: string; kind: AddOnKind; hostedServices: string[] }[];
  /** Active Hantera accounts beyond the tier's included ones, flagged for the customer to choose which stay. */
  accountsFlagged: { id: string; name: string; email: string }[];
}

/**
 * What lapse-preview.ts shows, done: called by the lapse job once per agreement and end (in its
 * transaction, behind its unique marker). Rentals and add-ons end on the agreement's last day, as
 * terminateAgreement ends them; a rental that ends on that day anyway is left as it is, so that a
 * later renewal still carries it over. The Hantera accounts are not deactivated: the tier's included
 * ones are kept, and those above that count, newest first, are flagged until the customer chooses.
 */
export async function endAgreementParts(
  tx: Tx,
  agreement: { id: string; tier: TierCode },
  endedOn: IsoDate,
  cause: EndCause,
): Promise<EndedParts> {
  await tellPartnerOfLapse(tx, agreement.id, endedOn, cause);
  await tx
    .update(licenceRentals)
    .set({ endedOn })
    .where(
      and(
        eq(licenceRentals.agreementId, agreement.id),
        isNull(licenceRentals.endedOn),
        gt(licenceRentals.endsOn, endedOn),
      ),
    );
  await tx
    .update(addOns)
    .set({ endedOn, endReason: cause === "TERMINATED" ? "AGREEMENT_TERMINATED" : "AGREEMENT_EXPIRED" })
    .where(
      and(
        eq(addOns.agreementId, agreement.id),
        isNull(addOns.endedOn),
        // One a renewal quote ended earlier (decision 0090) ended on its own day, not with the agreement.
        or(isNull(addOns.endsOn), gt(addOns.endsOn, endedOn)),
      ),
    );
  // What ended with the agreement, whether just now or already by terminateAgreement on the day it was given notice.
  const rentalsEnded = await tx
    .select({ id: licenceRentals.id, kind: licenceRentals.kind, quantity: licenceRentals.quantity })
    .from(licenceRentals)
    .where(
      and(
        eq(licenceRentals.agreementId, agreement.id),
        lte(licenceRentals.startsOn, endedOn),
        sql`coalesce(${licenceRentals.endedOn}, ${licenceRentals.endsOn}) = ${endedOn}::date`,
      ),
    );
  const addOnsEnded = await tx
    .select({ id: addOns.id, kind: addOns.kind, hostedServices: addOns.hostedServices })
    .from(addOns)
    .where(
      and(
        eq(addOns.agreementId, agreement.id),
        eq(addOns.endedOn, endedOn),
        inArray(addOns.endReason, ["AGREEMENT_TERMINATED", "AGREEMENT_EXPIRED"]),
      ),
    );
  const [tier] = await tx
    .select({ included: tiers.includedHanteraAccounts })
    .from(tiers)
    .where(eq(tiers.code, agreement.tier));
  const active = await tx
    .select({ id: hanteraAccounts.id, name: hanteraAccounts.name, email: hanteraAccounts.email })
    .from(hanteraAccounts)
    .where(and(eq(hanteraAccounts.agreementId, agreement.id), isNull(hanteraAccounts.deactivatedAt)))
    .orderBy(asc(hanteraAccounts.createdAt), asc(hanteraAccounts.id));
  const above = active.slice(tier?.included ?? 0);
  if (above.length)
    await tx
      .update(hanteraAccounts)
      .set({ overQuotaSince: endedOn })
      .where(
        inArray(
          hanteraAccounts.id,
          above.map((a) => a.id),
        ),
      );
  return { rentalsEnded, addOnsEnded, accountsFlagged: above };
}
