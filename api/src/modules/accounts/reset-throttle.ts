import type { Db } from "../../db/client.js";
import { accountRequestCounters } from "../../db/schema/index.js";
import { addressThenIdentityLimit, clearExpiredCounters } from "../../shared/counter-store.js";

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
  private readonly limit: ReturnType<typeof addressThenIdentityLimit>;

  constructor(db: Db, limits: ResetLimits) {
    this.limit = addressThenIdentityLimit(db, accountRequestCounters, {
      keys: ["reset-address", "reset-account"],
      perAddress: limits.maxPerAddress,
      perIdentity: limits.maxPerAccount,
      windowSeconds: limits.windowSeconds,
    });
  }

  async attempt(email: string, address: string): Promise<void> {
    const refused = await this.limit(address, email);
    if (refused) throw new TooManyResetRequests(Math.max(1, Math.ceil(refused.msBeforeNext / 1000)));
  }
}
