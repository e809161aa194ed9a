import { describe, expect, it } from "vitest";
import { backupAnomaly, type BackupRun } from "./backup-anomaly.js";

const usual = (n: number): BackupRun[] =>
  Array.from({ length: n }, (_, i) => ({ durationMs: 600_000 + i * 1000, sizeBytes: 2_000_000_000 + i * 1_000_000 }));

describe("backup anomaly", () => {
  it("accepts a run like its recent history", () => {
    expect(backupAnomaly({ durationMs: 590_000, sizeBytes: 1_990_000_000 }, usual(10))).toBeNull();
  });

  it("fails a backup under half its usual size, saying so with its code", () => {
    expect(backupAnomaly({ durationMs: 600_000, sizeBytes: 900_000_000 }, usual(10))).toBe("BACKUP_TOO_SMALL");
    expect(backupAnomaly({ durationMs: 600_000, sizeBytes: 1_100_000_000 }, usual(10))).toBeNull();
  });

  it("fails a backup that took under a fifth of its usual time", () => {
    expect(backupAnomaly({ durationMs: 100_000, sizeBytes: 2_000_000_000 }, usual(10))).toBe("BACKUP_TOO_FAST");
  });

  it("judges by the median, so one odd night in the history does not move the bar", () => {
    const history = [{ durationMs: 10, sizeBytes: 10 }, ...usual(6)];
    expect(backupAnomaly({ durationMs: 600_000, sizeBytes: 900_000_000 }, history)).toBe("BACKUP_TOO_SMALL");
  });

  it("does not judge before five earlier runs, but always wants the figures", () => {
    expect(backupAnomaly({ durationMs: 1, sizeBytes: 1 }, usual(4))).toBeNull();
    expect(backupAnomaly({ durationMs: null, sizeBytes: 5 }, [])).toBe("BACKUP_FIGURES_MISSING");
  });
});
