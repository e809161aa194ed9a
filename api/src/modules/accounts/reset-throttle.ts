import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../../db/client.js";
import { accountRequestCounters } from "../../db/schema/index.js";
import { clearExpiredCounters, counterStore } from "../../shared/counter-store.js";

/** The periodic clean-up of the reset counters' table (the stores keep no timer of their own). */
export const clearExpiredRequestCounters = (db: Db) => clearExpiredCounters(db, accountRequestCounters);

/** Thrown when a reset request is not heard at all; the server answers TOO_MANY_REQUESTS (HTTP 429). */
export class TooManyResetRequests extends Error {
  readonly code = "TOO_MANY_REQUESTS";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many password-reset requests. Try again in ${retryAfterSeconds} seconds.`);
  }
}

export interface ResetLimits {
  /** Requests for one e-mail address per window: a stranger cannot fill someone's inbox. */
  maxPerAccount: number;
  /** Requests from one network address per window, whichever e-mails it names. */
  maxPerAddress: number;
  windowSeconds: number;
}

/** Three mails an hour to one address; twenty requests an hour from one network address. */
export const DEFAULT_RESET_LIMITS: ResetLimits = { maxPerAccount: 3, maxPerAddress: 20, windowSeconds: 3600 };

/**
 * Limits reset requests the way LoginThrottle limits log-ins: counted in the database before the
 * e-mail is looked up, so a known and an unknown address run out alike and the limit says nothing
 * about which exist.
 */
export class ResetThrottle {
  private readonly perAddress: RateLimiterDrizzle;
  private readonly perAccount: RateLimiterDrizzle;

  constructor(db: Db, limits: ResetLimits) {
    const store = (keyPrefix: string, points: number) =>
      counterStore(db, accountRequestCounters, { keyPrefix, points, duration: limits.windowSeconds });
    this.perAddress = store("reset-address", limits.maxPerAddress);
    this.perAccount = store("reset-account", limits.maxPerAccount);
  }

  async attempt(email: string, address: string): Promise<void> {
    try {
      await this.perAddress.consume(address);
      await this.perAccount.consume(email);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new TooManyResetRequests(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));
      throw e;
    }
  }
}
