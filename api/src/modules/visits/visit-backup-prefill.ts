import type { DbOrTx } from "../../db/client.js";
import { backupEvidence, type BackupEvidence } from "../monitoring/index.js";
import { backupCheckProposals, type CheckProposal } from "./backup-check-proposal.js";
import type { ServiceVisitRow } from "./visit.service.js";

/** "The backup checks of the past year": the evidence reaches a year back from the visit. */
const EVIDENCE_DAYS = 365;

/**
 * The year the evidence covers: up to the completion for a completed visit, so its protocol keeps
 * saying what the technician confirmed; up to now while it is open, so the form shows last night too.
 */
function evidenceWindow(visit: Pick<ServiceVisitRow, "completedAt">, now: Date): { from: Date; to: Date } {
  const to = visit.completedAt ?? now;
  return { from: new Date(+to - EVIDENCE_DAYS * 86_400_000), to };
}

type EvidenceVisit = Pick<ServiceVisitRow, "propertyId" | "completedAt">;

/** What each visited property's backup checks saw over its year, in one read for a page of visits; null without any. */
export function visitsBackupEvidence(
  db: DbOrTx,
  visits: readonly EvidenceVisit[],
  now: Date,
): Promise<(BackupEvidence | null)[]> {
  return backupEvidence(
    db,
    visits.map((v) => ({ propertyId: v.propertyId, ...evidenceWindow(v, now) })),
  );
}

/** What the visited property's backup checks saw over the year; null when it has none. */
export async function visitBackupEvidence(db: DbOrTx, visit: EvidenceVisit, now: Date): Promise<BackupEvidence | null> {
  return (await visitsBackupEvidence(db, [visit], now))[0] ?? null;
}

/** The proposals for the visit's backup and size checks; none once the visit is completed (nothing is left to fill). */
export function checkProposalsOf(
  visit: Pick<ServiceVisitRow, "completedAt">,
  evidence: BackupEvidence | null,
): CheckProposal[] {
  return visit.completedAt ? [] : backupCheckProposals(evidence);
}

export async function visitCheckProposals(db: DbOrTx, visit: EvidenceVisit, now: Date): Promise<CheckProposal[]> {
  if (visit.completedAt) return [];
  return checkProposalsOf(visit, await visitBackupEvidence(db, visit, now));
}

export interface ProtocolBackupEvidence {
  /** The evidence in words, ending with its source and period. */
  sentence: string;
  /** The backup's size week by week (the largest backup check's): the chart of the year. */
  points: { visitedOn: string; sizeMb: number }[];
}

const BYTES_PER_MB = 1024 * 1024;

function protocolEvidenceOf(evidence: BackupEvidence | null): ProtocolBackupEvidence | null {
  const sentence = backupCheckProposals(evidence).find((p) => p.kind === "BACKUP_ROUTINES")?.note;
  if (!evidence || !sentence) return null;
  const sized = [...evidence.checks].sort((a, b) => (b.lastSizeBytes ?? -1) - (a.lastSizeBytes ?? -1))[0];
  return {
    sentence,
    points: (sized?.sizes ?? []).map((w) => ({
      visitedOn: w.weekOf,
      sizeMb: Math.round((w.sizeBytes / BYTES_PER_MB) * 10) / 10,
    })),
  };
}

/** The evidence as the protocol shows it: the sentence under its chart and the weekly sizes the chart draws. */
export async function protocolBackupEvidence(
  db: DbOrTx,
  visit: Pick<ServiceVisitRow, "propertyId" | "completedAt">,
  now: Date,
): Promise<ProtocolBackupEvidence | null> {
  return protocolEvidenceOf(await visitBackupEvidence(db, visit, now));
}
