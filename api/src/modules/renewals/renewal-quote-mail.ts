import type { Tx } from "../../db/client.js";
import type { RenewalQuoteLine } from "../../db/schema/index.js";
import { toGlobalId } from "../../shared/ids.js";
import { queueEmail, recipientsOf, usersWanting } from "../notifications/index.js";
import { kronor } from "./renewal-mail-text.js";

const ITEM_NAMES: Record<RenewalQuoteLine["item"], string> = {
  BOOKING: "Bokning",
  HANTERA: "Hantera",
  CONSUMPTION: "Förbrukning",
  HOSTING: "Aptus Hosting",
  MONITORING: "Systemövervakning",
};

export interface QuoteMail {
  agreementId: string;
  number: string;
  customerId: string;
  sellerId: string | null;
  startsOn: string;
  endsOn: string;
  lines: readonly RenewalQuoteLine[];
  yearlyTotalMinor: number;
}

function summary(q: QuoteMail, agreementUrl: string) {
  const lines = q.lines.length
    ? q.lines.map((l) => `- ${ITEM_NAMES[l.item]} × ${l.quantity}: ${kronor(l.monthlyPriceMinor)}/mån`).join("\n")
    : "- Inga hyrda licenser eller tillägg följer med.";
  return (
    `Ny period: ${q.startsOn}–${q.endsOn}\n${lines}\nSumma per år: ${kronor(q.yearlyTotalMinor)}\n\n` +
    `Avtalet i Trygg: ${agreementUrl}\n`
  );
}

const agreementUrl = (portalUrl: string, q: QuoteMail) =>
  `${portalUrl}/agreements/${encodeURIComponent(toGlobalId("Agreement", q.agreementId))}`;

/**
 * The seller is told of a request (the quote is theirs to confirm); the customer's admins of the answer. They are
 * renewal mails, so they follow the RENEWAL_REMINDER choice under "Mitt konto" like the reminders do.
 */
export async function mailQuoteRequested(tx: Tx, q: QuoteMail, requester: string, portalUrl: string) {
  const to = await usersWanting(tx, "RENEWAL_REMINDER", q.sellerId ? [q.sellerId] : []);
  for (const p of to) {
    await queueEmail(tx, {
      to: p.email,
      subject: `Förnyelse begärd: avtal ${q.number}`,
      body: `Hej!\n\n${requester} vill förnya avtal ${q.number}. Offerten enligt prislistan:\n\n${summary(q, agreementUrl(portalUrl, q))}\nBekräfta eller avböj den i Trygg.\n\nVänliga hälsningar\nTrygg\n`,
    });
  }
  return to.length;
}

export async function mailQuoteDecided(
  tx: Tx,
  q: QuoteMail,
  decision: { confirmed: true } | { confirmed: false; reason: string },
  portalUrl: string,
) {
  const to = [...new Set((await recipientsOf(tx, "RENEWAL_REMINDER", [q.customerId])).map((p) => p.email))];
  const subject = decision.confirmed ? `Avtal ${q.number} är förnyat` : `Förnyelsen av avtal ${q.number} avböjdes`;
  const intro = decision.confirmed
    ? `Avtal ${q.number} är förnyat enligt offerten.`
    : `Säljaren avböjde offerten för avtal ${q.number}: ${decision.reason}`;
  for (const address of to) {
    await queueEmail(tx, {
      to: address,
      subject,
      body: `Hej!\n\n${intro}\n\n${summary(q, agreementUrl(portalUrl, q))}\nVänliga hälsningar\nTrygg\n`,
    });
  }
  return to.length;
}
