/**
 * A backup that finished "successfully" in a fraction of its usual time, or wrote a fraction of its
 * usual size, has most likely backed up nothing (healthchecks #236, #994): the brochure promises
 * "tydliga backup-rutiner", so such a run is a failure, with a code saying why (worded in check-reasons.ts).
 * Judged against the check's own recent history, the median of its last successful runs, so one
 * odd night does not move the bar.
 */
export interface BackupRun {
  durationMs: number;
  sizeBytes: number;
}

export type BackupAnomaly = "BACKUP_FIGURES_MISSING" | "BACKUP_TOO_SMALL" | "BACKUP_TOO_FAST";

/** How many earlier successful runs are weighed, and how many it takes before a run can look odd. */
export const BACKUP_HISTORY_RUNS = 10;
const BACKUP_HISTORY_NEEDED = 5;
/** Below half the usual size, or a fifth of the usual time, a backup is suspect. */
const SIZE_FLOOR = 0.5;
const DURATION_FLOOR = 0.2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Why this successful run is not a believable backup (its code), or null; `history` is the earlier successful runs. */
export function backupAnomaly(
  run: { durationMs: number | null; sizeBytes: number | null },
  history: readonly BackupRun[],
): BackupAnomaly | null {
  if (run.durationMs == null || run.sizeBytes == null) {
    return "BACKUP_FIGURES_MISSING";
  }
  const recent = history.slice(0, BACKUP_HISTORY_RUNS);
  if (recent.length < BACKUP_HISTORY_NEEDED) return null;
  const usualSize = median(recent.map((r) => r.sizeBytes));
  if (run.sizeBytes < usualSize * SIZE_FLOOR) {
    return "BACKUP_TOO_SMALL";
  }
  const usualDuration = median(recent.map((r) => r.durationMs));
  if (run.durationMs < usualDuration * DURATION_FLOOR) {
    return "BACKUP_TOO_FAST";
  }
  return null;
}

/**
 * A finished run that is a backup: a success not judged an anomaly. The one test of it, for the
 * hosting record's runs (backup-runs.ts) and the visit's evidence (backup-evidence.ts) alike.
 */
export function isBelievableBackup(run: { signal: string; anomaly: string | null }): boolean {
  return run.signal === "SUCCESS" && run.anomaly == null;
}
