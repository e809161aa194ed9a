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

/** The flips of many checks after `from`, and each one's state at `from` (the flips index serves both). */
export async function checkHistories(
  db: DbOrTx,
  checkIds: readonly string[],
  from: Date,
): Promise<Map<string, CheckHistory>> {
  const ids = [...checkIds];
  const [before, inside] = await Promise.all([
    db
      .selectDistinctOn([monitoringFlips.checkId], {
        checkId: monitoringFlips.checkId,
        toState: monitoringFlips.toState,
      })
      .from(monitoringFlips)
      .where(and(inArray(monitoringFlips.checkId, ids), lte(monitoringFlips.happenedAt, from)))
      .orderBy(monitoringFlips.checkId, desc(monitoringFlips.happenedAt), desc(monitoringFlips.recordedAt)),
    db
      .select({
        checkId: monitoringFlips.checkId,
        toState: monitoringFlips.toState,
        happenedAt: monitoringFlips.happenedAt,
      })
      .from(monitoringFlips)
      .where(and(inArray(monitoringFlips.checkId, ids), gt(monitoringFlips.happenedAt, from)))
      .orderBy(asc(monitoringFlips.happenedAt), asc(monitoringFlips.recordedAt)),
  ]);
  const out = new Map<string, CheckHistory>(ids.map((id) => [id, { stateBefore: "NEW", flips: [] }]));
  for (const b of before) out.get(b.checkId)!.stateBefore = b.toState;
  for (const f of inside) out.get(f.checkId)!.flips.push({ toState: f.toState, happenedAt: f.happenedAt });
  return out;
}
