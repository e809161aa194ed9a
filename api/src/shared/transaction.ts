import type { DbOrTx, Tx } from "../db/client.js";
import type { Result } from "./errors.js";

class Rollback<T> extends Error {
  constructor(readonly result: Result<T>) {
    super("rollback");
  }
}

/**
 * Runs a business mutation in one transaction. A result with userErrors rolls everything back, so
 * a broken rule never leaves half a change or an audit row behind. Given an open transaction, it
 * runs in a savepoint of it: a rule of another module called inside a mutation rolls back only its
 * own part when it refuses.
 */
export async function mutate<T>(db: DbOrTx, work: (tx: Tx) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      if ("errors" in result) throw new Rollback(result);
      return result;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result as Result<T>;
    throw e;
  }
}

/** PostgreSQL's SQLSTATE for a unique violation, to turn a lost race into a userError. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = findPgError(e);
  return (
    !!err &&
    err.code === "23505" &&
    (!constraint || err.constraint_name === constraint || err.constraint === constraint)
  );
}

function findPgError(e: unknown): { code?: string; constraint_name?: string; constraint?: string } | null {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === "object"; i++) {
    const c = cur as { code?: unknown; cause?: unknown };
    if (typeof c.code === "string" && /^[0-9A-Z]{5}$/.test(c.code)) return c as never;
    cur = c.cause;
  }
  return null;
}
