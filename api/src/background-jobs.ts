import type { Database } from "./db/client.js";
import type { Env } from "./env.js";
import type { Logger } from "./logger.js";
import { clearExpiredLoginCounters } from "./modules/access/index.js";
import { clearExpiredRequestCounters, startBoardChecks } from "./modules/accounts/index.js";
import { clearExpiredContactCounters } from "./modules/contact/index.js";
import { startCheckSweeper } from "./modules/monitoring/index.js";
import { createOutboxSender } from "./modules/notifications/outbox-sender.js";
import { startAnonymisation } from "./modules/privacy/index.js";
import { startRenewalJobs } from "./modules/renewals/index.js";
import { startInstallerEscalation } from "./modules/support/index.js";
import { startProtocolDelivery } from "./modules/visits/visit-protocol-delivery.js";
import { startVisitReminders } from "./modules/visits/visit-reminders.js";
import { startWebhookDeliveries, webhookSettings } from "./modules/webhooks/index.js";
import { startPeriodicJob } from "./shared/periodic-job.js";

/**
 * Every job the API process runs beside its requests, in one list: `main.ts` starts them after the server, and the
 * scale set's test starts the same list to prove the set is as these jobs leave it (scale-views.test.ts). Each job
 * runs a first pass at once (catching up on what fell due while no API ran) and then on its interval; `stop()` waits
 * for the passes under way, so a shutdown never cuts a transaction in half.
 */
export async function startBackgroundJobs(
  database: Pick<Database, "db" | "listen">,
  settings: Env,
  logger: Logger,
): Promise<{ stop(): Promise<void> }> {
  const { db } = database;
  const outbox = createOutboxSender({
    db,
    logger,
    smtpUrl: settings.SMTP_URL,
    from: settings.MAIL_FROM,
    listen: database.listen,
  });
  await outbox.start();
  const jobs = [
    startVisitReminders(db, logger),
    startProtocolDelivery(db, logger, settings.VISIT_PROTOCOL_SEND, settings.VISIT_PROTOCOL_POLL_SECONDS * 1000),
    startInstallerEscalation(db, logger, settings.ESCALATION_SWEEP_SECONDS * 1000),
    startCheckSweeper({
      db,
      logger,
      intervalMs: settings.MONITORING_SWEEP_SECONDS * 1000,
      incidentMail: {
        waitMs: settings.INCIDENT_MAIL_WAIT_MINUTES * 60_000,
        reminderMs: settings.INCIDENT_MAIL_REMINDER_HOURS * 3600_000,
        portalUrl: settings.PORTAL_URL,
      },
    }),
    startRenewalJobs({
      db,
      logger,
      intervalMs: settings.RENEWAL_JOB_MINUTES * 60_000,
      settings: {
        reminderDays: settings.RENEWAL_REMINDER_DAYS,
        portalUrl: settings.PORTAL_URL,
        autoRenewalNoticeMailDays: settings.AUTO_RENEWAL_NOTICE_MAIL_DAYS,
        expiringWindowDays: settings.AGREEMENT_EXPIRING_WINDOW_DAYS,
      },
    }),
    startBoardChecks({ db, logger, portalUrl: settings.PORTAL_URL, intervalMs: settings.RENEWAL_JOB_MINUTES * 60_000 }),
    startAnonymisation({ db, logger, retentionMonths: settings.PERSONAL_DATA_RETENTION_MONTHS }),
    startWebhookDeliveries({
      db,
      logger,
      settings: webhookSettings(settings),
      portalUrl: settings.PORTAL_URL,
      intervalMs: settings.WEBHOOK_POLL_SECONDS * 1000,
    }),
    // The rate limits' counters, cleared here once for all their stores (shared/counter-store.ts).
    startPeriodicJob(async () => {
      await clearExpiredLoginCounters(db).catch((e) => logger.warn({ err: e }, "log-in counters not cleared"));
      await clearExpiredRequestCounters(db).catch((e) => logger.warn({ err: e }, "reset counters not cleared"));
      await clearExpiredContactCounters(db).catch((e) => logger.warn({ err: e }, "contact counters not cleared"));
    }, 5 * 60_000),
  ];
  return {
    async stop() {
      await outbox.stop();
      for (const job of jobs) await job.stop();
    },
  };
}
