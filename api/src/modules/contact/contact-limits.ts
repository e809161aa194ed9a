import type { Db } from "../../db/client.js";
import { contactRequestCounters } from "../../db/schema/index.js";
import { addressThenIdentityLimit, clearExpiredCounters } from "../../shared/counter-store.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { ContactErrors as E } from "./contact.errors.js";

export interface ContactLimitSettings {
  /** Requests naming one e-mail address per window: a stranger cannot fill someone's inbox with receipts. */
  maxPerEmail: number;
  /** Requests from one network address per window, whichever e-mails they name. */
  maxPerAddress: number;
  windowSeconds: number;
}

/** Five requests an hour for one e-mail address; twenty an hour from one network address. */
export const DEFAULT_CONTACT_LIMITS: ContactLimitSettings = { maxPerEmail: 5, maxPerAddress: 20, windowSeconds: 3600 };

/** The periodic clean-up of the contact counters' table (the stores keep no timer of their own). */
export const clearExpiredContactCounters = (db: Db) => clearExpiredCounters(db, contactRequestCounters);

/**
 * The contact page's protection instead of a CAPTCHA (decision 0081): counted in the database with
 * rate-limiter-flexible's drizzle store, as the log-in and reset limits are, so every API process and restart sees
 * the same count. The address is counted first: a script that changes the e-mail each time still runs out.
 */
export class ContactLimits {
  private readonly limit: ReturnType<typeof addressThenIdentityLimit>;

  constructor(db: Db, settings: ContactLimitSettings) {
    this.limit = addressThenIdentityLimit(db, contactRequestCounters, {
      keys: ["contact-address", "contact-email"],
      perAddress: settings.maxPerAddress,
      perIdentity: settings.maxPerEmail,
      windowSeconds: settings.windowSeconds,
    });
  }

  async admit(address: string, email: string): Promise<Result<void>> {
    const refused = await this.limit(address, email);
    if (!refused) return ok(undefined);
    const minutes = Math.max(1, Math.ceil(refused.msBeforeNext / 60_000));
    return userError(
      E.TOO_MANY_CONTACT_REQUESTS,
      `Too many requests; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}, or call support.`,
    );
  }
}
