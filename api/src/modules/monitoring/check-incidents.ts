import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { monitoringIncidents } from "../../db/schema/index.js";
import type { CheckRow } from "./check-records.js";
import type { Flip } from "./check-state.js";

export type IncidentRow = typeof monitoringIncidents.$inferSelect;

/**
 * What the stored flips mean for incidents: a flip into DOWN opens one (the open-incident key makes
 * a second for the same outage impossible), a flip out of DOWN resolves it. A backup check's
 * outage is its own kind, because "tydliga backup-rutiner" is a promise of its own.
 */
export async function followFlips(
  tx: Tx,
  check: CheckRow,
  flips: readonly Flip[],
  detail: string | null = null,
): Promise<IncidentChange[]> {
  const changes: IncidentChange[] = [];
  for (const flip of flips) {
    if (flip.to === "DOWN") {
      const [opened] = await tx
        .insert(monitoringIncidents)
        .values({
          checkId: check.id,
          kind: check.kind === "BACKUP_JOB" ? "BACKUP" : "OUTAGE",
          reason: detail ?? flip.reason,
          startedAt: flip.at,
        })
        .onConflictDoNothing()
        .returning();
      if (opened) changes.push({ type: "OPENED", incident: opened });
    } else if (flip.from === "DOWN") {
      const [resolved] = await tx
        .update(monitoringIncidents)
        .set({ resolvedAt: flip.at })
        .where(and(eq(monitoringIncidents.checkId, check.id), isNull(monitoringIncidents.resolvedAt)))
        .returning();
      if (resolved) changes.push({ type: "RESOLVED", incident: resolved });
    }
  }
  return changes;
}

export type IncidentChange = { type: "OPENED" | "RESOLVED"; incident: IncidentRow };
