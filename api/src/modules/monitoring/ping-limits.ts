import { sql, type SQL } from "drizzle-orm";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../../db/client.js";
import { monitoringPingCounters } from "../../db/schema/index.js";
import { pgArray } from "./pg-array.js";

export interface PingLimitSettings {
  PING_MAX_PER_KEY_PER_MINUTE: number;
  PING_MAX_PER_ADDRESS_PER_MINUTE: number;
}

export const DEFAULT_PING_LIMITS: PingLimitSettings = {
  // A job pings start and end, a heartbeat once a minute at most: 30 a minute is a script gone wrong.
  PING_MAX_PER_KEY_PER_MINUTE: 30,
  // One address may be a whole housing company's installations behind one router.
  PING_MAX_PER_ADDRESS_PER_MINUTE: 600,
};

const MINUTE_MS = 60_000;
/** Expired counters are deleted this often, an hour after they ran out (as rate-limiter-flexible's store did). */
const PRUNE_EVERY_MS = 5 * MINUTE_MS;
/** The prefix rate-limiter-flexible gave these rows, kept so counters written before group commit still count. */
const KEY_PREFIX = "ping-key:";

/**
 * Floods are refused per key and per address, each in its own bucket, so one runaway key or address
 * is turned away while every other keeps its pings. The key's count is in the database (every API
 * process sees the same count; once spent, the refusal is answered from memory until the minute is
 * over, so a flood costs the database nothing more). The pings committed together count their keys
 * together too: one upsert for the whole group (decision 0062), not one statement per ping. The
 * address's count is in each process's memory: in the database it is one row that every ping from a
 * busy address (a housing company's router, a load test) would update, and those pings then wait on
 * each other's row lock, which halved ingestion when measured. N processes therefore allow an
 * address N times the limit.
 */
export class PingLimits {
  private readonly perAddress: RateLimiterMemory;
  /** Key hash → the moment its minute is over, for keys that spent their minute. */
  private readonly spent = new Map<string, number>();
  private prunedAt = 0;

  constructor(
    private readonly db: Db,
    private readonly settings: PingLimitSettings,
  ) {
    this.perAddress = new RateLimiterMemory({
      keyPrefix: "ping-address",
      points: settings.PING_MAX_PER_ADDRESS_PER_MINUTE,
      duration: 60,
    });
  }

  /** Seconds to wait when the address is over its limit. */
  async addressRefusal(address: string): Promise<number | null> {
    try {
      await this.perAddress.consume(address);
      return null;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      return secondsUntil(Date.now() + e.msBeforeNext, Date.now());
    }
  }

  /**
   * For each ping of a group, in arrival order, by its key's hash (the key itself is never stored):
   * the seconds to wait when the key is over its limit, else null. The pings of one key are numbered
   * in arrival order, so the first ones of a minute are taken and the rest refused, as one by one.
   * Keys spent earlier are refused from memory; the others are counted by the returned `upsert`
   * (`insert … returning key_hash, points, expire`), which the group's read of its checks runs as a
   * CTE, so counting and reading are one statement (decision 0127); `settle` gives the refusals
   * from its rows.
   */
  countKeys(keyHashes: readonly string[], now: Date): KeyCount {
    const at = now.getTime();
    this.prune(at);
    const refusals: (number | null)[] = keyHashes.map((hash) => {
      const until = this.spent.get(hash);
      return until !== undefined && until > at ? secondsUntil(until, at) : null;
    });
    const counts = new Map<string, number>();
    keyHashes.forEach((hash, i) => {
      if (refusals[i] === null) counts.set(hash, (counts.get(hash) ?? 0) + 1);
    });
    const settle = (rows: readonly Record<string, unknown>[]) => this.settle(keyHashes, at, refusals, counts, rows);
    if (counts.size === 0) return { upsert: null, settle };
    // Sorted, so two processes upserting the same keys lock their rows in the same order.
    const keys = [...counts.keys()].sort();
    const table = monitoringPingCounters;
    const expired = sql`${table}.expire <= ${now.toISOString()}::timestamptz`;
    const upsert = sql`insert into ${table} (key, points, expire)
          select ${KEY_PREFIX} || k, n, ${new Date(at + MINUTE_MS).toISOString()}::timestamptz
          from unnest(${pgArray(keys)}::text[], ${pgArray(keys.map((k) => counts.get(k)!))}::int[]) as t(k, n)
          on conflict (key) do update set
            points = case when ${expired} then excluded.points else ${table}.points + excluded.points end,
            expire = case when ${expired} then excluded.expire else ${table}.expire end
          returning substr(key, ${KEY_PREFIX.length + 1}) as key_hash, points, expire`;
    return { upsert, settle };
  }

  /** The refusals of a group once its keys are counted: `rows` are the upsert's, one per key counted. */
  private settle(
    keyHashes: readonly string[],
    at: number,
    known: readonly (number | null)[],
    counts: ReadonlyMap<string, number>,
    rows: readonly Record<string, unknown>[],
  ): (number | null)[] {
    const refusals = [...known];
    const limit = this.settings.PING_MAX_PER_KEY_PER_MINUTE;
    const total = new Map<string, { points: number; until: number }>();
    for (const row of rows) {
      const until = new Date(row.expire as string | Date).getTime();
      const hash = String(row.key_hash);
      total.set(hash, { points: Number(row.points), until });
      if (Number(row.points) >= limit) this.spent.set(hash, until);
    }
    // The i-th ping of a key in this group is number (total − its pings in the group + i) of the minute.
    const seen = new Map<string, number>();
    keyHashes.forEach((hash, i) => {
      if (refusals[i] !== null) return;
      const counted = total.get(hash)!;
      const nth = counted.points - counts.get(hash)! + (seen.get(hash) ?? 0) + 1;
      seen.set(hash, (seen.get(hash) ?? 0) + 1);
      if (nth > limit) refusals[i] = secondsUntil(counted.until, at);
    });
    return refusals;
  }

  /** Forgets spent keys whose minute is over, and now and then deletes the database's old counters. */
  private prune(at: number) {
    if (at - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = at;
    for (const [hash, until] of this.spent) if (until <= at) this.spent.delete(hash);
    const hourAgo = new Date(at - 60 * MINUTE_MS).toISOString();
    // Housekeeping: a failure here costs nothing but a larger table until the next try.
    this.db
      .execute(
        sql`delete from ${monitoringPingCounters} where key like 'ping-key:%' and expire < ${hourAgo}::timestamptz`,
      )
      .catch(() => {});
  }
}

/** A group's count of its keys (PingLimits.countKeys). */
export interface KeyCount {
  /** Counts the other keys, `returning key_hash, points, expire`; null when every key is spent. */
  upsert: SQL | null;
  /** Every ping's refusal, given the upsert's rows (none when it was null). */
  settle(rows: readonly Record<string, unknown>[]): (number | null)[];
}

function secondsUntil(until: number, at: number): number {
  return Math.max(1, Math.ceil((until - at) / 1000));
}
