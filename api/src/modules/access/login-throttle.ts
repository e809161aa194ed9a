import { RateLimiterMemory } from "rate-limiter-flexible";

/**
 * Slows down password guessing: failed log-ins are counted per account and per address, and once
 * either runs out the caller waits. The answer never says which of the two ran out, or whether the
 * account exists.
 */
export class LoginThrottle {
  private readonly perAccount: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;

  constructor(opts: { maxPerAccount: number; maxPerAddress: number; windowSeconds: number }) {
    this.perAccount = new RateLimiterMemory({ keyPrefix: "login-account", points: opts.maxPerAccount, duration: opts.windowSeconds, blockDuration: opts.windowSeconds });
    this.perAddress = new RateLimiterMemory({ keyPrefix: "login-address", points: opts.maxPerAddress, duration: opts.windowSeconds, blockDuration: opts.windowSeconds });
  }

  /** Seconds to wait before another attempt is heard, or 0. */
  async retryAfter(email: string, address: string): Promise<number> {
    const [a, b] = await Promise.all([this.perAccount.get(email), this.perAddress.get(address)]);
    const wait = (res: typeof a, max: number) => (res && res.consumedPoints >= max ? Math.ceil(res.msBeforeNext / 1000) : 0);
    return Math.max(wait(a, this.perAccount.points), wait(b, this.perAddress.points));
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(email, 1), this.perAddress.penalty(address, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}
