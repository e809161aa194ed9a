import { and, asc, isNotNull, lt } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { monitoringChecks } from "../../db/schema/index.js";
import type { Logger } from "../../logger.js";
import { factsOf, storeStep } from "./check-records.js";
import { catchUp } from "./check-state.js";
import { followFlips } from "./check-incidents.js";
import { releaseHeldIncidents } from "./maintenance-release.js";
import { DEFAULT_INCIDENT_MAIL, mailIncidents, type IncidentMailerSettings } from "./incident-mailer.js";
import { reconcileMonitoring } from "./monitoring-provisioning.js";
import { todayInSweden } from "../../shared/dates.js";
import { startPeriodicJob } from "../../shared/periodic-job.js";

/** Checks claimed per transaction: small enough to hold locks briefly, large enough to keep up with 100,000 checks. */
const SWEEP_BATCH = 500;

/**
 * One pass over the checks whose deadline has passed, batch by batch. Each batch is claimed with
 * FOR UPDATE SKIP LOCKED, so any number of API processes sweep side by side without waiting on or
 * repeating each other, and a check being pinged right now is left to its ping. Every deadline up to
 * `now` is applied with its own moment (catchUp), so a sweeper back from an outage dates flips right.
 */
export async function sweepDueChecks(
  db: Db,
  now: Date,
  batch = SWEEP_BATCH,
): Promise<{ checks: number; flips: number }> {
  let checks = 0;
  let flips = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(monitoringChecks)
        .where(and(isNotNull(monitoringChecks.alertAfter), lt(monitoringChecks.alertAfter, now)))
        .orderBy(asc(monitoringChecks.alertAfter))
        .limit(batch)
        .for("update", { skipLocked: true });
      for (const row of due) {
        const stored = await storeStep(tx, row, catchUp(factsOf(row), now), now);
        await followFlips(tx, stored.row, stored.flips);
        flips += stored.flips.length;
      }
      checks += due.length;
      return due.length < batch;
    });
    if (done) break;
  }
  // After the sweep, so an outage that began inside a window ending now is held first, then opened.
  await releaseHeldIncidents(db, now, batch);
  return { checks, flips };
}

/**
 * The sweeper loop in the API process. A failed pass (the database away) is logged and the next
 * one tried after the interval: the loop never ends the process and never runs two passes at once.
 */
export function startCheckSweeper(opts: {
  db: Db;
  logger: Logger;
  intervalMs?: number;
  reconcileMs?: number;
  now?: () => Date;
  /** How checks are brought in line with what is paid for; a parameter so a test can make it fail. */
  reconcile?: typeof reconcileMonitoring;
  /** The incident e-mail's grouping wait, reminder interval and portal links (incident-mailer.ts). */
  incidentMail?: IncidentMailerSettings;
}) {
  const { db, logger } = opts;
  const intervalMs = opts.intervalMs ?? 10_000;
  // Cover changes by order, cancellation or the calendar: seen within a minute, not on every pass.
  const reconcileMs = opts.reconcileMs ?? 60_000;
  const now = opts.now ?? (() => new Date());
  const reconcile = opts.reconcile ?? reconcileMonitoring;
  let reconciledAt = 0;
  const pass = async () => {
    const at = now();
    if (at.getTime() - reconciledAt >= reconcileMs) {
      // Tried again after reconcileMs, not on every pass, and never in the sweep's way: a failing
      // reconciliation must not leave the checks already watched unswept.
      reconciledAt = at.getTime();
      try {
        const c = await reconcile(db, at, todayInSweden(at));
        if (c.provisioned || c.paused || c.resumed) logger.info(c, "monitoring checks reconciled with agreements");
      } catch (e) {
        logger.warn({ err: e }, "monitoring reconciliation failed; sweeping all the same");
      }
    }
    try {
      const r = await sweepDueChecks(db, at);
      if (r.flips) logger.info(r, "monitoring checks swept");
      const m = await mailIncidents(db, at, opts.incidentMail ?? DEFAULT_INCIDENT_MAIL);
      if (m.mails) logger.info(m, "monitoring incidents mailed");
    } catch (e) {
      logger.warn({ err: e }, "monitoring sweep failed; trying again");
    }
  };
  return startPeriodicJob(pass, intervalMs);
}
