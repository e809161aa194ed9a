import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { DEFAULT_RESET_LIMITS, ResetThrottle } from "./modules/accounts/reset-throttle.js";
import { ContactLimits, DEFAULT_CONTACT_LIMITS } from "./modules/contact/index.js";
import { webhookSettings } from "./modules/webhooks/index.js";
import { graphql } from "graphql";
import { createContext } from "./create-context.js";
import { openDatabase, type Database } from "./db/client.js";
import { createLogger } from "./logger.js";
import { LoginThrottle } from "./modules/access/login-throttle.js";
import { createAttachmentLimits } from "./modules/support/attachment-limits.js";
import { schema } from "./schema.js";
import { ensureAdmin } from "./seed/bootstrap.js";
import { seedDemo } from "./seed/demo.js";
import type { Viewer } from "./shared/viewer.js";

/** The migrated data directory made by `test-snapshot.global.ts`, when the run has one. */
function migratedSnapshot(): Blob | undefined {
  const file = inject("pgliteSnapshot");
  return file ? new Blob([readFileSync(file)]) : undefined;
}

/** A fresh in-memory PGlite with every migration applied: a real database at unit-test speed. */
export async function freshDatabase(opts: { onQuery?: (sql: string) => void } = {}): Promise<Database> {
  const database = await openDatabase({ dataDir: "memory://", pgliteSnapshot: migratedSnapshot(), ...opts });
  await database.migrate();
  return database;
}

export async function adminViewer(database: Database): Promise<Viewer> {
  return ensureAdmin(database.db, { email: "admin@test.example", password: "a-long-test-password" });
}

export function viewerAs(base: Viewer, patch: Partial<Viewer>): Viewer {
  return { ...base, ...patch };
}

type ServiceResult<T> = { ok: T } | { errors: { code: string }[] };

/** The value of a service result that must have succeeded; the errors in the message otherwise. */
export function okOf<T>(r: ServiceResult<T>): T {
  if (!("ok" in r)) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.ok;
}

/** The first userError code of a result, or undefined when it succeeded. */
export function codeOf(r: ServiceResult<unknown>): string | undefined {
  return "errors" in r ? r.errors[0]?.code : undefined;
}

/**
 * A demo-seeded in-memory database that counts the SQL statements a GraphQL query costs, for tests
 * that prove a list is not N+1: the count must not grow with the number of rows.
 */
export async function countingDatabase() {
  const counter = { statements: 0 };
  const database = await freshDatabase({ onQuery: () => counter.statements++ });
  await seedDemo(database.db);
  const admin = await ensureAdmin(database.db, { email: "admin@aptus.demo", password: "irrelevant-here" });
  /** Runs a query as `viewer` (the admin by default) with a fresh request context; its data and statement count. */
  async function run<T>(query: string, viewer: Viewer = admin) {
    counter.statements = 0;
    const data = await graphqlAs<T>(database, viewer, query);
    return { count: counter.statements, data };
  }
  return { database, admin, run };
}

/** Runs a GraphQL operation as `viewer` with a fresh request context, as the server would; its data, or it throws. */
export async function graphqlAs<T>(
  database: Database,
  viewer: Viewer,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const result = await graphql({
    schema: await schema(),
    source: query,
    variableValues: variables,
    contextValue: createContext({
      db: database.db,
      viewer,
      requestId: "test",
      ip: "127.0.0.1",
      userAgent: null,
      log: createLogger("silent"),
      app: {
        throttle: new LoginThrottle(database.db, { maxPerAccount: 5, maxPerAddress: 5, windowSeconds: 60 }),
        attachmentLimits: createAttachmentLimits(database.db),
        sessionTtlHours: 1,
        expiringWindowDays: 60,
        resetThrottle: new ResetThrottle(database.db, DEFAULT_RESET_LIMITS),
        contactLimits: new ContactLimits(database.db, DEFAULT_CONTACT_LIMITS),
        portalUrl: "http://localhost:3000",
        webhooks: webhookSettings({}),
      },
    }),
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}
