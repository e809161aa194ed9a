import { describe, expect, it } from "vitest";
import type { BackupEvidence, CheckBackupEvidence } from "../monitoring/index.js";
import { backupCheckProposals } from "./backup-check-proposal.js";

const MIB = 1024 * 1024;

function check(over: Partial<CheckBackupEvidence> = {}): CheckBackupEvidence {
  return {
    checkId: "c1",
    name: "Hantera-databasen",
    daily: true,
    expectedRuns: 365,
    successfulRuns: 365,
    failedRuns: 0,
    missedRuns: 0,
    successRate: 1,
    gaps: [],
    longestGap: null,
    anomalies: [],
    sizes: [
      { weekOf: "2026-03-09", sizeBytes: 1000 * MIB },
      { weekOf: "2027-03-08", sizeBytes: 1150 * MIB },
    ],
    firstSizeBytes: 1000 * MIB,
    firstSizeOn: "2026-03-11",
    lastSizeBytes: 1150 * MIB,
    lastSizeOn: "2027-03-09",
    sizeChangePercent: 15,
    ...over,
  };
}

const evidence = (...checks: CheckBackupEvidence[]): BackupEvidence => ({
  from: new Date("2026-03-10T08:00:00Z"),
  to: new Date("2027-03-10T08:00:00Z"),
  checks,
});

const gap = (firstNight: string, lastNight: string, runs: number) => ({ firstNight, lastNight, runs });

describe("the backup checks proposed from monitoring", () => {
  it("proposes OK with the evidence in words when the backups ran", () => {
    const [backup] = backupCheckProposals(evidence(check()));
    expect(backup).toEqual({
      kind: "BACKUP_ROUTINES",
      result: "OK",
      note: "Backup lyckades 365 av 365 nätter (100 %); inga avbrott. Från Aptus Systemövervakning, 2026-03-10–2027-03-10.",
      databaseSizeMb: null,
    });
  });

  it("states the longest gap with its dates and the flagged backups, and stays OK at 98 % with gaps of two nights", () => {
    const c = check({
      successfulRuns: 358,
      failedRuns: 2,
      missedRuns: 5,
      successRate: 358 / 365,
      gaps: [gap("2026-05-04", "2026-05-04", 1), gap("2027-03-12", "2027-03-13", 2)],
      longestGap: gap("2027-03-12", "2027-03-13", 2),
      anomalies: [{ night: "2026-05-04", reason: "too small" }],
    });
    const [backup] = backupCheckProposals(evidence(c));
    expect(backup!.result).toBe("OK");
    expect(backup!.note).toBe(
      "Backup lyckades 358 av 365 nätter (98,1 %); 2 avbrott, längsta 2 nätter (12–13 mars 2027). " +
        "1 backup flaggad som misstänkt liten eller snabb (4 maj 2026). Från Aptus Systemövervakning, 2026-03-10–2027-03-10.",
    );
  });

  it("proposes NEEDS_ACTION below 98 % or with a gap of three nights", () => {
    const low = check({ successfulRuns: 357, missedRuns: 8, successRate: 357 / 365 });
    expect(backupCheckProposals(evidence(low))[0]!.result).toBe("NEEDS_ACTION");
    const long = check({
      successfulRuns: 362,
      missedRuns: 3,
      successRate: 362 / 365,
      gaps: [gap("2026-12-30", "2027-01-01", 3)],
      longestGap: gap("2026-12-30", "2027-01-01", 3),
    });
    const [backup] = backupCheckProposals(evidence(long));
    expect(backup!.result).toBe("NEEDS_ACTION");
    expect(backup!.note).toContain("ett avbrott, 3 nätter (30 december 2026–1 januari 2027)");
  });

  it("names each check when the installation has several, and one failing check decides", () => {
    const bad = check({
      checkId: "c2",
      name: "Multi-access",
      successfulRuns: 300,
      missedRuns: 65,
      successRate: 300 / 365,
    });
    const [backup] = backupCheckProposals(evidence(check(), bad));
    expect(backup!.result).toBe("NEEDS_ACTION");
    expect(backup!.note).toMatch(
      /^Hantera-databasen: Backup lyckades 365 av 365 nätter.*Multi-access: Backup lyckades 300/,
    );
  });

  it("proposes the size check from the backups' sizes: the last one as the reading, the change over the year", () => {
    const size = backupCheckProposals(evidence(check()))[1]!;
    expect(size).toEqual({
      kind: "DATABASE_SIZE",
      result: "OK",
      note: "Backupens storlek gick från 1 000 MB (2026-03-11) till 1 150 MB (2027-03-09), +15 %. Från Aptus Systemövervakning.",
      databaseSizeMb: 1150,
    });
  });

  it("states a single backup's size as it is, without a change from itself", () => {
    const once = check({ firstSizeOn: "2027-03-09", firstSizeBytes: 1150 * MIB, sizeChangePercent: 0 });
    expect(backupCheckProposals(evidence(once))[1]!.note).toBe(
      "Senaste backupen var 1 150 MB (2027-03-09). Från Aptus Systemövervakning.",
    );
  });

  it("proposes NEEDS_ACTION for a database that shrank by more than a fifth or grew by more than half", () => {
    const shrank = check({ lastSizeBytes: 700 * MIB, sizeChangePercent: -30 });
    expect(backupCheckProposals(evidence(shrank))[1]!.result).toBe("NEEDS_ACTION");
    const grew = check({ lastSizeBytes: 1600 * MIB, sizeChangePercent: 60 });
    expect(backupCheckProposals(evidence(grew))[1]!.result).toBe("NEEDS_ACTION");
  });

  it("proposes nothing without backup checks, and no backup verdict when nothing was due yet", () => {
    expect(backupCheckProposals(null)).toEqual([]);
    const fresh = check({
      expectedRuns: 0,
      successfulRuns: 0,
      successRate: null,
      sizes: [],
      firstSizeBytes: null,
      firstSizeOn: null,
      lastSizeBytes: null,
      lastSizeOn: null,
      sizeChangePercent: null,
    });
    expect(backupCheckProposals(evidence(fresh))).toEqual([]);
  });
});
