import type { EndedParts } from "../agreements/index.js";
import type { CancelledVisit } from "../visits/index.js";

/**
 * The mail to the customer's admins when the lapse job has applied an agreement's end: what ended
 * with it, line by line, in the words of lapse-preview.ts. Monitoring and hosting get their own line,
 * since their checks stop and no outage is mailed any more (they paused silently before).
 */
export function lapseNotice(
  a: { number: string; endedOn: string; cause: "EXPIRED" | "TERMINATED" },
  parts: EndedParts,
  visits: readonly CancelledVisit[],
) {
  const lines: string[] = [];
  for (const x of parts.addOnsEnded) {
    if (x.kind === "MONITORING")
      lines.push("Systemövervakningen har upphört: kontrollerna är pausade och avbrott meddelas inte längre.");
    else
      lines.push(
        `Aptus Hosting (${x.hostedServices.join(", ")}) har upphört; kontakta oss om säkerhetskopior och flytt av data.`,
      );
  }
  for (const r of parts.rentalsEnded) lines.push(`Hyrda licenser har upphört: ${r.quantity} ${r.kind.toLowerCase()}.`);
  for (const v of visits)
    lines.push(
      `Det bokade supportbesöket ${v.scheduledAt.toISOString().slice(0, 10)} är inställt (kalenderfil skickad).`,
    );
  if (parts.accountsFlagged.length)
    lines.push(
      `${parts.accountsFlagged.length} Hantera-konto(n) ligger över nivåns ingående antal: välj i Trygg vilka som ska ` +
        `finnas kvar (${parts.accountsFlagged.map((x) => x.name).join(", ")}).`,
    );
  const how = a.cause === "TERMINATED" ? `är uppsagt från ${a.endedOn}` : `löpte ut ${a.endedOn}`;
  return {
    subject: `Supportavtal ${a.number} har upphört`,
    body:
      `Hej!\n\nSupportavtal ${a.number} ${how}. Detta har upphört med avtalet:\n\n` +
      (lines.length ? lines.map((l) => `- ${l}`).join("\n") : "- Supporten enligt avtalet.") +
      `\n\nAvtalet kan fortfarande förnyas; kontakta er säljare.\n\nVänliga hälsningar\nTrygg\n`,
  };
}
