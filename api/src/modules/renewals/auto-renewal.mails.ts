import type { IsoDate } from "../../shared/dates.js";
import { MAIL_DATES, SIGN_OFF, mailKind } from "../notifications/index.js";

/** The automatic renewal's three mails (decision 0083), each in its reader's language (decision 0089). */

interface NoticeFacts {
  number: string;
  closesOn: IsoDate;
  lastDayToSayNo: IsoDate;
  startsOn: IsoDate;
  endsOn: IsoDate;
  agreementUrl: string;
}

export const AUTO_RENEWAL_NOTICE_MAIL = mailKind<NoticeFacts>(
  "autoRenewalNotice",
  {
    SV: (f) => ({
      subject: `Avtal ${f.number} förnyas automatiskt ${f.closesOn}`,
      body:
        `Hej!\n\nAvtal ${f.number} förnyas automatiskt ${f.closesOn} med en ny period ${f.startsOn}–${f.endsOn}. ` +
        `Vill ni inte förnya avtalet säger ni upp det i Trygg senast ${f.lastDayToSayNo}; ` +
        `därefter har uppsägningstiden gått ut.\n\nAvtalet i Trygg: ${f.agreementUrl}\n\n${SIGN_OFF.SV}`,
    }),
    EN: (f) => {
      const d = MAIL_DATES.EN.day;
      return {
        subject: `Agreement ${f.number} renews automatically on ${d(f.closesOn)}`,
        body:
          `Hello,\n\nAgreement ${f.number} renews automatically on ${d(f.closesOn)} for a new period ` +
          `${d(f.startsOn)} – ${d(f.endsOn)}. If you do not want to renew it, give notice in Trygg by ` +
          `${d(f.lastDayToSayNo)}; after that the notice period has closed.\n\n` +
          `The agreement in Trygg: ${f.agreementUrl}\n\n${SIGN_OFF.EN}`,
      };
    },
  },
  {
    number: "TR-2027-0042",
    closesOn: "2027-09-30",
    lastDayToSayNo: "2027-09-29",
    startsOn: "2028-01-01",
    endsOn: "2028-12-31",
    agreementUrl: "https://trygg.example/agreements/1",
  },
);

type RenewedFacts = Omit<NoticeFacts, "lastDayToSayNo">;

export const AUTO_RENEWED_MAIL = mailKind<RenewedFacts>(
  "autoRenewed",
  {
    SV: (f) => ({
      subject: `Avtal ${f.number} är förnyat automatiskt`,
      body:
        `Hej!\n\nUppsägningstiden för avtal ${f.number} gick ut ${f.closesOn} utan att avtalet sades upp, så det är ` +
        `förnyat med en ny period ${f.startsOn}–${f.endsOn}. Hyrda licenser följer med till samma pris.\n\n` +
        `Avtalet i Trygg: ${f.agreementUrl}\n\n${SIGN_OFF.SV}`,
    }),
    EN: (f) => {
      const d = MAIL_DATES.EN.day;
      return {
        subject: `Agreement ${f.number} has renewed automatically`,
        body:
          `Hello,\n\nThe notice period of agreement ${f.number} closed on ${d(f.closesOn)} without notice being ` +
          `given, so it has renewed for a new period ${d(f.startsOn)} – ${d(f.endsOn)}. Rented licences carry ` +
          `over at the same price.\n\nThe agreement in Trygg: ${f.agreementUrl}\n\n${SIGN_OFF.EN}`,
      };
    },
  },
  {
    number: "TR-2027-0042",
    closesOn: "2027-09-30",
    startsOn: "2028-01-01",
    endsOn: "2028-12-31",
    agreementUrl: "https://trygg.example/agreements/1",
  },
);

interface RefusedFacts {
  number: string;
  by: string;
  endsOn: IsoDate;
  reason: string | null;
  agreementUrl: string;
}

export const AUTO_RENEWAL_REFUSED_MAIL = mailKind<RefusedFacts>(
  "autoRenewalRefused",
  {
    SV: (f) => ({
      subject: `Avtal ${f.number} förnyas inte automatiskt`,
      body:
        `Hej!\n\n${f.by} har sagt upp avtal ${f.number}: det förnyas inte automatiskt och upphör ${f.endsOn}.` +
        `${f.reason ? `\nSkäl: ${f.reason}` : ""}\n\nAvtalet i Trygg: ${f.agreementUrl}\n\n${SIGN_OFF.SV}`,
    }),
    EN: (f) => ({
      subject: `Agreement ${f.number} will not renew automatically`,
      body:
        `Hello,\n\n${f.by} has given notice on agreement ${f.number}: it will not renew automatically and ends on ` +
        `${MAIL_DATES.EN.day(f.endsOn)}.${f.reason ? `\nReason: ${f.reason}` : ""}\n\n` +
        `The agreement in Trygg: ${f.agreementUrl}\n\n${SIGN_OFF.EN}`,
    }),
  },
  {
    number: "TR-2027-0042",
    by: "Sara Säljare",
    endsOn: "2027-12-31",
    reason: "Byter leverantör",
    agreementUrl: "https://trygg.example/agreements/1",
  },
);

interface WithdrawnFacts {
  number: string;
  by: string;
  closesOn: IsoDate;
  agreementUrl: string;
}

/** A "no" taken back (decision 0091): the other side hears that the agreement renews on its own again. */
export const AUTO_RENEWAL_REFUSAL_WITHDRAWN_MAIL = mailKind<WithdrawnFacts>(
  "autoRenewalRefusalWithdrawn",
  {
    SV: (f) => ({
      subject: `Avtal ${f.number} förnyas automatiskt igen`,
      body:
        `Hej!\n\n${f.by} har tagit tillbaka uppsägningen av avtal ${f.number}. Avtalet förnyas automatiskt ` +
        `${f.closesOn} om ingen säger upp det före dess.\n\nAvtalet i Trygg: ${f.agreementUrl}\n\n${SIGN_OFF.SV}`,
    }),
    EN: (f) => ({
      subject: `Agreement ${f.number} renews automatically again`,
      body:
        `Hello,\n\n${f.by} has withdrawn the notice given on agreement ${f.number}. It renews automatically on ` +
        `${MAIL_DATES.EN.day(f.closesOn)} unless either side gives notice before then.\n\n` +
        `The agreement in Trygg: ${f.agreementUrl}\n\n${SIGN_OFF.EN}`,
    }),
  },
  {
    number: "TR-2027-0042",
    by: "Karin Åström",
    closesOn: "2027-09-30",
    agreementUrl: "https://trygg.example/agreements/1",
  },
);
