import "reflect-metadata";
import { isDriverSocketRace, openDatabase } from "./db/client.js";
import { env, InvalidSettingsError } from "./env.js";
import { createLogger } from "./logger.js";
import { startCheckSweeper } from "./modules/monitoring/index.js";
import { startInstallerEscalation } from "./modules/support/index.js";
import { createOutboxSender } from "./modules/notifications/outbox-sender.js";
import { startRenewalJobs } from "./modules/renewals/index.js";
import { clearExpiredRequestCounters, startBoardChecks } from "./modules/accounts/index.js";
import { clearExpiredLoginCounters } from "./modules/access/index.js";
import { clearExpiredContactCounters } from "./modules/contact/index.js";
import { startPeriodicJob } from "./shared/periodic-job.js";
import { startAnonymisation } from "./modules/privacy/index.js";
import { startVisitReminders } from "./modules/visits/visit-reminders.js";
import { startProtocolDelivery } from "./modules/visits/visit-protocol-delivery.js";
import { startWebhookDeliveries, webhookSettings } from "./modules/webhooks/index.js";
import { ensureAdmin } from "./seed/bootstrap.js";
import { startServer } from "./server.js";

async function main() {
  let settings;
  try {
    settings = env();
  } catch (e) {
    if (e instanceof InvalidSettingsError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(settings.LOG_LEVEL);
  let stop = async (_reason: string, code: number): Promise<void> => process.exit(code);

  // A crash policy: the one error the database driver throws outside any promise when a connection
  // drops (see isDriverSocketRace) means only that the connection is gone, and the pool reconnects.
  // Anything else thrown outside a request is a bug with unknown state: log it and exit, so the
  // supervisor (npm start, systemd, Kubernetes) starts a clean process, rather than limp on.
  process.on("uncaughtException", (err) => {
    if (isDriverSocketRace(err)) {
      logger.warn({ err }, "database connection dropped while a query was being sent; the pool reconnects");
      return;
    }
    logger.fatal({ err }, "uncaught exception; stopping");
    void stop("uncaughtException", 1);
  });
  // A promise nobody awaited failed: the work it stood for is lost, but no state is half-changed
  // (every write is one transaction), so the process keeps serving.
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled promise rejection");
  });

  // Started by a supervisor over an IPC channel (npm start): the channel closes when the supervisor
  // ends in any way, SIGKILL and a closed terminal included, and the API ends with it rather than
  // live on as an orphan holding its port (decision 0039).
  if (process.channel) {
    process.channel.unref();
    process.on("disconnect", () => void stop("supervisor gone", 0));
  }

  const database = await openDatabase({
    url: settings.DATABASE_URL,
    dataDir: settings.TRYGG_DATA_DIR,
    postgres: {
      poolSize: settings.DATABASE_POOL_SIZE,
      prepare: settings.DATABASE_PREPARE,
      statementTimeoutMs: settings.DATABASE_STATEMENT_TIMEOUT_MS,
    },
  });
  await database.migrate();
  if (settings.TRYGG_ADMIN_EMAIL && settings.TRYGG_ADMIN_PASSWORD) {
    await ensureAdmin(database.db, { email: settings.TRYGG_ADMIN_EMAIL, password: settings.TRYGG_ADMIN_PASSWORD });
  }
  const server = await startServer({
    database,
    env: settings,
    logger,
    port: settings.API_PORT,
    host: settings.API_HOST,
  });
  logger.info({ url: `${server.url}/graphql`, database: database.kind }, "Trygg API listening");
  const outbox = createOutboxSender({
    db: database.db,
    logger,
    smtpUrl: settings.SMTP_URL,
    from: settings.MAIL_FROM,
    listen: database.listen,
  });
  await outbox.start();
  const reminders = startVisitReminders(database.db, logger);
  const protocols = startProtocolDelivery(
    database.db,
    logger,
    settings.VISIT_PROTOCOL_SEND,
    settings.VISIT_PROTOCOL_POLL_SECONDS * 1000,
  );
  const escalation = startInstallerEscalation(database.db, logger, settings.ESCALATION_SWEEP_SECONDS * 1000);
  const sweeper = startCheckSweeper({
    db: database.db,
    logger,
    intervalMs: settings.MONITORING_SWEEP_SECONDS * 1000,
    incidentMail: {
      waitMs: settings.INCIDENT_MAIL_WAIT_MINUTES * 60_000,
      reminderMs: settings.INCIDENT_MAIL_REMINDER_HOURS * 3600_000,
      portalUrl: settings.PORTAL_URL,
    },
  });
  const renewals = startRenewalJobs({
    db: database.db,
    logger,
    intervalMs: settings.RENEWAL_JOB_MINUTES * 60_000,
    settings: {
      reminderDays: settings.RENEWAL_REMINDER_DAYS,
      portalUrl: settings.PORTAL_URL,
      autoRenewalNoticeMailDays: settings.AUTO_RENEWAL_NOTICE_MAIL_DAYS,
      expiringWindowDays: settings.AGREEMENT_EXPIRING_WINDOW_DAYS,
    },
  });
  const boardChecks = startBoardChecks({
    db: database.db,
    logger,
    portalUrl: settings.PORTAL_URL,
    intervalMs: settings.RENEWAL_JOB_MINUTES * 60_000,
  });

  const anonymisation = startAnonymisation({
    db: database.db,
    logger,
    retentionMonths: settings.PERSONAL_DATA_RETENTION_MONTHS,
  });
  const webhooks = startWebhookDeliveries({
    db: database.db,
    logger,
    settings: webhookSettings(settings),
    portalUrl: settings.PORTAL_URL,
    intervalMs: settings.WEBHOOK_POLL_SECONDS * 1000,
  });

  // The rate limits' counters, cleared here once for all their stores (shared/counter-store.ts).
  const counters = startPeriodicJob(async () => {
    await clearExpiredLoginCounters(database.db).catch((e) => logger.warn({ err: e }, "log-in counters not cleared"));
    await clearExpiredRequestCounters(database.db).catch((e) => logger.warn({ err: e }, "reset counters not cleared"));
    await clearExpiredContactCounters(database.db).catch((e) =>
      logger.warn({ err: e }, "contact counters not cleared"),
    );
  }, 5 * 60_000);

  let stopping = false;
  stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "stopping");
    // Never hang on the way out: whatever has not closed in 5 s is cut off.
    setTimeout(() => process.exit(code), 5_000).unref();
    await outbox.stop();
    await reminders.stop();
    await protocols.stop();
    await escalation.stop();
    await sweeper.stop();
    await renewals.stop();
    await boardChecks.stop();
    await anonymisation.stop();
    await webhooks.stop();
    await counters.stop();
    await server.stop().catch((e) => logger.warn({ err: e }, "server did not stop cleanly"));
    await database.close().catch((e) => logger.warn({ err: e }, "database did not close cleanly"));
    process.exit(code);
  };
  process.on("SIGINT", () => void stop("SIGINT", 0));
  process.on("SIGTERM", () => void stop("SIGTERM", 0));
}

main().catch((e) => {
  // Through the logger, like every other error: a failed first-admin insert would print its hash.
  createLogger("fatal").fatal({ err: e }, "Trygg API failed to start");
  process.exit(1);
});
