import { and, eq, notExists, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { agreementLapses, agreements } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { clockAt } from "../../shared/clock.js";
import { addDaysIso, todayInSweden, type IsoDate } from "../../shared/dates.js";
import { effectiveEndDateSql, endAgreementParts, statusSql, type EndCause } from "../agreements/index.js";
import { queueMailToEach, recipientsOf } from "../notifications/index.js";
import { cancelBookedVisits } from "../visits/index.js";
import { LAPSE_MAIL, lapseReason } from "./lapse.mails.js";

/**
 * How long after its end an agreement's customer is still mailed about it. The job applies every end it has not
 * applied, however old (the first run after an upgrade included), but a notice about a year-old end is noise.
 */
const LAPSE_NOTICE_DAYS = 30;

const endSql = sql<string>`(${effectiveEndDateSql})::text`;

/** An ended agreement, as the job locks it: the end it has come to and why. */
interface Ended {
  id: string;
  number: string;
  tier: (typeof agreements.$inferSelect)["tier"];
  customerId: string;
  endedOn: IsoDate;
  cause: EndCause;
}

/** An agreement that has ended before `today`, expired or terminated: one the lapse applies to. */
export function hasEnded(today: IsoDate): SQL {
  return sql`${statusSql(clockAt(today))} in ('EXPIRED', 'TERMINATED')`;
}

/** Agreements that ended before today and whose end the job has not applied. */
function endedSelection(tx: Db | Tx, today: IsoDate, agreementId?: string) {
  const status = statusSql(clockAt(today));
  return tx
    .select({
      id: agreements.id,
      number: agreements.number,
      tier: agreements.tier,
      customerId: agreements.customerId,
      endedOn: endSql,
      cause: sql<EndCause>`${status}`,
    })
    .from(agreements)
    .where(
      and(
        agreementId ? eq(agreements.id, agreementId) : undefined,
        hasEnded(today),
        notExists(
          tx
            .select({ one: agreementLapses.agreementId })
            .from(agreementLapses)
            .where(
              and(
                eq(agreementLapses.agreementId, agreements.id),
                sql`${agreementLapses.endedOn} = ${effectiveEndDateSql}`,
              ),
            ),
        ),
      ),
    );
}

/**
 * The daily lapse job: applies the end of every agreement that has ended, once. Each agreement is its
 * own transaction: its row is claimed with FOR UPDATE SKIP LOCKED (another process at it, or a renewal
 * under way, is left for the next pass) and read again under the lock, so a renewal that just
 * committed is seen; then the marker row is inserted, and only a won insert acts. A crash rolls all
 * of it back, to be done on the next pass; a pass after downtime catches up on every end it missed.
 */
export async function applyLapses(db: Db, now: Date): Promise<{ applied: number }> {
  const today = todayInSweden(now);
  const candidates = await endedSelection(db, today);
  let applied = 0;
  for (const c of candidates) {
    applied += await db.transaction(async (tx) => {
      const [a] = await endedSelection(tx, today, c.id).for("update", { of: agreements, skipLocked: true });
      if (!a) return 0;
      const [won] = await tx
        .insert(agreementLapses)
        .values({ agreementId: a.id, endedOn: a.endedOn, cause: a.cause })
        .onConflictDoNothing()
        .returning();
      if (!won) return 0;
      await applyEnd(tx, a, now, today);
      return 1;
    });
  }
  return { applied };
}

async function applyEnd(tx: Tx, a: Ended, now: Date, today: IsoDate) {
  const reason = lapseReason(a);
  const parts = await endAgreementParts(tx, a, a.endedOn, a.cause);
  const visits = await cancelBookedVisits(tx, a, now, reason);
  const recent = a.endedOn >= addDaysIso(today, -LAPSE_NOTICE_DAYS);
  const readers = recent ? await recipientsOf(tx, "AGREEMENT_LAPSED", [a.customerId]) : [];
  const notified = await queueMailToEach(tx, LAPSE_MAIL, readers, { ...a, parts, visits });
  await recordAudit(tx, null, {
    action: "agreement.lapse",
    objectType: "Agreement",
    objectId: a.id,
    organisationId: a.customerId,
    details: {
      endedOn: a.endedOn,
      cause: a.cause,
      rentalsEnded: parts.rentalsEnded.map((r) => r.id),
      addOnsEnded: parts.addOnsEnded.map((x) => x.kind),
      hanteraAccountsFlagged: parts.accountsFlagged.map((x) => x.id),
      visitsCancelled: visits.map((v) => v.visitId),
      notified,
    },
  });
}
