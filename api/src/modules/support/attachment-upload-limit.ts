import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../../db/client.js";
import { rateLimitStore } from "../access/index.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { SupportErrors as E } from "./support.errors.js";

const HOUR_SECONDS = 3600;

/**
 * How many files one user may attach in an hour, whatever the case: quotas bound what is stored,
 * this bounds how fast anyone (a script with a partner's token included) can fill them. Counted in
 * the database with rate-limiter-flexible's drizzle store, as the log-in limits are (decision 8), so
 * every API process and restart sees the same count. Each request with files spends one point per
 * file before anything is written, accepted or not; a message without files spends nothing.
 */
export class UploadLimit {
  private readonly perUser: RateLimiterDrizzle;

  constructor(
    db: Db,
    readonly filesPerHour: number,
  ) {
    // The log-in counters' table is rate-limiter-flexible's store for every limit; the prefix keeps them apart.
    this.perUser = rateLimitStore(db, {
      keyPrefix: "attachment-uploads",
      points: filesPerHour,
      duration: HOUR_SECONDS,
    });
  }

  /** Spends `files` of the user's hour, or answers TOO_MANY_UPLOADS with how long to wait. */
  async admit(userId: string, files: number, field: string[]): Promise<Result<void>> {
    if (files === 0) return ok(undefined);
    try {
      await this.perUser.consume(userId, files);
      return ok(undefined);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const minutes = Math.max(1, Math.ceil(e.msBeforeNext / 60_000));
      return userError(
        E.TOO_MANY_UPLOADS,
        `At most ${this.filesPerHour} files an hour may be attached by one user; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
        field,
      );
    }
  }
}
