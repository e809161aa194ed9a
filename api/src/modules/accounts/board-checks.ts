import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { boardChecks, organisations } from "../../db/schema/index.js";
import type { Logger } from "../../logger.js";
import { recordAudit } from "../../shared/audit.js";
import { todayInSweden } from "../../shared/dates.js";
import { startPeriodicJob } from "../../shared/periodic-job.js";
import { holds } from "../../shared/viewer.js";
import { queueMail } from "../notifications/index.js";
import { activeUsersOf, ORGANISATION_ADMINS } from "../parties/index.js";
import { BOARD_CHECK_MAIL } from "./board-check.mails.js";
import { boardCheckYear } from "./board-check-due.js";

/**
 * Queues the yearly "does your board match?" mail to each customer association whose annual meeting has passed
 * (decision 0072). Exactly once per organisation and meeting year with any number of API processes and restarts:
 * the board_checks row is inserted first and only the transaction whose insert wins queues the mails beside it in
 * the outbox — the renewal reminders' pattern. Goes to every active admin: it is about who controls the account, so
 * no notification preference turns it off.
 */
export async function queueBoardChecks(db: Db, now: Date, settings: { portalUrl: string }): Promise<number> {
  const today = todayInSweden(now);
  const candidates = await db
    .select({ id: organisations.id, name: organisations.name, month: organisations.annualMeetingMonth })
    .from(organisations)
    .where(and(eq(organisations.kind, "CUSTOMER"), isNotNull(organisations.annualMeetingMonth)));
  let sent = 0;
  for (const org of candidates) {
    const year = boardCheckYear(today, org.month!);
    if (year === null) continue;
    sent += await db.transaction(async (tx) => {
      const members = await activeUsersOf(tx, org.id);
      const admins = members.filter((u) => holds(u, ORGANISATION_ADMINS));
      const [won] = await tx
        .insert(boardChecks)
        .values({ organisationId: org.id, year, recipients: admins.length, sentAt: now })
        .onConflictDoNothing()
        .returning();
      if (!won) return 0;
      for (const admin of admins) {
        await queueMail(tx, BOARD_CHECK_MAIL, admin, {
          name: admin.name,
          organisationName: org.name,
          meetingMonth: org.month!,
          members,
          handoverUrl: `${settings.portalUrl}/board-handover`,
        });
      }
      await recordAudit(tx, null, {
        action: "organisation.boardCheck",
        objectType: "Organisation",
        objectId: org.id,
        organisationId: org.id,
        details: { year, recipients: admins.map((a) => a.email) },
      });
      return admins.length;
    });
  }
  return sent;
}

/** The board checks in the API process: a pass at start (catching up after downtime) and then every interval. */
export function startBoardChecks(opts: { db: Db; logger: Logger; portalUrl: string; intervalMs?: number }) {
  const { db, logger } = opts;
  return startPeriodicJob(
    async () => {
      try {
        const mails = await queueBoardChecks(db, new Date(), { portalUrl: opts.portalUrl });
        if (mails) logger.info({ mails }, "board checks queued");
      } catch (e) {
        logger.warn({ err: e }, "board checks failed; trying again");
      }
    },
    opts.intervalMs ?? 60 * 60_000,
  );
}
