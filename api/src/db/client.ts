import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { sql } from "drizzle-orm";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import * as schema from "./schema/index.js";

type Schema = typeof schema;
/** The drizzle API, the same whether PGlite or PostgreSQL is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Services take either the database or an open transaction. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  /**
   * For the ping groups' two fixed statements only (decision 0128): on PostgreSQL a pool of its own
   * whose connections use generic plans; on PGlite the same as `db`.
   */
  pingGroups: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  /** LISTEN on a channel; the returned function stops listening. postgres.js re-listens after a reconnect. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The ping groups' own pool (decision 0128): one connection for each group in flight (ping-route.ts). */
const PING_GROUP_CONNECTIONS = 3;

/** Any fixed number; names Trygg's migration lock among PostgreSQL's advisory locks. */
const MIGRATION_LOCK = 7_245_001;

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * PostgreSQL when a URL is given; otherwise an embedded PGlite in `dataDir` (or in memory for
 * `memory://`), so a new user runs Trygg with nothing installed.
 */
export interface PostgresTuning {
  /** Connections in this process's pool. */
  poolSize?: number;
  /** Off behind PgBouncer in transaction mode, which cannot keep a prepared statement on one connection. */
  prepare?: boolean;
  statementTimeoutMs?: number;
}

export async function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  /** A PGlite data directory dumped earlier (`dumpDataDir`), to start from instead of an empty one. */
  pgliteSnapshot?: Blob;
  onQuery?: (sql: string, params: unknown[]) => void;
  postgres?: PostgresTuning;
}): Promise<Database> {
  const logger = opts.onQuery
    ? { logQuery: (query: string, params: unknown[]) => opts.onQuery!(query, params) }
    : undefined;
  if (opts.url) {
    const tuning = opts.postgres ?? {};
    const options = {
      max: tuning.poolSize ?? 10,
      prepare: tuning.prepare ?? true,
      onnotice: () => {},
      // While the database is away a request must fail within seconds, not queue: give up on a
      // connection after 2 s, and retry a refused one after at most 0.5 s (the driver's default
      // back-off grows to 20 s, which held requests for up to 14 s after the database was back).
      connect_timeout: 2,
      backoff: (retries: number) => Math.min(0.5, 0.05 * 2 ** retries),
      idle_timeout: 60,
      max_lifetime: 30 * 60,
      connection: {
        application_name: "trygg-api",
        statement_timeout: tuning.statementTimeoutMs ?? 10_000,
        idle_in_transaction_session_timeout: 30_000,
      },
    };
    const client = postgres(opts.url, options);
    // The ping groups' statements unnest arrays: PostgreSQL sees each array's length in a custom plan,
    // costs it below the generic one and so plans every execution anew, which took about a third of
    // such a statement's time. Their plans do not depend on the values, so these connections keep
    // the generic plan (decision 0128). One connection per group in flight (ping-route.ts).
    const pingClient = postgres(opts.url, {
      ...options,
      max: PING_GROUP_CONNECTIONS,
      connection: { ...options.connection, application_name: "trygg-api-pings", plan_cache_mode: "force_generic_plan" },
    });
    const db = drizzlePostgres(client, { schema, logger }) as unknown as Db;
    return {
      db,
      pingGroups: drizzlePostgres(pingClient, { schema, logger }) as unknown as Db,
      kind: "postgres",
      // Several API processes may start at once: a session advisory lock lets one migrate at a time.
      migrate: async () => {
        // One connection (max 1), so the lock and the migration share a session.
        const single = postgres(opts.url!, { max: 1, onnotice: () => {}, connect_timeout: 10 });
        try {
          await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
          await migratePostgres(drizzlePostgres(single) as never, { migrationsFolder });
        } finally {
          await single.end({ timeout: 5 });
        }
      },
      ping: () => ping(db),
      listen: async (channel, onNotify) => {
        const { unlisten } = await client.listen(channel, () => onNotify());
        return unlisten;
      },
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), pingClient.end({ timeout: 5 })]);
      },
    };
  }
  const dir = opts.dataDir ?? "memory://";
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  // pg_trgm ships with PGlite but must be loaded before a migration can CREATE EXTENSION it (search).
  const client = await PGlite.create(dir, { extensions: { pg_trgm }, loadDataDir: opts.pgliteSnapshot });
  const db = drizzlePglite(client, { schema, logger }) as unknown as Db;
  return {
    db,
    pingGroups: db,
    kind: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    ping: () => ping(db),
    listen: (channel, onNotify) => client.listen(channel, () => onNotify()),
    close: () => client.close(),
  };
}

/** True when the database answers `select 1` within `withinMs`. */
async function ping(db: Db, withinMs = 800): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), withinMs);
  });
  const answered = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

const UNAVAILABLE_CODES = new Set([
  // postgres.js
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // the socket
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EAI_AGAIN",
  // PostgreSQL: shutting down, starting up, too many connections, statement timeout
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "57014",
]);

/**
 * postgres.js 3.4.9 (connection.js, `execute`): when a query is handed to a connection whose socket
 * has just closed, `socket.write` throws on `null`; the driver catches that, rejects the query with
 * the TypeError, and schedules `write(Sync)` with setImmediate, which throws the same TypeError
 * again outside any promise. It means "the connection is gone", nothing more.
 */
export function isDriverSocketRace(e: unknown): boolean {
  return (
    e instanceof TypeError &&
    /Cannot read properties of null \(reading 'write'\)/.test(e.message) &&
    /[\\/]postgres[\\/](src|cjs[\\/]src)[\\/]connection\.js/.test(e.stack ?? "")
  );
}

/** True when an error (or its cause, as drizzle wraps driver errors) means the database is away or overloaded. */
export function isDatabaseUnavailable(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === "object"; i++) {
    if (isDriverSocketRace(cur)) return true;
    const c = cur as { code?: unknown; errno?: unknown; cause?: unknown };
    if (typeof c.code === "string" && (UNAVAILABLE_CODES.has(c.code) || c.code.startsWith("08"))) return true;
    cur = c.cause;
  }
  return false;
}
