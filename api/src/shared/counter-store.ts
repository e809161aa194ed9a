import { lt } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../db/client.js";

/** A table in rate-limiter-flexible's drizzle store shape: key, points, expire. */
type CounterTable = PgTable & { key: PgColumn; points: PgColumn; expire: PgColumn };

/** The library's own rule: a counter is kept an hour past its expiry, then removed. */
const KEPT_AFTER_EXPIRY_MS = 3600_000;

/**
 * A database-backed rate limit without the library's clean-up timer. Each store would otherwise run
 * its own five-minute timer against the same table, unstoppable and outliving the database it was
 * given; `clearExpiredCounters` runs instead as one periodic job that stops with the server.
 */
export function counterStore(
  db: Db,
  table: CounterTable,
  opts: { keyPrefix: string; points: number; duration: number },
): RateLimiterDrizzle {
  return new RateLimiterDrizzle({ storeClient: db, schema: table, clearExpiredByTimeout: false, ...opts });
}

/** Removes the counters of `table` that expired over an hour before `now`; those never expiring stay. */
export async function clearExpiredCounters(db: Db, table: CounterTable, now = new Date()): Promise<void> {
  await db.delete(table).where(lt(table.expire, new Date(now.getTime() - KEPT_AFTER_EXPIRY_MS)));
}

/**
 * A limit counted twice, by network address first and then by the identity asked about (an e-mail):
 * a script that changes the identity each time still runs out at its address. Answers how long until
 * the next try is heard, or null when this one is.
 */
export function addressThenIdentityLimit(
  db: Db,
  table: CounterTable,
  opts: { keys: [address: string, identity: string]; perAddress: number; perIdentity: number; windowSeconds: number },
): (address: string, identity: string) => Promise<{ msBeforeNext: number } | null> {
  const store = (keyPrefix: string, points: number) =>
    counterStore(db, table, { keyPrefix, points, duration: opts.windowSeconds });
  const perAddress = store(opts.keys[0], opts.perAddress);
  const perIdentity = store(opts.keys[1], opts.perIdentity);
  return async (address, identity) => {
    try {
      await perAddress.consume(address);
      await perIdentity.consume(identity);
      return null;
    } catch (e) {
      if (e instanceof RateLimiterRes) return { msBeforeNext: e.msBeforeNext };
      throw e;
    }
  };
}
