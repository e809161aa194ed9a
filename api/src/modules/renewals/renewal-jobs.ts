import type { Db } from "../../db/client.js";
import type { Logger } from "../../logger.js";
import { applyAutoRenewals } from "./auto-renewal-job.js";
import { DEFAULT_AUTO_RENEWAL_NOTICE_MAIL_DAYS } from "./auto-renewal-terms.js";
import { DEFAULT_EXPIRING_WINDOW_DAYS } from "../../shared/clock.js";
import { tellExpiringAgreements } from "./expiry-notice-job.js";
import { applyLapses } from "./lapse-job.js";
import { queueRenewalDigests } from "./renewal-digest.js";
import { queueRenewalReminders, type RenewalMailSettings } from "./renewal-reminders.js";
import { startPeriodicJob } from "../../shared/periodic-job.js";

/**
 * One pass of the renewal work at one instant: the automatic renewals first (after downtime one may be due at an end
 * already passed, which must renew rather than lapse), then the lapse job, so no ended agreement is reminded about.
 */
async function runRenewalPass(db: Db, now: Date, settings: RenewalMailSettings) {
  const auto = await applyAutoRenewals(db, now, {
    noticeMailDays: settings.autoRenewalNoticeMailDays ?? DEFAULT_AUTO_RENEWAL_NOTICE_MAIL_DAYS,
    portalUrl: settings.portalUrl,
  });
  const lapses = await applyLapses(db, now);
  const expiring = await tellExpiringAgreements(db, now, settings.expiringWindowDays ?? DEFAULT_EXPIRING_WINDOW_DAYS);
  const reminders = await queueRenewalReminders(db, now, settings);
  const digests = await queueRenewalDigests(db, now, settings);
  return {
    autoRenewed: auto.renewed,
    autoNoticed: auto.noticed,
    lapses: lapses.applied,
    expiring,
    reminders,
    digests,
  };
}

/**
 * The renewal jobs in the API process, like the check sweeper: a pass at start (catching up on what
 * fell due while the server was down) and then every interval. Each step is idempotent and safe in
 * several processes at once (see the steps), so every process may run it. A failed pass (the
 * database away) is logged and tried again; never two passes at once in one process.
 */
export function startRenewalJobs(opts: {
  db: Db;
  logger: Logger;
  settings: RenewalMailSettings;
  intervalMs?: number;
  now?: () => Date;
}) {
  const { db, logger } = opts;
  const intervalMs = opts.intervalMs ?? 60 * 60_000;
  const now = opts.now ?? (() => new Date());
  const pass = async () => {
    try {
      const r = await runRenewalPass(db, now(), opts.settings);
      if (Object.values(r).some((n) => n > 0)) logger.info(r, "renewal jobs ran");
    } catch (e) {
      logger.warn({ err: e }, "renewal jobs failed; trying again");
    }
  };
  return startPeriodicJob(pass, intervalMs);
}
