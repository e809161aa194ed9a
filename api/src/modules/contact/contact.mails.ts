import { MAIL_DATES, SIGN_OFF, mailKind } from "../notifications/index.js";
import type { ContactRequestKind } from "./contact.enums.js";

interface ReceiptFacts {
  name: string;
  kind: ContactRequestKind;
  dueAt: Date;
  /** When support opens next, if it is closed now. */
  opensAt: Date | null;
}

const english = (f: ReceiptFacts) =>
  f.kind === "HELP"
    ? `Aptus support has received your question and will answer by ${MAIL_DATES.EN.at(f.dueAt)} (Swedish time).`
    : `A seller at Aptus will contact you about an agreement by ${MAIL_DATES.EN.at(f.dueAt)} (Swedish time).`;

/**
 * The sender's receipt (decision 0081): what we received and by when we answer, on the support calendar. A sender
 * has no account and so no language of their own: they get the Swedish receipt, which ends with its gist in English.
 */
export const CONTACT_RECEIPT_MAIL = mailKind<ReceiptFacts>(
  "contactReceipt",
  {
    SV: (f) => ({
      subject: f.kind === "HELP" ? "Vi har tagit emot din fråga" : "Vi har tagit emot din förfrågan om avtal",
      body: [
        `Hej ${f.name}!`,
        "",
        f.kind === "HELP"
          ? `Tack! Aptus support har tagit emot din fråga och svarar senast ${MAIL_DATES.SV.when(f.dueAt)}.`
          : `Tack! En säljare på Aptus kontaktar dig om avtal senast ${MAIL_DATES.SV.when(f.dueAt)}.`,
        f.opensAt ? `Supporten är stängd just nu och öppnar ${MAIL_DATES.SV.when(f.opensAt)}.` : "",
        "",
        `Thank you: ${english(f)}`,
        "",
        SIGN_OFF.SV,
      ].join("\n"),
    }),
    EN: (f) => ({
      subject:
        f.kind === "HELP" ? "We have received your question" : "We have received your request about an agreement",
      body: [
        `Hello ${f.name},`,
        "",
        `Thank you. ${english(f)}`,
        f.opensAt ? `Support is closed just now and opens ${MAIL_DATES.EN.at(f.opensAt)}.` : "",
        "",
        SIGN_OFF.EN,
      ].join("\n"),
    }),
  },
  { name: "Eva Ek", kind: "HELP", dueAt: new Date("2027-03-02T09:00:00Z"), opensAt: null },
);
