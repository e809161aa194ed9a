import type { EndedParts } from "../agreements/index.js";
import { SIGN_OFF, mailKind, type MailLanguage } from "../notifications/index.js";
import type { CancelledVisit } from "../visits/index.js";

interface LapseFacts {
  number: string;
  endedOn: string;
  cause: "EXPIRED" | "TERMINATED";
  parts: EndedParts;
  visits: readonly Pick<CancelledVisit, "scheduledAt">[];
}

/** Why booked visits are called off when an agreement ends, as their cancellation mail says it (decision 0089). */
export const lapseReason = (f: { number: string; endedOn: string; cause: "EXPIRED" | "TERMINATED" }) =>
  f.cause === "TERMINATED"
    ? {
        SV: `avtal ${f.number} är uppsagt från ${f.endedOn}`,
        EN: `agreement ${f.number} is terminated from ${f.endedOn}`,
      }
    : { SV: `avtal ${f.number} löpte ut ${f.endedOn}`, EN: `agreement ${f.number} expired on ${f.endedOn}` };

/** What ended with the agreement, line by line, in the words of lapse-preview.ts. */
function endedLines(language: MailLanguage, f: LapseFacts): string[] {
  const sv = language === "SV";
  const lines: string[] = [];
  for (const x of f.parts.addOnsEnded) {
    if (x.kind === "MONITORING")
      lines.push(
        sv
          ? "Systemövervakningen har upphört: kontrollerna är pausade och avbrott meddelas inte längre."
          : "System monitoring has ended: the checks are paused and outages are no longer reported.",
      );
    else
      lines.push(
        sv
          ? `Aptus Hosting (${x.hostedServices.join(", ")}) har upphört; kontakta oss om säkerhetskopior och flytt av data.`
          : `Aptus Hosting (${x.hostedServices.join(", ")}) has ended; contact us about backups and moving your data.`,
      );
  }
  for (const r of f.parts.rentalsEnded)
    lines.push(
      sv
        ? `Hyrda licenser har upphört: ${r.quantity} ${r.kind.toLowerCase()}.`
        : `Rented licences have ended: ${r.quantity} ${r.kind.toLowerCase()}.`,
    );
  for (const v of f.visits) {
    const on = v.scheduledAt.toISOString().slice(0, 10);
    lines.push(
      sv
        ? `Det bokade supportbesöket ${on} är inställt (kalenderfil skickad).`
        : `The support visit booked for ${on} is cancelled (calendar file sent).`,
    );
  }
  const flagged = f.parts.accountsFlagged;
  if (flagged.length) {
    const names = flagged.map((x) => x.name).join(", ");
    lines.push(
      sv
        ? `${flagged.length} Hantera-konto(n) ligger över nivåns ingående antal: välj i Trygg vilka som ska finnas kvar (${names}).`
        : `${flagged.length} Hantera account(s) are above the number the tier includes: choose in Trygg which ones stay (${names}).`,
    );
  }
  return lines;
}

/**
 * The mail to the customer's admins when the lapse job has applied an agreement's end: what ended with it.
 * Monitoring and hosting get their own line, since their checks stop and no outage is mailed any more.
 */
export const LAPSE_MAIL = mailKind<LapseFacts>(
  "agreementLapsed",
  {
    SV: (f) => {
      const lines = endedLines("SV", f);
      const how = f.cause === "TERMINATED" ? `är uppsagt från ${f.endedOn}` : `löpte ut ${f.endedOn}`;
      return {
        subject: `Supportavtal ${f.number} har upphört`,
        body:
          `Hej!\n\nSupportavtal ${f.number} ${how}. Detta har upphört med avtalet:\n\n` +
          (lines.length ? lines.map((l) => `- ${l}`).join("\n") : "- Supporten enligt avtalet.") +
          `\n\nAvtalet kan fortfarande förnyas; kontakta er säljare.\n\n${SIGN_OFF.SV}`,
      };
    },
    EN: (f) => {
      const lines = endedLines("EN", f);
      const how = f.cause === "TERMINATED" ? `is terminated from ${f.endedOn}` : `expired on ${f.endedOn}`;
      return {
        subject: `Support agreement ${f.number} has ended`,
        body:
          `Hello,\n\nSupport agreement ${f.number} ${how}. This has ended with the agreement:\n\n` +
          (lines.length ? lines.map((l) => `- ${l}`).join("\n") : "- The support under the agreement.") +
          `\n\nThe agreement can still be renewed; contact your seller.\n\n${SIGN_OFF.EN}`,
      };
    },
  },
  {
    number: "TR-2026-0042",
    endedOn: "2026-04-01",
    cause: "EXPIRED",
    parts: {
      rentalsEnded: [{ id: "r", kind: "HANTERA", quantity: 2 }],
      addOnsEnded: [{ id: "m", kind: "MONITORING", hostedServices: [] }],
      accountsFlagged: [{ id: "h", name: "Kalle", email: "kalle@brf.example" }],
    },
    visits: [{ scheduledAt: new Date("2026-05-04T07:00:00Z") }],
  },
);
