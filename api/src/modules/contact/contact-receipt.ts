import type { DbOrTx } from "../../db/client.js";
import { TIME_ZONE } from "../../shared/dates.js";
import { queueEmail } from "../notifications/index.js";
import type { ContactRequestKind } from "./contact.enums.js";

const when = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
});

/**
 * The sender's receipt: what we received and by when we answer, counted on the support calendar (and when support
 * opens, if it is closed now). The sender has no account and so no language setting: Swedish first, then English.
 */
export async function sendContactReceipt(
  db: DbOrTx,
  to: { email: string; name: string },
  kind: ContactRequestKind,
  facts: { dueAt: Date; openNow: boolean; nextOpening: Date },
) {
  const help = kind === "HELP";
  const due = when.format(facts.dueAt);
  await queueEmail(db, {
    to: to.email,
    subject: help ? "Vi har tagit emot din fråga" : "Vi har tagit emot din förfrågan om avtal",
    body: [
      `Hej ${to.name}!`,
      "",
      help
        ? `Tack! Aptus support har tagit emot din fråga och svarar senast ${due}.`
        : `Tack! En säljare på Aptus kontaktar dig om avtal senast ${due}.`,
      facts.openNow ? "" : `Supporten är stängd just nu och öppnar ${when.format(facts.nextOpening)}.`,
      "",
      help
        ? `Thank you: Aptus support has received your question and will answer by ${due} (Swedish time).`
        : `Thank you: a seller at Aptus will contact you about an agreement by ${due} (Swedish time).`,
    ].join("\n"),
  });
}
