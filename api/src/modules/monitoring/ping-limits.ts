import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../../db/client.js";
import { monitoringPingCounters } from "../../db/schema/index.js";

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

/**
 * Floods are refused per key and per address, each in its own bucket, so one runaway key or address
 * is turned away while every other keeps its pings. The key's count is in the database (every API
 * process sees the same count; once spent, the refusal is answered from memory until the minute is
 * over, so a flood costs the database nothing more). The address's count is in each process's
 * memory: in the database it is one row that every ping from a busy address (a housing company's
 * router, a load test) would update, and those pings then wait on each other's row lock, which
 * halved ingestion when measured. N processes therefore allow an address N times the limit.
 */
export class PingLimits {
  private readonly perKey: RateLimiterDrizzle;
  private readonly perAddress: RateLimiterMemory;

  constructor(db: Db, settings: PingLimitSettings) {
    const store = (keyPrefix: string, points: number) =>
      new RateLimiterDrizzle({
        storeClient: db,
        schema: monitoringPingCounters,
        keyPrefix,
        points,
        duration: 60,
        inMemoryBlockOnConsumed: points,
        clearExpiredByTimeout: true,
      });
    this.perKey = store("ping-key", settings.PING_MAX_PER_KEY_PER_MINUTE);
    this.perAddress = new RateLimiterMemory({
      keyPrefix: "ping-address",
      points: settings.PING_MAX_PER_ADDRESS_PER_MINUTE,
      duration: 60,
    });
  }

  /** Seconds to wait when the address or the key (by its hash: the key itself is never stored) is over its limit. */
  async refusal(address: string, keyHash: string): Promise<number | null> {
    try {
      await this.perAddress.consume(address);
      await this.perKey.consume(keyHash);
      return null;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    }
  }
}
