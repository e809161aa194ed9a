import { and, asc, desc, gt, inArray, lte } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { monitoringFlips } from "../../db/schema/index.js";
import type { CheckState } from "./check-state.js";
import type { FlipMoment } from "./check-uptime.js";

export interface CheckHistory {
  /** The state at the window's start: the last flip before it, or NEW when there was none. */
  stateBefore: CheckState;
  flips: FlipMoment[];
}

/** A flip inside the window, or (`before`) the last one at or before its start. */
export interface HistoryRow {
  checkId: string;
  toState: CheckState;
  happenedAt: Date;
  before: boolean;
}

/** Flips of many checks after `from`, and each one's last flip up to `from` (the flips' unique index serves both). */
export async function historyRows(db: DbOrTx, checkIds: readonly string[], from: Date): Promise<HistoryRow[]> {
  const ids = [...checkIds];
  const columns = {
    checkId: monitoringFlips.checkId,
    toState: monitoringFlips.toState,
    happenedAt: monitoringFlips.happenedAt,
  };
  const [before, inside] = await Promise.all([
    db
      .selectDistinctOn([monitoringFlips.checkId], columns)
      .from(monitoringFlips)
      .where(and(inArray(monitoringFlips.checkId, ids), lte(monitoringFlips.happenedAt, from)))
      .orderBy(monitoringFlips.checkId, desc(monitoringFlips.happenedAt), desc(monitoringFlips.recordedAt)),
    db
      .select(columns)
      .from(monitoringFlips)
      .where(and(inArray(monitoringFlips.checkId, ids), gt(monitoringFlips.happenedAt, from)))
      .orderBy(asc(monitoringFlips.happenedAt), asc(monitoringFlips.recordedAt)),
  ]);
  return [...before.map((r) => ({ ...r, before: true })), ...inside.map((r) => ({ ...r, before: false }))];
}

/** One check's rows read as its history. */
export function historyOf(rows: readonly HistoryRow[]): CheckHistory {
  let stateBefore: CheckState = "NEW";
  const flips: FlipMoment[] = [];
  for (const r of rows) {
    if (r.before) stateBefore = r.toState;
    else flips.push({ toState: r.toState, happenedAt: r.happenedAt });
  }
  return { stateBefore, flips };
}

/**
 * One check's history from a later start than the rows were read from: flips up to `from` only set
 * the state before it. Lets windows with different starts share one read from the earliest.
 */
export function historySince(rows: readonly HistoryRow[], from: Date): CheckHistory {
  const read = historyOf(rows);
  let stateBefore = read.stateBefore;
  const flips: FlipMoment[] = [];
  for (const f of read.flips) {
    if (+f.happenedAt <= +from) stateBefore = f.toState;
    else flips.push(f);
  }
  return { stateBefore, flips };
}
