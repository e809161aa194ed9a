import { TIME_ZONE } from "../../shared/dates.js";
import { reasonInWords } from "./check-reasons.js";
import type { SentIncidentMail } from "./incident-mail-plan.js";

export interface IncidentMailFacts {
  kind: "OUTAGE" | "BACKUP";
  checkName: string;
  propertyName: string;
  reason: string | null;
  startedAt: Date;
  resolvedAt: Date | null;
  caseNumber: string | null;
  /** Links into the portal: the installation's monitoring, the case, the recipient's own mail choices. */
  monitoringUrl: string;
  caseUrl: string | null;
  accountUrl: string;
}

const when = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
});

/** "3 h 20 min", "2 dygn 4 h": how long an outage lasted, in words a customer reads. */
function lasted(fromMs: number, toMs: number): string {
  const minutes = Math.max(1, Math.round((toMs - fromMs) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} dygn` : "", hours ? `${hours} h` : "", !days && rest ? `${rest} min` : ""];
  return parts.filter(Boolean).join(" ") || "under 1 min";
}

/** The Swedish mail for one occasion of an incident; the same for every recipient. */
export function incidentMailText(
  occasion: SentIncidentMail,
  f: IncidentMailFacts,
  now: Date,
): { subject: string; body: string } {
  const what = f.kind === "BACKUP" ? "Backup" : "Avbrott";
  const where = `${f.checkName} på ${f.propertyName}`;
  const why = reasonInWords(f.reason);
  const facts = [
    `Anläggning: ${f.propertyName}`,
    `Kontroll: ${f.checkName}`,
    `Vad: ${why}`,
    `Nere sedan: ${when.format(f.startedAt)} (svensk tid)`,
  ];
  const links = [
    `Övervakningen: ${f.monitoringUrl}`,
    ...(f.caseUrl ? [`Supportärende ${f.caseNumber ?? ""}: ${f.caseUrl}`.replace("  ", " ")] : []),
  ];
  const footer = [
    "",
    "Trygg:s support har fått ärendet och arbetar med det.",
    `Välj vilka e-postmeddelanden du får under Mitt konto: ${f.accountUrl}`,
  ];
  if (occasion.occasion === "RECOVERED") {
    const end = f.resolvedAt ?? now;
    return {
      subject: `Åter i drift: ${where}`,
      body: [
        `${where} är åter i drift sedan ${when.format(end)}.`,
        `Avbrottet varade ${lasted(f.startedAt.getTime(), end.getTime())}.`,
        "",
        ...facts.slice(0, 3),
        `Nere: ${when.format(f.startedAt)} – ${when.format(end)} (svensk tid)`,
        "",
        ...links,
        "",
        `Välj vilka e-postmeddelanden du får under Mitt konto: ${f.accountUrl}`,
      ].join("\n"),
    };
  }
  const still = occasion.occasion === "REMINDER";
  return {
    subject: still ? `Fortfarande nere: ${where}` : `${what}: ${where} ${why}`,
    body: [
      still
        ? `${where} är fortfarande nere, nu i ${lasted(f.startedAt.getTime(), now.getTime())}.`
        : `Trygg:s övervakning har upptäckt ${f.kind === "BACKUP" ? "ett problem med backupen" : "ett avbrott"}.`,
      "",
      ...facts,
      "",
      ...links,
      ...footer,
    ].join("\n"),
  };
}
