import { and, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import { renewalQuotes } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { findAgreement, renewAgreement, type AgreementRecord } from "../agreements/index.js";
import { asMail, type RenewalQuoteRow } from "./renewal-quote.js";
import { mailQuoteDecided } from "./renewal-quote-mail.js";
import { RenewalErrors as E } from "./renewals.errors.js";
import { RENEWAL_DECIDERS } from "./renewals.roles.js";

/** The quote and its agreement, as the viewer may see them: another tenant's quote answers as a missing one. */
async function visibleQuote(tx: Tx, viewer: Viewer, quoteId: string, clock: Clock) {
  const [q] = await tx.select().from(renewalQuotes).where(eq(renewalQuotes.id, quoteId));
  const a = q && (await findAgreement(tx, viewer, q.agreementId, clock));
  return q && a ? { q, a } : null;
}

/**
 * Takes the open quote for this decision. The conditional update is the race's referee: a second confirm waits on
 * the row, then finds it no longer REQUESTED and gets RENEWAL_QUOTE_DECIDED, so two clicks renew once.
 */
async function claim(tx: Tx, viewer: Viewer, q: RenewalQuoteRow, set: Partial<RenewalQuoteRow>) {
  const [won] = await tx
    .update(renewalQuotes)
    .set({ ...set, decidedById: viewer.userId, decidedAt: new Date() })
    .where(and(eq(renewalQuotes.id, q.id), eq(renewalQuotes.state, "REQUESTED")))
    .returning();
  return won ?? null;
}

const decided = () => userError(E.RENEWAL_QUOTE_DECIDED, "The quote has already been confirmed or declined.");
const missing = () => userError(E.NOT_FOUND, "No such renewal quote.", ["input", "quoteId"]);

/**
 * The seller confirms: the agreement is renewed through the renewal rule (renewAgreement) in the same transaction,
 * carrying what the customer chose at the quoted prices, and only from the end the quote was priced for.
 */
export async function confirmRenewalQuote(
  db: DbOrTx,
  viewer: Viewer,
  input: { quoteId: string },
  clock: Clock,
  portalUrl: string,
): Promise<Result<{ quote: RenewalQuoteRow; agreement: AgreementRecord }>> {
  requireRole(viewer, RENEWAL_DECIDERS);
  return mutate(db, async (tx) => {
    const found = await visibleQuote(tx, viewer, input.quoteId, clock);
    if (!found) return missing();
    const quote = await claim(tx, viewer, found.q, { state: "CONFIRMED" });
    if (!quote) return decided();
    const part = (kind: "rental" | "addOn") =>
      quote.lines
        .filter((l) => (kind === "addOn") === (l.item === "HOSTING" || l.item === "MONITORING"))
        .map((l) => ({ id: l.partId, monthlyPriceMinor: l.monthlyPriceMinor }));
    const renewed = await renewAgreement(
      tx,
      viewer,
      {
        agreementId: quote.agreementId,
        endsOn: quote.endsOn,
        carryOverRentals: false,
        fromEndsOn: quote.renewsEndOn,
        carry: { rentals: part("rental"), addOns: part("addOn") },
      },
      clock,
    );
    if ("errors" in renewed) return renewed;
    const a = renewed.ok;
    const mailed = await mailQuoteDecided(tx, asMail(quote, a), { confirmed: true }, portalUrl);
    await recordAudit(tx, viewer, {
      action: "agreement.renewalConfirmed",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
      details: {
        quoteId: quote.id,
        startsOn: quote.startsOn,
        endsOn: quote.endsOn,
        ending: quote.ending,
        customerMailed: mailed,
      },
    });
    return ok({ quote, agreement: a });
  });
}

/** The seller declines, saying why; the customer's admins are told the reason and may ask again. */
export async function declineRenewalQuote(
  db: DbOrTx,
  viewer: Viewer,
  input: { quoteId: string; reason: string },
  clock: Clock,
  portalUrl: string,
): Promise<Result<{ quote: RenewalQuoteRow; agreement: AgreementRecord }>> {
  requireRole(viewer, RENEWAL_DECIDERS);
  const reason = input.reason.trim();
  return mutate(db, async (tx) => {
    const found = await visibleQuote(tx, viewer, input.quoteId, clock);
    if (!found) return missing();
    if (!reason) return userError(E.INVALID_INPUT, "Say why the renewal is declined.", ["input", "reason"]);
    const quote = await claim(tx, viewer, found.q, { state: "DECLINED", declineReason: reason });
    if (!quote) return decided();
    const mailed = await mailQuoteDecided(tx, asMail(quote, found.a), { confirmed: false, reason }, portalUrl);
    await recordAudit(tx, viewer, {
      action: "agreement.renewalDeclined",
      objectType: "Agreement",
      objectId: found.a.id,
      organisationId: found.a.customerId,
      details: { quoteId: quote.id, reason, customerMailed: mailed },
    });
    return ok({ quote, agreement: found.a });
  });
}
