import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { IsoDate } from "../../shared/dates.js";
import { isBelievableBackup } from "./backup-anomaly.js";
import { nextExpected } from "./check-schedule.js";

/**
 * What the backup checks saw over a stretch of time (the year before an annual visit): the brochure
 * promises "tydliga backup-rutiner", and the visit protocol states them from this evidence rather than
 * from what the technician can see on the day. Each run the schedule expected is judged once: a
 * believable success makes it good, a failure or a success flagged by backup-anomaly.ts makes it
 * failed, silence makes it missed. Runs while the check was paused were expected by nobody.
 */
export interface EvidenceCheck {
  id: string;
  name: string;
  cronExpression: string;
  timeZone: string;
  graceSeconds: number;
  runGraceSeconds: number;
  createdAt: Date;
}

export interface EvidencePing {
  checkId: string;
  receivedAt: Date;
  signal: "SUCCESS" | "START" | "FAIL";
  sizeBytes: number | null;
  anomaly: string | null;
}

export interface PausedStretch {
  checkId: string;
  from: Date;
  to: Date | null;
}

/** Consecutive expected runs that did not give a good backup, dated by their nights in the check's time zone. */
export interface BackupGap {
  firstNight: IsoDate;
  lastNight: IsoDate;
  runs: number;
}

interface BackupSizeWeek {
  /** The Monday of the week; the size is that of the week's last good backup. */
  weekOf: IsoDate;
  sizeBytes: number;
}

export interface CheckBackupEvidence {
  checkId: string;
  name: string;
  /** The schedule runs at most once a day, so its runs read as nights. */
  daily: boolean;
  expectedRuns: number;
  successfulRuns: number;
  failedRuns: number;
  missedRuns: number;
  /** Good runs over expected runs, 0 to 1; null when nothing was due yet. */
  successRate: number | null;
  gaps: BackupGap[];
  longestGap: BackupGap | null;
  anomalies: { night: IsoDate; reason: string }[];
  sizes: BackupSizeWeek[];
  firstSizeBytes: number | null;
  /** The night of the first good backup with a size in the window. */
  firstSizeOn: IsoDate | null;
  lastSizeBytes: number | null;
  lastSizeOn: IsoDate | null;
  sizeChangePercent: number | null;
}

export interface BackupEvidence {
  from: Date;
  to: Date;
  checks: CheckBackupEvidence[];
}

/**
 * A ping up to this long before a scheduled run still answers it: an installation's clock may run a
 * little ahead of Trygg's.
 */
const EARLY_MS = 10 * 60_000;
/** More runs than this in a window is a schedule no backup keeps (every minute); the rest are not judged. */
const MAX_RUNS = 20_000;

const nightOf = (at: Date, timeZone: string): IsoDate => format(new TZDate(at, timeZone), "yyyy-MM-dd");
const round1 = (n: number) => Math.round(n * 10) / 10;

function mondayOf(date: IsoDate): IsoDate {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** The runs the schedule expected in the window whose grace had passed by its end, outside paused stretches. */
function expectedRuns(check: EvidenceCheck, paused: PausedStretch[], from: Date, to: Date): Date[] {
  const schedule = { kind: "CRON" as const, expression: check.cronExpression, timeZone: check.timeZone };
  const graceMs = (check.graceSeconds + check.runGraceSeconds) * 1000;
  const runs: Date[] = [];
  let after = new Date(Math.max(+from, +check.createdAt) - 1);
  while (runs.length < MAX_RUNS) {
    const run = nextExpected(schedule, after);
    if (+run + graceMs > +to) break;
    if (!paused.some((p) => +run >= +p.from && (p.to == null || +run < +p.to))) runs.push(run);
    after = run;
  }
  return runs;
}

/** The index of the last run at or before `t` (binary search), or -1. */
function runIndex(runs: Date[], t: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (+runs[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function evidenceOfCheck(
  check: EvidenceCheck,
  pings: EvidencePing[],
  paused: PausedStretch[],
  from: Date,
  to: Date,
): CheckBackupEvidence {
  const runs = expectedRuns(check, paused, from, to);
  const outcome: ("OK" | "FAILED" | "MISSED")[] = runs.map(() => "MISSED");
  const anomalies: { night: IsoDate; reason: string }[] = [];
  const good: EvidencePing[] = [];
  const sorted = [...pings].sort((a, b) => +a.receivedAt - +b.receivedAt);
  for (const p of sorted) {
    if (+p.receivedAt < +from || +p.receivedAt > +to || p.signal === "START") continue;
    const believable = isBelievableBackup(p);
    if (believable && p.sizeBytes != null) good.push(p);
    const i = runIndex(runs, +p.receivedAt + EARLY_MS);
    if (p.anomaly != null)
      anomalies.push({ night: nightOf(i >= 0 ? runs[i]! : p.receivedAt, check.timeZone), reason: p.anomaly });
    // A ping past the last judged run answers a run still within its grace: not judged yet.
    if (
      i < 0 ||
      (i === runs.length - 1 && +p.receivedAt - +runs[i]! > (check.graceSeconds + check.runGraceSeconds) * 1000)
    )
      continue;
    if (believable) outcome[i] = "OK";
    else if (outcome[i] !== "OK") outcome[i] = "FAILED";
  }
  const gaps: BackupGap[] = [];
  let open: BackupGap | null = null;
  runs.forEach((run, i) => {
    if (outcome[i] === "OK") {
      open = null;
      return;
    }
    const night = nightOf(run, check.timeZone);
    if (open) {
      open.lastNight = night;
      open.runs++;
    } else {
      open = { firstNight: night, lastNight: night, runs: 1 };
      gaps.push(open);
    }
  });
  const longestGap = gaps.reduce<BackupGap | null>((l, g) => (!l || g.runs > l.runs ? g : l), null);
  const weeks = new Map<IsoDate, number>();
  for (const p of good) weeks.set(mondayOf(nightOf(p.receivedAt, check.timeZone)), p.sizeBytes!);
  const first = good[0]?.sizeBytes ?? null;
  const last = good.at(-1)?.sizeBytes ?? null;
  const successfulRuns = outcome.filter((o) => o === "OK").length;
  return {
    checkId: check.id,
    name: check.name,
    daily: isDaily(check, runs),
    expectedRuns: runs.length,
    successfulRuns,
    failedRuns: outcome.filter((o) => o === "FAILED").length,
    missedRuns: outcome.filter((o) => o === "MISSED").length,
    successRate: runs.length ? successfulRuns / runs.length : null,
    gaps,
    longestGap: longestGap ? { ...(longestGap as BackupGap) } : null,
    anomalies,
    sizes: [...weeks].map(([weekOf, sizeBytes]) => ({ weekOf, sizeBytes })),
    firstSizeBytes: first,
    firstSizeOn: good[0] ? nightOf(good[0].receivedAt, check.timeZone) : null,
    lastSizeBytes: last,
    lastSizeOn: good.length ? nightOf(good.at(-1)!.receivedAt, check.timeZone) : null,
    sizeChangePercent: first != null && last != null && first > 0 ? round1((100 * (last - first)) / first) : null,
  };
}

/** At most one run a Swedish night: checked on the schedule itself, so it holds with no runs due yet too. */
function isDaily(check: EvidenceCheck, runs: Date[]): boolean {
  if (runs.length > 1) return new Set(runs.map((r) => nightOf(r, check.timeZone))).size === runs.length;
  const schedule = { kind: "CRON" as const, expression: check.cronExpression, timeZone: check.timeZone };
  const a = nextExpected(schedule, check.createdAt);
  return +nextExpected(schedule, a) - +a >= 20 * 3_600_000;
}

/** The evidence of each backup check between `from` and `to`; null when the installation has no backup check. */
export function backupEvidenceOf(
  checks: readonly EvidenceCheck[],
  pings: readonly EvidencePing[],
  paused: readonly PausedStretch[],
  from: Date,
  to: Date,
): BackupEvidence | null {
  if (checks.length === 0) return null;
  return {
    from,
    to,
    checks: checks.map((c) =>
      evidenceOfCheck(
        c,
        pings.filter((p) => p.checkId === c.id),
        paused.filter((p) => p.checkId === c.id),
        from,
        to,
      ),
    ),
  };
}
