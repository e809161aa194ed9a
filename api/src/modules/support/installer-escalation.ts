import { and, asc, eq, inArray, isNotNull, isNull, lte, or, type SQL } from "drizzle-orm";
import { tellPartnerOfCase } from "./case-webhook.js";
import type { Db } from "../../db/client.js";
import { organisations, supportCaseMessages, supportCases } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Logger } from "../../logger.js";
import { supportCalendarIn } from "./support-calendar.service.js";
import { recomputeDeadlines } from "./case-deadlines.js";
import { tellPartnerOfEscalation, tellTeamOfEscalation } from "./support-case.notifications.js";
import { startPeriodicJob } from "../../shared/periodic-job.js";

/** Cases escalated per transaction: a backlog after downtime is worked off in batches, each committed on its own. */
const BATCH = 100;

/**
 * A case the customer's installer has not answered by its first-response deadline. Only open cases: one waiting on
 * the customer has no running deadline.
 */
export function installerDeadlinePassed(now: Date): SQL {
  return and(
    eq(supportCases.routedTo, "PARTNER"),
    isNull(supportCases.firstRespondedAt),
    eq(supportCases.status, "OPEN"),
    lte(supportCases.responseDueAt, now),
  )!;
}

/** The internal note an escalated case carries, naming the installer that stayed silent. */
export function escalationNote(partnerName: string | null | undefined): string {
  return `Eskalerat till Aptus support: ${partnerName || "installatören"} hade inte svarat när svarstiden gick ut.`;
}

/**
 * "Vi lämnar aldrig en kund": a case routed to the customer's installer that the installer has not answered by its
 * first-response deadline comes back to the vendor's queue, with a note saying why, and the vendor's support is told.
 * The installer is told the case has left it.
 * Each case is taken once — claimed with SKIP LOCKED and changed in the same transaction — however many API processes
 * sweep.
 */
export async function escalateSilentInstallers(db: Db, now: Date): Promise<number> {
  let escalated = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(supportCases)
        .where(installerDeadlinePassed(now))
        .orderBy(asc(supportCases.responseDueAt))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      for (const c of due) {
        const [row] = await tx
          .update(supportCases)
          .set({ routedTo: "VENDOR", routingReason: "ESCALATED", assigneeId: null, escalatedAt: now, updatedAt: now })
          .where(eq(supportCases.id, c.id))
          .returning();
        const names = await tx
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, [c.customerId, ...(c.partnerId ? [c.partnerId] : [])]));
        const nameOf = (id: string | null) => names.find((o) => o.id === id)?.name ?? "";
        await tx.insert(supportCaseMessages).values({
          caseId: c.id,
          authorUserId: null,
          side: "VENDOR",
          internal: true,
          handover: true,
          body: escalationNote(nameOf(c.partnerId)),
          createdAt: now,
        });
        await recordAudit(tx, null, {
          action: "supportCaseEscalated",
          objectType: "SupportCase",
          objectId: c.id,
          organisationId: c.customerId,
          details: { from: "PARTNER", to: "VENDOR", partnerId: c.partnerId, responseDueAt: c.responseDueAt },
        });
        await tellTeamOfEscalation(tx, row!, { customer: nameOf(c.customerId), partner: nameOf(c.partnerId) });
        await tellPartnerOfEscalation(tx, c);
        await tellPartnerOfCase(tx, row!, "ESCALATED", true);
      }
      return due.length;
    });
    escalated += n;
    if (n < BATCH) return escalated;
  }
}

/**
 * Open cases without a resolution deadline — those opened before severities, whose deadline SQL could not count in
 * open hours when the column came — and running cases with a deadline but no near mark (kept since decision 0105)
 * get theirs from the calendar, a thousand per transaction until none is left.
 */
async function fillMissingDeadlines(db: Db): Promise<number> {
  let filled = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const missing = await tx
        .select({ id: supportCases.id })
        .from(supportCases)
        .where(
          or(
            and(eq(supportCases.status, "OPEN"), isNull(supportCases.resolutionDueAt)),
            and(
              isNull(supportCases.firstRespondedAt),
              inArray(supportCases.status, ["OPEN", "WAITING_ON_CUSTOMER"]),
              isNotNull(supportCases.responseDueAt),
              isNull(supportCases.responseNearAt),
            ),
          ),
        )
        .limit(1000);
      if (missing.length === 0) return { moved: 0, more: false };
      const calendar = await supportCalendarIn(tx);
      const moved = await recomputeDeadlines(
        tx,
        calendar,
        missing.map((m) => m.id),
      );
      // A batch that moved nothing would be read again: stop rather than spin.
      return { moved, more: missing.length === 1000 && moved > 0 };
    });
    filled += n.moved;
    if (!n.more) return filled;
  }
}

/** Runs the escalation every `intervalMs` (and the deadline fill once, at start); a failed run is logged, not fatal. */
export function startInstallerEscalation(db: Db, logger: Logger, intervalMs = 60_000) {
  void fillMissingDeadlines(db).then(
    (n) => n && logger.info({ filled: n }, "support case deadlines filled"),
    (e) => logger.error({ err: e }, "filling support case deadlines failed"),
  );
  return startPeriodicJob(async () => {
    try {
      const n = await escalateSilentInstallers(db, new Date());
      if (n) logger.info({ escalated: n }, "support cases escalated from silent installers");
    } catch (e) {
      logger.error({ err: e }, "support case escalation failed");
    }
  }, intervalMs);
}
