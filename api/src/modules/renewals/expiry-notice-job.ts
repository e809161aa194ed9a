import { and, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agreementExpiryNotices, agreements } from "../../db/schema/index.js";
import { clockAt } from "../../shared/clock.js";
import { addDaysIso, todayInSweden, type IsoDate } from "../../shared/dates.js";
import { effectiveEndDateSql, statusSql, tellPartnersOfExpiry } from "../agreements/index.js";

/** An agreement with a partner, in its expiring window on `today`: the ones whose partner is told. */
export function inExpiringWindow(today: IsoDate, windowDays: number): SQL {
  const status = statusSql(clockAt(today, windowDays));
  return and(
    isNotNull(agreements.partnerId),
    sql`${effectiveEndDateSql} between ${today}::date and ${addDaysIso(today, windowDays)}::date`,
    sql`${status} = 'EXPIRING'`,
  )!;
}

/**
 * Tells each partner, once, that one of its agreements has come into its expiring window: the one status change
 * the calendar makes without a write, so nothing else would send `agreement.status_changed` for it (the lapse job
 * sends the end). In one transaction: the marker rows of every agreement newly EXPIRING are inserted set-wise and
 * only those the insert won are told, so two processes, or a pass repeated after a crash, tell each once. The
 * search reads the index on `effective_end`, not every agreement. Returns how many were told.
 */
export async function tellExpiringAgreements(db: Db, now: Date, windowDays: number): Promise<number> {
  const today = todayInSweden(now);
  return db.transaction(async (tx) => {
    const due = tx
      .select({
        agreementId: agreements.id,
        endsOn: sql<IsoDate>`${effectiveEndDateSql}`.as("ends_on"),
        toldAt: sql<Date>`now()`.as("told_at"),
      })
      .from(agreements)
      .where(inExpiringWindow(today, windowDays));
    const won = await tx
      .insert(agreementExpiryNotices)
      .select(due)
      .onConflictDoNothing()
      .returning({ agreementId: agreementExpiryNotices.agreementId });
    return tellPartnersOfExpiry(
      tx,
      won.map((w) => w.agreementId),
    );
  });
}
