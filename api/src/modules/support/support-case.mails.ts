import { MAIL_DATES, mailKind, type MailLanguage } from "../notifications/index.js";

/** The support case's mails, each in its reader's language (decision 0089). What people wrote is quoted as written. */

const at = (language: MailLanguage, t: Date | number | null) => (t == null ? "–" : MAIL_DATES[language].when(t));

interface CaseFacts {
  number: string;
  subject: string;
  responseDueAt: Date | null;
}
const exampleCase: CaseFacts = {
  number: "S-2026-0007",
  subject: "Dörren i port 2 låser inte",
  responseDueAt: new Date("2026-03-03T08:00:00Z"),
};

/** The customer's receipt: the case number, when to expect an answer, and when support opens if it is closed now. */
export const CASE_RECEIPT_MAIL = mailKind<
  CaseFacts & { openNow: boolean; nextOpening: number; answeredBy: string | null }
>(
  "supportCaseReceipt",
  {
    SV: (f) => ({
      subject: `Ärende ${f.number} är mottaget: ${f.subject}`,
      body: [
        `Tack! Vi har tagit emot ditt ärende ${f.number}.`,
        `Det besvaras av ${f.answeredBy ?? "er installatör"}.`,
        f.responseDueAt ? `Du får svar senast ${at("SV", f.responseDueAt)}.` : "",
        f.openNow ? "" : `Supporten är stängd just nu och öppnar ${at("SV", f.nextOpening)}.`,
      ].join("\n"),
    }),
    EN: (f) => ({
      subject: `Case ${f.number} received: ${f.subject}`,
      body: [
        `Thank you! We have received your case ${f.number}.`,
        `It is answered by ${f.answeredBy ?? "your installer"}.`,
        f.responseDueAt ? `You will get an answer by ${at("EN", f.responseDueAt)}.` : "",
        f.openNow ? "" : `Support is closed right now and opens ${at("EN", f.nextOpening)}.`,
      ].join("\n"),
    }),
  },
  { ...exampleCase, openNow: false, nextOpening: Date.parse("2026-03-03T07:00:00Z"), answeredBy: "Aptus support" },
);

type NewCaseFacts = CaseFacts & { priority: string; category: string; description: string; customer: string };

export const NEW_CASE_MAIL = mailKind<NewCaseFacts>(
  "supportCaseNew",
  {
    SV: (f) => ({
      subject: `Nytt supportärende ${f.number} (${f.priority}): ${f.subject}`,
      body: `${f.customer} har öppnat ärende ${f.number} (${f.category}).\nSvar senast: ${at("SV", f.responseDueAt)}\n\n${f.description}`,
    }),
    EN: (f) => ({
      subject: `New support case ${f.number} (${f.priority}): ${f.subject}`,
      body: `${f.customer} has opened case ${f.number} (${f.category}).\nAnswer due: ${at("EN", f.responseDueAt)}\n\n${f.description}`,
    }),
  },
  {
    ...exampleCase,
    priority: "HIGH",
    category: "ACCESS",
    description: "Låset svarar inte.",
    customer: "BRF Solgläntan",
  },
);

/** An escalation from a silent installer, to the vendor's support team. */
export const CASE_ESCALATED_MAIL = mailKind<NewCaseFacts & { partner: string }>(
  "supportCaseEscalated",
  {
    SV: (f) => ({
      subject: `Eskalerat ärende ${f.number} (${f.priority}): ${f.subject}`,
      body: `${f.partner || "Installatören"} har inte svarat på ${f.customer}s ärende ${f.number} inom svarstiden, som gick ut ${at("SV", f.responseDueAt)}. Ärendet ligger nu i Aptus supports kö.\n\n${f.description}`,
    }),
    EN: (f) => ({
      subject: `Escalated case ${f.number} (${f.priority}): ${f.subject}`,
      body: `${f.partner || "The installer"} has not answered ${f.customer}'s case ${f.number} within the response time, which ended ${at("EN", f.responseDueAt)}. The case is now in Aptus support's queue.\n\n${f.description}`,
    }),
  },
  {
    ...exampleCase,
    priority: "HIGH",
    category: "ACCESS",
    description: "Låset svarar inte.",
    customer: "BRF Solgläntan",
    partner: "Lås & Larm AB",
  },
);

/** The same escalation as the installer hears it: the case has left its queue. */
export const CASE_LEFT_PARTNER_MAIL = mailKind<CaseFacts>(
  "supportCaseLeftPartner",
  {
    SV: (f) => ({
      subject: `Ärende ${f.number} har gått till Aptus support: ${f.subject}`,
      body: `Ärende ${f.number} fick inget svar inom svarstiden och har flyttats till Aptus supports kö. Ni behöver inte göra något mer med det.`,
    }),
    EN: (f) => ({
      subject: `Case ${f.number} has gone to Aptus support: ${f.subject}`,
      body: `Case ${f.number} got no answer within the response time and has been moved to Aptus support's queue. You need not do anything more with it.`,
    }),
  },
  exampleCase,
);

export const CASE_REPLY_MAIL = mailKind<CaseFacts & { reply: string }>(
  "supportCaseReply",
  {
    SV: (f) => ({
      subject: `Nytt svar i ärende ${f.number}: ${f.subject}`,
      body: `${f.reply}\n\nSvara i Trygg-portalen.`,
    }),
    EN: (f) => ({
      subject: `New reply in case ${f.number}: ${f.subject}`,
      body: `${f.reply}\n\nReply in the Trygg portal.`,
    }),
  },
  { ...exampleCase, reply: "Vi skickar en tekniker i morgon." },
);
