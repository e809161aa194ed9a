import { MAIL_DATES, mailKind, type MailLanguage } from "../notifications/index.js";
import { reasonInWords } from "./check-reasons.js";
import type { IncidentMailOccasion } from "./incident-mail-plan.js";

export interface IncidentMailFacts {
  occasion: IncidentMailOccasion;
  now: Date;
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

/** The check's reason in English; Swedish's are check-reasons.ts's, shared with the support case. */
const REASONS_EN: Record<string, string> = {
  MISSED: "has not checked in on time",
  FAILED: "reported a failure",
  NEVER_FINISHED: "started but never finished",
  BACKUP_ANOMALY: "reported a backup that falls short",
  BACKUP_FIGURES_MISSING: "reported a successful backup without size and duration",
  BACKUP_TOO_SMALL: "reported a backup under half its usual size",
  BACKUP_TOO_FAST: "reported a backup that took under a fifth of its usual time",
};
const reasonIn = (language: MailLanguage, code: string | null) =>
  language === "SV" ? reasonInWords(code) : code == null ? "went down" : (REASONS_EN[code] ?? code);

/** "3 h 20 min", "2 dygn 4 h" / "2 days 4 h": how long an outage lasted, in words a customer reads. */
function lasted(language: MailLanguage, fromMs: number, toMs: number): string {
  const minutes = Math.max(1, Math.round((toMs - fromMs) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const dayWord = language === "SV" ? "dygn" : days === 1 ? "day" : "days";
  const parts = [days ? `${days} ${dayWord}` : "", hours ? `${hours} h` : "", !days && rest ? `${rest} min` : ""];
  return parts.filter(Boolean).join(" ") || (language === "SV" ? "under 1 min" : "less than 1 min");
}

const WORDS = {
  SV: {
    kind: { BACKUP: "Backup", OUTAGE: "Avbrott" },
    on: "på",
    property: "Anläggning",
    check: "Kontroll",
    what: "Vad",
    downSince: "Nere sedan",
    down: "Nere",
    localTime: "svensk tid",
    monitoring: "Övervakningen",
    supportCase: "Supportärende",
    handled: "Trygg:s support har fått ärendet och arbetar med det.",
    choose: "Välj vilka e-postmeddelanden du får under Mitt konto",
    recoveredSubject: "Åter i drift",
    recovered: (where: string, at: string, long: string) =>
      `${where} är åter i drift sedan ${at}.\nAvbrottet varade ${long}.`,
    stillSubject: "Fortfarande nere",
    still: (where: string, long: string) => `${where} är fortfarande nere, nu i ${long}.`,
    found: (backup: boolean) =>
      `Trygg:s övervakning har upptäckt ${backup ? "ett problem med backupen" : "ett avbrott"}.`,
  },
  EN: {
    kind: { BACKUP: "Backup", OUTAGE: "Outage" },
    on: "at",
    property: "Installation",
    check: "Check",
    what: "What",
    downSince: "Down since",
    down: "Down",
    localTime: "Swedish time",
    monitoring: "Monitoring",
    supportCase: "Support case",
    handled: "Trygg's support has the case and is working on it.",
    choose: "Choose which e-mails you get under My account",
    recoveredSubject: "Back up",
    recovered: (where: string, at: string, long: string) =>
      `${where} is back up since ${at}.\nThe outage lasted ${long}.`,
    stillSubject: "Still down",
    still: (where: string, long: string) => `${where} is still down, now for ${long}.`,
    found: (backup: boolean) =>
      `Trygg's monitoring has detected ${backup ? "a problem with the backup" : "an outage"}.`,
  },
};

/** One occasion's mail of an incident (first, reminder, recovered) in one language. */
function incidentText(language: MailLanguage, f: IncidentMailFacts) {
  const w = WORDS[language];
  const when = MAIL_DATES[language];
  const where = `${f.checkName} ${w.on} ${f.propertyName}`;
  const why = reasonIn(language, f.reason);
  const facts = [
    `${w.property}: ${f.propertyName}`,
    `${w.check}: ${f.checkName}`,
    `${w.what}: ${why}`,
    `${w.downSince}: ${when.when(f.startedAt)} (${w.localTime})`,
  ];
  const links = [
    `${w.monitoring}: ${f.monitoringUrl}`,
    ...(f.caseUrl ? [`${w.supportCase} ${f.caseNumber ?? ""}: ${f.caseUrl}`.replace("  ", " ")] : []),
  ];
  const choose = `${w.choose}: ${f.accountUrl}`;
  if (f.occasion === "RECOVERED") {
    const end = f.resolvedAt ?? f.now;
    return {
      subject: `${w.recoveredSubject}: ${where}`,
      body: [
        w.recovered(where, when.when(end), lasted(language, f.startedAt.getTime(), end.getTime())),
        "",
        ...facts.slice(0, 3),
        `${w.down}: ${when.when(f.startedAt)} – ${when.when(end)} (${w.localTime})`,
        "",
        ...links,
        "",
        choose,
      ].join("\n"),
    };
  }
  const still = f.occasion === "REMINDER";
  return {
    subject: still ? `${w.stillSubject}: ${where}` : `${w.kind[f.kind]}: ${where} ${why}`,
    body: [
      still ? w.still(where, lasted(language, f.startedAt.getTime(), f.now.getTime())) : w.found(f.kind === "BACKUP"),
      "",
      ...facts,
      "",
      ...links,
      "",
      w.handled,
      choose,
    ].join("\n"),
  };
}

/** An incident's mail to the property's customer's and installer's admins, for each occasion. */
export const INCIDENT_MAIL = mailKind<IncidentMailFacts>(
  "monitoringIncident",
  { SV: (f) => incidentText("SV", f), EN: (f) => incidentText("EN", f) },
  {
    occasion: "STARTED",
    now: new Date("2026-03-02T09:00:00Z"),
    kind: "OUTAGE",
    checkName: "Passersystem",
    propertyName: "BRF Solgläntan",
    reason: "MISSED",
    startedAt: new Date("2026-03-02T08:00:00Z"),
    resolvedAt: null,
    caseNumber: "S-2026-0001",
    monitoringUrl: "https://trygg.example/monitoring",
    caseUrl: "https://trygg.example/support/x",
    accountUrl: "https://trygg.example/account",
  },
);
