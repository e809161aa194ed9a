import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agreements, serviceVisits, users, visitReminders } from "../../db/schema/index.js";
import { startPeriodicJob } from "../../shared/periodic-job.js";
import type { Logger } from "../../logger.js";
import { daysBetween, todayInSweden } from "../../shared/dates.js";
import { calendarAttachment, visitEventOf, visitIcs } from "./visit-calendar.js";
import { queueMailToEach } from "../notifications/index.js";
import { visitLocation } from "./visit-location.js";
import { customerAdmins } from "./visit-recipients.js";
import { VISIT_REMINDER_MAIL } from "./visit.mails.js";
import { visitDay } from "./visit.service.js";

/** Reminders go out this many days before a booked visit, the longer one first. */
export const REMINDER_DAYS = [14, 1] as const;

/**
 * Which reminder is due for a visit that many calendar days ahead: the 14-day one until the day
 * before, then the 1-day one. A visit booked 5 days ahead still gets a first reminder at once.
 */
export function dueReminder(daysAhead: number): (typeof REMINDER_DAYS)[number] | null {
  if (daysAhead < 0) return null;
  if (daysAhead <= 1) return 1;
  if (daysAhead <= 14) return 14;
  return null;
}

/**
 * Queues the due reminders. Idempotent and safe with several API processes: the reminder row (visit,
 * days, booked time) is inserted first, and only the insert that wins queues the mail, in the same
 * transaction. A rebooked visit has a new time, so it is reminded again.
 */
export async function queueDueReminders(db: Db, now: Date = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + 15 * 86_400_000);
  const due = await db
    .select({ visit: serviceVisits, number: agreements.number, customerId: agreements.customerId, technician: users })
    .from(serviceVisits)
    .innerJoin(agreements, eq(agreements.id, serviceVisits.agreementId))
    .innerJoin(users, eq(users.id, serviceVisits.technicianId))
    .where(
      and(
        isNull(serviceVisits.completedAt),
        isNull(serviceVisits.cancelledAt),
        gt(serviceVisits.scheduledAt, now),
        lte(serviceVisits.scheduledAt, horizon),
      ),
    );
  let queued = 0;
  for (const { visit, number, customerId, technician } of due) {
    const on = visitDay(visit);
    const ahead = daysBetween(todayInSweden(now), on);
    const days = dueReminder(ahead);
    if (!days) continue;
    queued += await db.transaction(async (tx) => {
      const won = await tx
        .insert(visitReminders)
        .values({ visitId: visit.id, daysBefore: days, scheduledAt: visit.scheduledAt })
        .onConflictDoNothing()
        .returning();
      if (won.length === 0) return 0;
      const location = await visitLocation(tx, visit.propertyId);
      const readers = [...(await customerAdmins(tx, { customerId })), technician];
      const facts = { number, location, at: visit.scheduledAt, technician: technician.name, movedBecause: null };
      const to = await queueMailToEach(tx, VISIT_REMINDER_MAIL, readers, { ...facts, daysAhead: ahead }, (text) => [
        calendarAttachment(`supportbesok-${on}.ics`, visitIcs(visitEventOf(visit, text, location))),
      ]);
      return to.length;
    });
  }
  return queued;
}

/**
 * The periodic job in the API process; every process may run it (see queueDueReminders). One loop
 * for every periodic job (shared/periodic-job.ts): a slow pass is never overlapped by the next, and
 * stopping waits for a pass under way, so a shutdown does not cut a reminder's transaction in half.
 */
export function startVisitReminders(
  db: Db,
  logger: Logger,
  intervalMs = 15 * 60_000,
  queue: (db: Db) => Promise<number> = queueDueReminders,
): { stop(): Promise<void> } {
  const pass = async () => {
    try {
      const n = await queue(db);
      if (n) logger.info({ queued: n }, "visit reminders queued");
    } catch (e) {
      logger.error({ err: e }, "visit reminders failed");
    }
  };
  return startPeriodicJob(pass, intervalMs);
}
