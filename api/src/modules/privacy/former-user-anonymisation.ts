import { and, asc, isNotNull, isNull, lt } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import type { Logger } from "../../logger.js";
import { recordAudit } from "../../shared/audit.js";
import { startPeriodicJob } from "../../shared/periodic-job.js";
import { forgetSessionOrigins } from "../access/index.js";
import { anonymiseAccountTraces } from "../accounts/index.js";
import { anonymiseFormerHanteraAccounts } from "../agreements/index.js";
import { anonymiseAuditTrail } from "../audit/index.js";
import { anonymiseMailsTo } from "../notifications/index.js";
import { anonymiseUserRecord, FORMER_USER_NAME, formerUserEmail } from "../parties/index.js";

/** Users anonymised per transaction: a backlog (the first run after years) goes in short transactions. */
const BATCH = 50;

/** The moment before which a deactivation is old enough: `months` calendar months before `now`. */
function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * One pass of the anonymisation (decision 0086): every user deactivated longer than the retention period loses name,
 * e-mail, password and the IP addresses and mails that held them, in every table that keeps them
 * (`personal-data-columns.ts`), one transaction per batch. Safe with any number of processes: the users are claimed
 * `FOR UPDATE SKIP LOCKED`, and a committed one has `anonymised_at` and is never taken again, so a second pass or a
 * second process does nothing twice. Returns how many users it anonymised.
 */
export async function anonymiseFormerUsers(db: Db, now: Date, retentionMonths: number): Promise<number> {
  const cutoff = retentionCutoff(now, retentionMonths);
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(isNotNull(users.deactivatedAt), lt(users.deactivatedAt, cutoff), isNull(users.anonymisedAt)))
        .orderBy(asc(users.deactivatedAt))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      for (const { id } of due) {
        const before = await anonymiseUserRecord(tx, id, now);
        if (!before) continue;
        const replacement = { name: FORMER_USER_NAME, email: formerUserEmail(id) };
        await anonymiseAccountTraces(tx, before, replacement);
        await forgetSessionOrigins(tx, id);
        await anonymiseMailsTo(tx, before, replacement);
        await anonymiseAuditTrail(tx, before, replacement);
        // Written after the trail was rewritten, and holding nothing of the person.
        await recordAudit(tx, null, {
          action: "user.anonymise",
          objectType: "User",
          objectId: id,
          organisationId: before.organisationId,
          details: { retentionMonths },
        });
      }
      return due.length;
    });
    total += done;
    if (done < BATCH) break;
  }
  await db.transaction((tx) => anonymiseFormerHanteraAccounts(tx, cutoff));
  return total;
}

/** The daily anonymisation in the API process: a pass at start (catching up after downtime), then once a day. */
export function startAnonymisation(opts: { db: Db; logger: Logger; retentionMonths: number; intervalMs?: number }) {
  return startPeriodicJob(
    async () => {
      try {
        const users = await anonymiseFormerUsers(opts.db, new Date(), opts.retentionMonths);
        if (users) opts.logger.info({ users }, "former users anonymised");
      } catch (e) {
        opts.logger.warn({ err: e }, "anonymisation failed; trying again");
      }
    },
    opts.intervalMs ?? 24 * 3600_000,
  );
}
