import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../../db/client.js";
import { loginAttemptCounters } from "../../db/schema/index.js";

/** Thrown when a log-in attempt is not heard at all; the server answers TOO_MANY_REQUESTS (HTTP 429). */
export class TooManyLoginAttempts extends Error {
  readonly code = "TOO_MANY_REQUESTS";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many log-in attempts. Try again in ${retryAfterSeconds} seconds.`);
  }
}

export interface LoginLimits {
  /** Attempts for one account from one address per window (OWASP: a stranger elsewhere cannot lock the user out). */
  maxPerAccount: number;
  /** Attempts from one address per window, whichever accounts it tries. */
  maxPerAddress: number;
  windowSeconds: number;
  /** The slower limit behind them: attempts on one account from everywhere, per day. */
  maxPerAccountDaily?: number;
}

/**
 * Slows down password guessing. Every attempt is counted BEFORE the password is checked, in
 * PostgreSQL (or PGlite) through rate-limiter-flexible's atomic drizzle store, so parallel guesses
 * cannot slip through between check and count, and every API process and restart sees the same
 * counters. A successful log-in gives back its account-and-address attempts. The answer never says
 * which limit ran out, or whether the account exists.
 */
export class LoginThrottle {
  private readonly perAddress: RateLimiterDrizzle;
  private readonly perAccountAndAddress: RateLimiterDrizzle;
  private readonly perAccount: RateLimiterDrizzle;

  constructor(db: Db, limits: LoginLimits) {
    const store = (keyPrefix: string, points: number, duration: number) =>
      new RateLimiterDrizzle({ storeClient: db, schema: loginAttemptCounters, keyPrefix, points, duration, clearExpiredByTimeout: true });
    this.perAddress = store("login-address", limits.maxPerAddress, limits.windowSeconds);
    this.perAccountAndAddress = store("login-account-address", limits.maxPerAccount, limits.windowSeconds);
    this.perAccount = store("login-account", limits.maxPerAccountDaily ?? 100, 24 * 3600);
  }

  /**
   * Counts one attempt, or throws TooManyLoginAttempts when one of the limits has run out. The
   * address is counted first, so an address that has run out no longer spends anyone's account limit.
   */
  async attempt(email: string, address: string): Promise<void> {
    try {
      await this.perAddress.consume(address);
      await this.perAccountAndAddress.consume(`${email}|${address}`);
      await this.perAccount.consume(email);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new TooManyLoginAttempts(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));
      throw e;
    }
  }

  /** The right password: this account's attempts from this address start over, and the others get theirs back. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.perAccountAndAddress.delete(`${email}|${address}`);
    await this.perAccount.reward(email, 1);
    await this.perAddress.reward(address, 1);
  }
}
