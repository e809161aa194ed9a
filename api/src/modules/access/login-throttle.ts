import { and, eq, gt, or, sql } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../../db/client.js";
import { loginAttemptCounters } from "../../db/schema/index.js";
import { clearExpiredCounters, counterStore } from "../../shared/counter-store.js";

/** A limit counted in the log-in counters' table, for other modules' limits (the prefix keeps them apart). */
export const rateLimitStore = (db: Db, opts: { keyPrefix: string; points: number; duration: number }) =>
  counterStore(db, loginAttemptCounters, opts);

/** The periodic clean-up of the log-in counters' table (the stores keep no timer of their own). */
export const clearExpiredLoginCounters = (db: Db) => clearExpiredCounters(db, loginAttemptCounters);

/** An account whose next log-in attempt is refused: until when, and whether from every address. */
export interface Lockout {
  email: string;
  until: Date;
  everywhere: boolean;
}

const ACCOUNT = "login-account";
const ACCOUNT_ADDRESS = "login-account-address";

/** The counter key of one account from one address; `lockouts` and `release` read the e-mail back from it. */
const SEPARATOR = "|";
const accountAtAddress = (email: string, address: string) => `${email}${SEPARATOR}${address}`;

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
  private readonly maxPerAccountDaily: number;

  constructor(
    private readonly db: Db,
    private readonly limits: LoginLimits,
  ) {
    const store = (keyPrefix: string, points: number, duration: number) =>
      counterStore(db, loginAttemptCounters, { keyPrefix, points, duration });
    this.perAddress = store("login-address", limits.maxPerAddress, limits.windowSeconds);
    this.perAccountAndAddress = store(ACCOUNT_ADDRESS, limits.maxPerAccount, limits.windowSeconds);
    this.maxPerAccountDaily = limits.maxPerAccountDaily ?? 100;
    this.perAccount = store(ACCOUNT, this.maxPerAccountDaily, 24 * 3600);
  }

  /**
   * Counts one attempt, or throws TooManyLoginAttempts when one of the limits has run out. The
   * address is counted first, so an address that has run out no longer spends anyone's account limit.
   */
  async attempt(email: string, address: string): Promise<void> {
    try {
      await this.perAddress.consume(address);
      await this.perAccountAndAddress.consume(accountAtAddress(email, address));
      await this.perAccount.consume(email);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new TooManyLoginAttempts(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));
      throw e;
    }
  }

  /** The right password: this account's attempts from this address start over, and the others get theirs back. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.perAccountAndAddress.delete(accountAtAddress(email, address));
    await this.perAccount.reward(email, 1);
    await this.perAddress.reward(address, 1);
  }

  /**
   * Accounts whose next attempt would be refused now: the daily limit (from every address) or the
   * limit for the account from one address. Read from the counters themselves, so it is what the
   * next `attempt` will see; an address's own limit locks no account and is left out.
   */
  async lockouts(): Promise<Lockout[]> {
    const c = loginAttemptCounters;
    const rows = await this.db
      .select({ key: c.key, expire: c.expire })
      .from(c)
      .where(
        and(
          gt(c.expire, sql`now()`),
          or(
            and(
              sql`left(${c.key}, ${ACCOUNT.length + 1}) = ${`${ACCOUNT}:`}`,
              sql`${c.points} >= ${this.maxPerAccountDaily}`,
            ),
            and(
              sql`left(${c.key}, ${ACCOUNT_ADDRESS.length + 1}) = ${`${ACCOUNT_ADDRESS}:`}`,
              sql`${c.points} >= ${this.limits.maxPerAccount}`,
            ),
          ),
        ),
      );
    const byEmail = new Map<string, Lockout>();
    for (const row of rows) {
      const everywhere = row.key.startsWith(`${ACCOUNT}:`);
      const rest = row.key.slice((everywhere ? ACCOUNT : ACCOUNT_ADDRESS).length + 1);
      const email = everywhere ? rest : rest.slice(0, rest.lastIndexOf(SEPARATOR));
      const seen = byEmail.get(email);
      const until = row.expire!;
      byEmail.set(email, {
        email,
        until: seen && seen.until > until ? seen.until : until,
        everywhere: everywhere || !!seen?.everywhere,
      });
    }
    return [...byEmail.values()];
  }

  /** An admin lets the account try again: its counters from every address start over. */
  async release(email: string): Promise<void> {
    const prefix = `${ACCOUNT_ADDRESS}:${email}${SEPARATOR}`;
    await this.db
      .delete(loginAttemptCounters)
      .where(
        or(
          eq(loginAttemptCounters.key, `${ACCOUNT}:${email}`),
          sql`left(${loginAttemptCounters.key}, ${prefix.length}) = ${prefix}`,
        ),
      );
  }
}
