import { format, parseISO } from "date-fns";
import { sv } from "date-fns/locale/sv";
import type { IsoDate } from "../../shared/dates.js";
import { todayInSweden } from "../../shared/dates.js";
import { BACKUP_EVIDENCE_SOURCE as EVIDENCE_SOURCE } from "../monitoring/index.js";
import type { BackupEvidence, BackupGap, CheckBackupEvidence } from "../monitoring/index.js";
import type { CheckResult, VisitCheckKind } from "./visit-checks.js";

/**
 * The protocol's "Kontroll av backup-rutiner" and "Kontroll av hur databasstorleken förändrats" as
 * monitoring saw the year before the visit: a proposal the technician confirms or corrects, never
 * saved by itself (docs/decisions/0053-visit-checks-prefilled-from-monitoring.md).
 */
export interface CheckProposal {
  kind: Extract<VisitCheckKind, "BACKUP_ROUTINES" | "DATABASE_SIZE">;
  result: CheckResult;
  note: string;
  databaseSizeMb: number | null;
}

/** A year of nightly backups may miss a week in all (98 %), but never three nights running: that is a lost weekend. */
const SUCCESS_RATE_OK = 0.98;
const LONGEST_GAP_OK = 2;
/**
 * A database that shrank by a fifth has most likely lost data; one that grew by half in a year will
 * outgrow its disk: either is something to look at.
 */
const SHRINK_OK_PERCENT = -20;
const GROWTH_OK_PERCENT = 50;
/** Sizes in MB as SQL Server, under Multi-access and Hantera, reports them: 1 MB is 1024² bytes. */
const BYTES_PER_MB = 1024 * 1024;

// Plain spaces: the note is a text the technician edits; sv-SE groups digits with a no-break space.
const number = (n: number) => n.toLocaleString("sv-SE", { maximumFractionDigits: 1 }).replace(/\u00a0/g, " ");
const signed = (n: number) => `${n >= 0 ? "+" : "-"}${number(Math.abs(n))}`;
const day = (d: IsoDate) => parseISO(d);

/** "12 mars", "12–13 mars 2027", "30 december 2026–1 januari 2027": as short as the dates allow, a year always. */
function nightsInWords(first: IsoDate, last: IsoDate): string {
  if (first === last) return format(day(first), "d MMMM yyyy", { locale: sv });
  if (first.slice(0, 7) === last.slice(0, 7))
    return `${format(day(first), "d", { locale: sv })}–${format(day(last), "d MMMM yyyy", { locale: sv })}`;
  if (first.slice(0, 4) === last.slice(0, 4))
    return `${format(day(first), "d MMMM", { locale: sv })}–${format(day(last), "d MMMM yyyy", { locale: sv })}`;
  return `${format(day(first), "d MMMM yyyy", { locale: sv })}–${format(day(last), "d MMMM yyyy", { locale: sv })}`;
}

const runsWord = (c: CheckBackupEvidence, n: number) => (c.daily ? (n === 1 ? "natt" : "nätter") : "körningar");

function backupSentence(c: CheckBackupEvidence): string {
  const rate = number(Math.round((c.successRate ?? 0) * 1000) / 10);
  let s = `Backup lyckades ${c.successfulRuns} av ${c.expectedRuns} ${runsWord(c, c.expectedRuns)} (${rate} %)`;
  s += c.longestGap ? `; ${gapsInWords(c, c.longestGap)}.` : "; inga avbrott.";
  if (c.anomalies.length) {
    const nights = c.anomalies.map((a) => nightsInWords(a.night, a.night)).join(", ");
    s += ` ${c.anomalies.length} backup${c.anomalies.length === 1 ? "" : "er"} flaggad${c.anomalies.length === 1 ? "" : "e"} som misstänkt liten eller snabb (${nights}).`;
  }
  return s;
}

function gapsInWords(c: CheckBackupEvidence, longest: BackupGap): string {
  const where = `${longest.runs} ${runsWord(c, longest.runs)} (${nightsInWords(longest.firstNight, longest.lastNight)})`;
  return c.gaps.length === 1 ? `ett avbrott, ${where}` : `${c.gaps.length} avbrott, längsta ${where}`;
}

const backupOk = (c: CheckBackupEvidence) =>
  (c.successRate ?? 0) >= SUCCESS_RATE_OK && (c.longestGap?.runs ?? 0) <= LONGEST_GAP_OK;

function backupProposal(evidence: BackupEvidence): CheckProposal | null {
  const judged = evidence.checks.filter((c) => c.expectedRuns > 0);
  if (judged.length === 0) return null;
  const named = evidence.checks.length > 1;
  const sentences = judged.map((c) => (named ? `${c.name}: ${backupSentence(c)}` : backupSentence(c)));
  const period = `${todayInSweden(evidence.from)}–${todayInSweden(evidence.to)}`;
  return {
    kind: "BACKUP_ROUTINES",
    result: judged.every(backupOk) ? "OK" : "NEEDS_ACTION",
    note: `${sentences.join(" ")} Från ${EVIDENCE_SOURCE}, ${period}.`,
    databaseSizeMb: null,
  };
}

function sizeProposal(evidence: BackupEvidence): CheckProposal | null {
  const sized = evidence.checks.filter((c) => c.lastSizeBytes != null && c.firstSizeBytes != null);
  // With several backup checks the largest is taken for the database; the note names it.
  const c = sized.sort((a, b) => b.lastSizeBytes! - a.lastSizeBytes!)[0];
  if (!c) return null;
  const mb = (bytes: number) => Math.round((bytes / BYTES_PER_MB) * 10) / 10;
  const change = c.sizeChangePercent;
  const named = evidence.checks.length > 1 ? ` (${c.name})` : "";
  return {
    kind: "DATABASE_SIZE",
    result: change != null && (change < SHRINK_OK_PERCENT || change > GROWTH_OK_PERCENT) ? "NEEDS_ACTION" : "OK",
    // One night's backup (a check new this week) has no change to speak of.
    note:
      c.firstSizeOn === c.lastSizeOn
        ? `Senaste backupen${named} var ${number(mb(c.lastSizeBytes!))} MB (${c.lastSizeOn}). Från ${EVIDENCE_SOURCE}.`
        : `Backupens storlek${named} gick från ${number(mb(c.firstSizeBytes!))} MB (${c.firstSizeOn}) till ` +
          `${number(mb(c.lastSizeBytes!))} MB (${c.lastSizeOn})${change == null ? "" : `, ${signed(change)} %`}. ` +
          `Från ${EVIDENCE_SOURCE}.`,
    databaseSizeMb: mb(c.lastSizeBytes!),
  };
}

/** What monitoring proposes for the visit's backup and size checks; none without backup checks. */
export function backupCheckProposals(evidence: BackupEvidence | null): CheckProposal[] {
  if (!evidence) return [];
  return [backupProposal(evidence), sizeProposal(evidence)].filter((p): p is CheckProposal => p != null);
}
