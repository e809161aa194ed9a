import type { RenewalQuoteLine } from "../../db/schema/index.js";
import type { IsoDate } from "../../shared/dates.js";
import type { StoppingCheck } from "../monitoring/index.js";
import { SIGN_OFF, mailKind, type MailLanguage } from "../notifications/index.js";

/** The renewal mails (reminders, the digest, the renewal quote), each in its reader's language (decision 0089). */

/** Öre as whole kronor, "12 000 kr" / "SEK 12,000", with plain spaces so every mail reader shows it alike. */
function money(language: MailLanguage, minor: number): string {
  const whole = Math.round(minor / 100);
  return language === "SV"
    ? `${whole.toLocaleString("sv-SE").replace(/[\u00a0\u202f]/g, " ")} kr`
    : `SEK ${whole.toLocaleString("en-GB")}`;
}

interface ReminderFacts {
  number: string;
  customerName: string;
  daysLeft: number;
  endsOn: IsoDate;
  agreementUrl: string;
  accountUrl: string;
  /** On the last reminder: what stops on the end day unless the agreement is renewed. */
  windDown?: { checks: readonly StoppingCheck[]; hosting: readonly (readonly string[])[] };
}

/** The advance notice of monitoring and hosting that stop on the end day, line by line; empty when nothing does. */
function windDownLines(language: MailLanguage, f: ReminderFacts): string {
  const w = f.windDown;
  if (!w || (w.checks.length === 0 && w.hosting.length === 0)) return "";
  const sv = language === "SV";
  const lines = [
    sv
      ? `Förnyas avtalet inte stannar detta ${f.endsOn}:`
      : `Unless the agreement is renewed, this stops on ${f.endsOn}:`,
    ...w.checks.map((c) =>
      sv
        ? `- Övervakningen pausas: ${c.name} (${c.propertyName}); avbrott meddelas inte längre.`
        : `- Monitoring is paused: ${c.name} (${c.propertyName}); outages are no longer reported.`,
    ),
    ...w.hosting.map((services) =>
      sv
        ? `- Aptus Hosting (${services.join(", ")}) upphör; kontakta oss om säkerhetskopior och flytt av data.`
        : `- Aptus Hosting (${services.join(", ")}) ends; contact us about backups and moving your data.`,
    ),
  ];
  return `${lines.join("\n")}\n\n`;
}

export const RENEWAL_REMINDER_MAIL = mailKind<ReminderFacts>(
  "renewalReminder",
  {
    SV: (f) => ({
      subject: `Avtal ${f.number} (${f.customerName}) löper ut om ${f.daysLeft} dagar, ${f.endsOn}`,
      body:
        `Hej!\n\nSupportavtal ${f.number} för ${f.customerName} löper ut ${f.endsOn}, om ${f.daysLeft} dagar. ` +
        `Avtalstiden är tidsbegränsad och måste förnyas för varje ny avtalsperiod för att supportavtalet ska gälla: ` +
        `förnyas det inte upphör hyrda licenser, hosting och övervakning, och bokade supportbesök ställs in.\n\n` +
        windDownLines("SV", f) +
        `Avtalet i Trygg: ${f.agreementUrl}\n\n` +
        `Vilka påminnelser du får väljer du under Mitt konto: ${f.accountUrl}\n\n${SIGN_OFF.SV}`,
    }),
    EN: (f) => ({
      subject: `Agreement ${f.number} (${f.customerName}) ends in ${f.daysLeft} days, on ${f.endsOn}`,
      body:
        `Hello,\n\nSupport agreement ${f.number} for ${f.customerName} ends on ${f.endsOn}, in ${f.daysLeft} days. ` +
        `The agreement runs for a fixed term and must be renewed for each new period to stay in force: ` +
        `if it is not renewed, rented licences, hosting and monitoring end, and booked support visits are cancelled.\n\n` +
        windDownLines("EN", f) +
        `The agreement in Trygg: ${f.agreementUrl}\n\n` +
        `You choose which reminders you get under My account: ${f.accountUrl}\n\n${SIGN_OFF.EN}`,
    }),
  },
  {
    number: "TR-2026-0042",
    customerName: "BRF Solgläntan",
    daysLeft: 30,
    endsOn: "2026-04-01",
    agreementUrl: "https://trygg.example/agreements/x",
    accountUrl: "https://trygg.example/account",
  },
);

export interface DigestLine {
  number: string;
  customerName: string;
  endsOn: IsoDate;
  daysLeft: number;
  yearlyValueMinor: number;
}

interface DigestFacts {
  /** The thresholds, nearest first, and the agreements ending within each (and after the one before). */
  groups: readonly { days: number; lines: readonly DigestLine[] }[];
  today: IsoDate;
  week: IsoDate;
  portalUrl: string;
}

const count = (f: DigestFacts) => f.groups.reduce((n, g) => n + g.lines.length, 0);
const horizon = (f: DigestFacts) => f.groups.at(-1)?.days ?? 0;
const sum = (lines: readonly DigestLine[]) => lines.reduce((n, l) => n + l.yearlyValueMinor, 0);

export const RENEWAL_DIGEST_MAIL = mailKind<DigestFacts>(
  "renewalDigest",
  {
    SV: (f) => ({
      subject: `Avtal som löper ut: ${count(f)} inom ${horizon(f)} dagar (vecka från ${f.week})`,
      body:
        `Hej!\n\nDina avtal som löper ut de närmaste ${horizon(f)} dagarna, per ${f.today}:\n\n` +
        f.groups
          .map(({ days, lines }) =>
            [
              `Inom ${days} dagar: ${lines.length} avtal, årsvärde ${money("SV", sum(lines))}`,
              ...lines.map(
                (l) =>
                  `  ${l.number}  ${l.customerName}  slutar ${l.endsOn} (${l.daysLeft} d)  ${money("SV", l.yearlyValueMinor)}/år`,
              ),
            ].join("\n"),
          )
          .join("\n\n") +
        `\n\nI Trygg: ${f.portalUrl}/agreements\n\n${SIGN_OFF.SV}`,
    }),
    EN: (f) => ({
      subject: `Agreements ending: ${count(f)} within ${horizon(f)} days (week from ${f.week})`,
      body:
        `Hello,\n\nYour agreements that end in the next ${horizon(f)} days, as of ${f.today}:\n\n` +
        f.groups
          .map(({ days, lines }) =>
            [
              `Within ${days} days: ${lines.length} agreement(s), yearly value ${money("EN", sum(lines))}`,
              ...lines.map(
                (l) =>
                  `  ${l.number}  ${l.customerName}  ends ${l.endsOn} (${l.daysLeft} d)  ${money("EN", l.yearlyValueMinor)}/year`,
              ),
            ].join("\n"),
          )
          .join("\n\n") +
        `\n\nIn Trygg: ${f.portalUrl}/agreements\n\n${SIGN_OFF.EN}`,
    }),
  },
  {
    groups: [
      {
        days: 30,
        lines: [
          {
            number: "TR-2026-0042",
            customerName: "BRF Solgläntan",
            endsOn: "2026-04-01",
            daysLeft: 26,
            yearlyValueMinor: 1_200_000,
          },
        ],
      },
      { days: 60, lines: [] },
    ],
    today: "2026-03-06",
    week: "2026-03-02",
    portalUrl: "https://trygg.example",
  },
);

const ITEM_NAMES: Record<MailLanguage, Record<RenewalQuoteLine["item"], string>> = {
  SV: {
    BOOKING: "Bokning",
    HANTERA: "Hantera",
    CONSUMPTION: "Förbrukning",
    HOSTING: "Aptus Hosting",
    MONITORING: "Systemövervakning",
  },
  EN: {
    BOOKING: "Booking",
    HANTERA: "Hantera",
    CONSUMPTION: "Consumption",
    HOSTING: "Aptus Hosting",
    MONITORING: "System monitoring",
  },
};

export interface QuoteFacts {
  number: string;
  startsOn: string;
  endsOn: string;
  lines: readonly RenewalQuoteLine[];
  /** The agreement's base fee a month; null on a quote from before it was listed. */
  baseFeeMonthlyMinor: number | null;
  yearlyTotalMinor: number;
  agreementUrl: string;
}

function summary(language: MailLanguage, q: QuoteFacts) {
  const sv = language === "SV";
  const lines = q.lines.length
    ? q.lines
        .map(
          (l) =>
            `- ${ITEM_NAMES[language][l.item]} × ${l.quantity}: ${money(language, l.monthlyPriceMinor)}/${sv ? "mån" : "month"}`,
        )
        .join("\n")
    : sv
      ? "- Inga hyrda licenser eller tillägg följer med."
      : "- No rented licences or add-ons are carried over.";
  const fee =
    q.baseFeeMonthlyMinor === null
      ? ""
      : sv
        ? `- Avtalets grundavgift: ${money("SV", q.baseFeeMonthlyMinor)}/mån\n`
        : `- The agreement's base fee: ${money("EN", q.baseFeeMonthlyMinor)}/month\n`;
  return sv
    ? `Ny period: ${q.startsOn}–${q.endsOn}\n${fee}${lines}\nSumma per år: ${money("SV", q.yearlyTotalMinor)}\n\nAvtalet i Trygg: ${q.agreementUrl}\n`
    : `New period: ${q.startsOn} to ${q.endsOn}\n${fee}${lines}\nTotal per year: ${money("EN", q.yearlyTotalMinor)}\n\nThe agreement in Trygg: ${q.agreementUrl}\n`;
}

const quoteExample: QuoteFacts = {
  number: "TR-2026-0042",
  startsOn: "2026-04-02",
  endsOn: "2027-04-01",
  lines: [{ item: "HANTERA", quantity: 2, monthlyPriceMinor: 50_000 } as RenewalQuoteLine],
  baseFeeMonthlyMinor: 295_000,
  yearlyTotalMinor: 4_740_000,
  agreementUrl: "https://trygg.example/agreements/x",
};

/** To the seller: a customer asked for renewal, and the quote is theirs to confirm. */
export const QUOTE_REQUESTED_MAIL = mailKind<QuoteFacts & { requester: string }>(
  "renewalQuoteRequested",
  {
    SV: (f) => ({
      subject: `Förnyelse begärd: avtal ${f.number}`,
      body: `Hej!\n\n${f.requester} vill förnya avtal ${f.number}. Offerten enligt prislistan:\n\n${summary("SV", f)}\nBekräfta eller avböj den i Trygg.\n\n${SIGN_OFF.SV}`,
    }),
    EN: (f) => ({
      subject: `Renewal requested: agreement ${f.number}`,
      body: `Hello,\n\n${f.requester} wants to renew agreement ${f.number}. The quote from the price list:\n\n${summary("EN", f)}\nConfirm or decline it in Trygg.\n\n${SIGN_OFF.EN}`,
    }),
  },
  { ...quoteExample, requester: "Anna Berg" },
);

/** To the customer's admins: the seller confirmed the quote (the agreement is renewed) or declined it. */
export const QUOTE_DECIDED_MAIL = mailKind<QuoteFacts & { declinedBecause: string | null }>(
  "renewalQuoteDecided",
  {
    SV: (f) => ({
      subject: f.declinedBecause === null ? `Avtal ${f.number} är förnyat` : `Förnyelsen av avtal ${f.number} avböjdes`,
      body: `Hej!\n\n${
        f.declinedBecause === null
          ? `Avtal ${f.number} är förnyat enligt offerten.`
          : `Säljaren avböjde offerten för avtal ${f.number}: ${f.declinedBecause}`
      }\n\n${summary("SV", f)}\n${SIGN_OFF.SV}`,
    }),
    EN: (f) => ({
      subject:
        f.declinedBecause === null
          ? `Agreement ${f.number} is renewed`
          : `The renewal of agreement ${f.number} was declined`,
      body: `Hello,\n\n${
        f.declinedBecause === null
          ? `Agreement ${f.number} is renewed as quoted.`
          : `The seller declined the quote for agreement ${f.number}: ${f.declinedBecause}`
      }\n\n${summary("EN", f)}\n${SIGN_OFF.EN}`,
    }),
  },
  { ...quoteExample, declinedBecause: null },
);
