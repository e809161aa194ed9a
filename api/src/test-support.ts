import { openDatabase, type Database } from "./db/client.js";
import { ensureAdmin } from "./seed/bootstrap.js";
import type { Viewer } from "./shared/viewer.js";

/** A fresh in-memory PGlite with every migration applied: a real database at unit-test speed. */
export async function freshDatabase(): Promise<Database> {
  const database = await openDatabase({ dataDir: "memory://" });
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
