import type { Tx } from "../../db/client.js";
import type { RenewalQuoteLine } from "../../db/schema/index.js";
import { toGlobalId } from "../../shared/ids.js";
import { queueMailToEach, recipientsOf, usersWanting } from "../notifications/index.js";
import { QUOTE_DECIDED_MAIL, QUOTE_REQUESTED_MAIL, type QuoteFacts } from "./renewal.mails.js";

export interface QuoteMail {
  agreementId: string;
  number: string;
  customerId: string;
  sellerId: string | null;
  startsOn: string;
  endsOn: string;
  lines: readonly RenewalQuoteLine[];
  /** Null on a quote from before the base fee was listed. */
  baseFeeMonthlyMinor: number | null;
  yearlyTotalMinor: number;
}

const facts = (q: QuoteMail, portalUrl: string): QuoteFacts => ({
  number: q.number,
  startsOn: q.startsOn,
  endsOn: q.endsOn,
  lines: q.lines,
  baseFeeMonthlyMinor: q.baseFeeMonthlyMinor,
  yearlyTotalMinor: q.yearlyTotalMinor,
  agreementUrl: `${portalUrl}/agreements/${encodeURIComponent(toGlobalId("Agreement", q.agreementId))}`,
});

/**
 * The seller is told of a request (the quote is theirs to confirm); the customer's admins of the answer. They are
 * renewal mails, so they follow the RENEWAL_REMINDER choice under "Mitt konto" like the reminders do.
 */
export async function mailQuoteRequested(tx: Tx, q: QuoteMail, requester: string, portalUrl: string) {
  const to = await usersWanting(tx, "RENEWAL_REMINDER", q.sellerId ? [q.sellerId] : []);
  await queueMailToEach(tx, QUOTE_REQUESTED_MAIL, to, { ...facts(q, portalUrl), requester });
  return to.length;
}

export async function mailQuoteDecided(
  tx: Tx,
  q: QuoteMail,
  decision: { confirmed: true } | { confirmed: false; reason: string },
  portalUrl: string,
) {
  const to = await recipientsOf(tx, "RENEWAL_REMINDER", [q.customerId]);
  const mailed = await queueMailToEach(tx, QUOTE_DECIDED_MAIL, to, {
    ...facts(q, portalUrl),
    declinedBecause: decision.confirmed ? null : decision.reason,
  });
  return mailed.length;
}
