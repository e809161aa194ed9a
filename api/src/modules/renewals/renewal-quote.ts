import type { DbOrTx } from "../../db/client.js";
import { renewalQuotes } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { findAgreement, isRenewable, type AgreementRecord } from "../agreements/index.js";
import { mailQuoteRequested, type QuoteMail } from "./renewal-quote-mail.js";
import { priceRenewal, type RenewalChoice } from "./renewal-quote-pricing.js";
import { RenewalErrors as E } from "./renewals.errors.js";
import { RENEWAL_REQUESTERS } from "./renewals.roles.js";

export type RenewalQuoteRow = typeof renewalQuotes.$inferSelect;

export const asMail = (q: RenewalQuoteRow, a: AgreementRecord): QuoteMail => ({
  agreementId: a.id,
  number: a.number,
  customerId: a.customerId,
  sellerId: a.sellerId,
  startsOn: q.startsOn,
  endsOn: q.endsOn,
  lines: q.lines,
  baseFeeMonthlyMinor: q.baseFeeMonthlyMinor,
  yearlyTotalMinor: q.yearlyTotalMinor,
});

/**
 * "Förnya avtalet": the customer's admin chooses what to carry, and the seller gets a quote priced from the list
 * of the new period's first day. One open quote per agreement; the request is in the audit trail and the seller's
 * mail.
 */
export async function requestRenewal(
  db: DbOrTx,
  viewer: Viewer,
  input: RenewalChoice & { agreementId: string },
  clock: Clock,
  portalUrl: string,
): Promise<Result<RenewalQuoteRow>> {
  requireRole(viewer, RENEWAL_REQUESTERS);
  return mutate(db, async (tx) => {
    const a = await findAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return userError(E.NOT_FOUND, "No such agreement.", ["input", "agreementId"]);
    if (!isRenewable(a.status))
      return userError(E.AGREEMENT_NOT_RENEWABLE, `A ${a.status.toLowerCase()} agreement cannot be renewed.`);
    const priced = await priceRenewal(tx, a, input);
    if ("errors" in priced) return priced;
    const { startsOn, endsOn, lines, baseFee, ending, yearlyTotalMinor, currency } = priced.ok;
    const [quote] = await tx
      .insert(renewalQuotes)
      .values({
        agreementId: a.id,
        renewsEndOn: a.endsOn,
        startsOn,
        endsOn,
        lines,
        baseFeeItem: baseFee.item,
        baseFeeMonthlyMinor: baseFee.monthlyPriceMinor,
        ending,
        yearlyTotalMinor,
        currency,
        requestedById: viewer.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!quote)
      return userError(E.RENEWAL_ALREADY_REQUESTED, `A renewal of ${a.number} is already waiting for the seller.`);
    const mailed = await mailQuoteRequested(tx, asMail(quote, a), viewer.name, portalUrl);
    await recordAudit(tx, viewer, {
      action: "agreement.renewalRequested",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
      details: {
        quoteId: quote.id,
        startsOn,
        endsOn,
        lines,
        baseFee,
        ending,
        yearlyTotalMinor,
        sellerMailed: mailed > 0,
      },
    });
    return ok(quote);
  });
}
