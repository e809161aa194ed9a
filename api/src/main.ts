import "reflect-metadata";
import { openDatabase } from "./db/client.js";
import { env, InvalidSettingsError } from "./env.js";
import { createLogger } from "./logger.js";
import { createOutboxSender } from "./modules/notifications/outbox-sender.js";
import { startVisitReminders } from "./modules/visits/visit-reminders.js";
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
  const database = await openDatabase({ url: settings.DATABASE_URL, dataDir: settings.TRYGG_DATA_DIR });
  await database.migrate();
  if (settings.TRYGG_ADMIN_EMAIL && settings.TRYGG_ADMIN_PASSWORD) {
    await ensureAdmin(database.db, { email: settings.TRYGG_ADMIN_EMAIL, password: settings.TRYGG_ADMIN_PASSWORD });
  }
  const server = await startServer({ database, env: settings, logger, port: settings.API_PORT, host: settings.API_HOST });
  logger.info({ url: `${server.url}/graphql`, database: database.kind }, "Trygg API listening");
  const outbox = createOutboxSender({ db: database.db, logger, smtpUrl: settings.SMTP_URL, from: settings.MAIL_FROM });
  outbox.start();
  const reminders = startVisitReminders(database.db, logger);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    // Never hang on the way out: whatever has not closed in 5 s is cut off.
    setTimeout(() => process.exit(0), 5_000).unref();
    outbox.stop();
    reminders.stop();
    await server.stop().catch((e) => logger.warn({ err: e }, "server did not stop cleanly"));
    await database.close().catch((e) => logger.warn({ err: e }, "database did not close cleanly"));
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((e) => {
  console.error("Trygg API failed to start:", e);
  process.exit(1);
});
