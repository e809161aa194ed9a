import "reflect-metadata";
import { startBackgroundJobs } from "./background-jobs.js";
import { isDriverSocketRace, openDatabase } from "./db/client.js";
import { env, InvalidSettingsError } from "./env.js";
import { createLogger } from "./logger.js";
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
  const jobs = await startBackgroundJobs(database, settings, logger);

  let stopping = false;
  stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "stopping");
    // Never hang on the way out: whatever has not closed in 5 s is cut off.
    setTimeout(() => process.exit(code), 5_000).unref();
    await jobs.stop();
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
