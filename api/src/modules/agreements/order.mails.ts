import { SIGN_OFF, mailKind, type MailLanguage } from "../notifications/index.js";
import type { LicenceKind } from "./agreement-records.js";

/** What was ordered: licences of a kind, or an add-on. */
export type OrderedThing = { licences: LicenceKind; quantity: number } | { addOn: "HOSTING" | "MONITORING" };

const LICENCE_NAMES: Record<MailLanguage, Record<LicenceKind, string>> = {
  SV: { BOOKING: "Bokning", HANTERA: "Hantera", CONSUMPTION: "Förbrukning" },
  EN: { BOOKING: "Booking", HANTERA: "Hantera", CONSUMPTION: "Consumption" },
};
const ADD_ON_NAMES = {
  SV: { HOSTING: "Aptus Hosting", MONITORING: "Systemövervakning" },
  EN: { HOSTING: "Aptus Hosting", MONITORING: "System monitoring" },
};

function orderedInWords(language: MailLanguage, thing: OrderedThing): string {
  if ("addOn" in thing) return ADD_ON_NAMES[language][thing.addOn];
  const name = LICENCE_NAMES[language][thing.licences];
  return language === "SV" ? `${thing.quantity} licenser för ${name}` : `${thing.quantity} ${name} licences`;
}

/** 149 500 öre → "1 495,00 kr" / "SEK 1,495.00". */
function price(language: MailLanguage, minor: number): string {
  const whole = Math.floor(minor / 100);
  const cents = String(minor % 100).padStart(2, "0");
  return language === "SV"
    ? `${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, " ")},${cents} kr`
    : `SEK ${whole.toLocaleString("en-GB")}.${cents}`;
}

interface OrderFacts {
  seller: string;
  orderedBy: string;
  number: string;
  thing: OrderedThing;
  monthlyPriceMinor: number;
  startsOn: string;
  endsOn?: string;
}

/** A paid order placed by the customer (or its partner), to the agreement's seller. */
export const ORDER_MAIL = mailKind<OrderFacts>(
  "agreementOrder",
  {
    SV: (f) => {
      const what = orderedInWords("SV", f.thing);
      const period = f.endsOn ? `${f.startsOn} – ${f.endsOn}` : `från ${f.startsOn} så länge avtalet gäller`;
      return {
        subject: `Trygg: ny beställning på avtal ${f.number}: ${what}`,
        body: `Hej ${f.seller}!\n\n${f.orderedBy} har beställt ${what} på avtal ${f.number} till listpris, ${price("SV", f.monthlyPriceMinor)} per månad (${period}).\n\nBeställningen syns i avtalets historik i Trygg.\n\n${SIGN_OFF.SV}`,
      };
    },
    EN: (f) => {
      const what = orderedInWords("EN", f.thing);
      const period = f.endsOn ? `${f.startsOn} to ${f.endsOn}` : `from ${f.startsOn} for as long as the agreement runs`;
      return {
        subject: `Trygg: new order on agreement ${f.number}: ${what}`,
        body: `Hello ${f.seller},\n\n${f.orderedBy} has ordered ${what} on agreement ${f.number} at list price, ${price("EN", f.monthlyPriceMinor)} per month (${period}).\n\nThe order is in the agreement's history in Trygg.\n\n${SIGN_OFF.EN}`,
      };
    },
  },
  {
    seller: "Sara Säljare",
    orderedBy: "Anna Berg",
    number: "TR-2026-0042",
    thing: { licences: "HANTERA", quantity: 2 },
    monthlyPriceMinor: 149_500,
    startsOn: "2026-03-02",
  },
);
