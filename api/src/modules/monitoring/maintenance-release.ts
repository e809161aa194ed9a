import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { monitoringChecks, monitoringFlips } from "../../db/schema/index.js";
import { openIncident } from "./check-incidents.js";
import { maintenancePlansOfCheck } from "./maintenance-queries.js";
import { maintenanceEndsAt } from "./maintenance-window.js";

/**
 * Opens the incidents that maintenance held back, once the window is over and the check is still
 * down. The incident starts when the window ended, not when the check went down: the time inside the
 * window was planned, and counting it would make the case's response deadline already late. Claimed
 * with SKIP LOCKED like the sweep, so several processes release each held incident once.
 */
export async function releaseHeldIncidents(db: Db, now: Date, batch = 500): Promise<number> {
  let opened = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const held = await tx
        .select()
        .from(monitoringChecks)
        .where(isNotNull(monitoringChecks.incidentHeldSince))
        .orderBy(asc(monitoringChecks.incidentHeldSince))
        .limit(batch)
        .for("update", { skipLocked: true });
      let waiting = 0;
      for (const check of held) {
        const end = maintenanceEndsAt(await maintenancePlansOfCheck(tx, check), check.incidentHeldSince!, now);
        if (!end || +end > +now) {
          waiting++;
          continue;
        }
        if (check.state === "DOWN") {
          const [flip] = await tx
            .select({ reason: monitoringFlips.reason })
            .from(monitoringFlips)
            .where(and(eq(monitoringFlips.checkId, check.id), eq(monitoringFlips.toState, "DOWN")))
            .orderBy(desc(monitoringFlips.happenedAt))
            .limit(1);
          if (await openIncident(tx, check, end, flip?.reason ?? null)) opened++;
        }
        await tx.update(monitoringChecks).set({ incidentHeldSince: null }).where(eq(monitoringChecks.id, check.id));
      }
      // Checks still inside their windows stay held; only a full batch of released ones asks for more.
      return held.length < batch || waiting === held.length;
    });
    if (done) return opened;
  }
}
