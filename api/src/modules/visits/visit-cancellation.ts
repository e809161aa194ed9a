import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { serviceVisits, visitTimeProposals } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { inLanguage, type Worded } from "../notifications/index.js";
import { mailVisitCancellation } from "./visit-booking-mail.js";
import { VisitErrors as E } from "./visit.errors.js";
import { VISIT_BOOKERS } from "./visit.roles.js";
import { bumpVisit, lockVisit, type ServiceVisitRow } from "./visit.service.js";

export interface CancelledVisit {
  visitId: string;
  scheduledAt: Date;
  recipients: string[];
}

/**
 * A cancelled visit takes its open offers of new times with it (decision 0093): answering one would move a visit
 * that no longer stands. They read WITHDRAWN, as an offer replaced by a newer one does.
 */
async function withdrawOffersToMove(tx: Tx, visitIds: readonly string[], now: Date): Promise<void> {
  await tx
    .update(visitTimeProposals)
    .set({ status: "WITHDRAWN", answeredAt: now, updatedAt: now })
    .where(and(inArray(visitTimeProposals.movesVisitId, [...visitIds]), eq(visitTimeProposals.status, "OPEN")));
}

/** The booked visits a cancellation calls off: not completed, not cancelled, still ahead. */
function bookedAhead(agreementId: string, now: Date, propertyIds?: readonly string[]) {
  return and(
    eq(serviceVisits.agreementId, agreementId),
    isNull(serviceVisits.completedAt),
    isNull(serviceVisits.cancelledAt),
    gt(serviceVisits.scheduledAt, now),
    propertyIds ? inArray(serviceVisits.propertyId, [...propertyIds]) : undefined,
  );
}

/**
 * What cancelBookedVisits would call off, read without changing anything: a preview shows these, by the same
 * condition, so it names exactly the visits the change then cancels.
 */
export async function bookedVisitsAhead(
  db: DbOrTx,
  agreementId: string,
  now: Date,
  propertyIds?: readonly string[],
): Promise<{ visitId: string; scheduledAt: Date; propertyId: string }[]> {
  if (propertyIds?.length === 0) return [];
  return db
    .select({ visitId: serviceVisits.id, scheduledAt: serviceVisits.scheduledAt, propertyId: serviceVisits.propertyId })
    .from(serviceVisits)
    .where(bookedAhead(agreementId, now, propertyIds))
    .orderBy(asc(serviceVisits.scheduledAt));
}

/**
 * Calls off the agreement's booked visits still ahead (the lapse job, when the agreement ended; a coverage change,
 * at the properties it removes): each
 * is marked cancelled, and the customer's admins and the booked technician get a mail whose `.ics`
 * removes the event from the calendar that took the booking. In the caller's transaction, so the
 * mail goes out only if the cancellation lands. A completed or past visit is history and stays.
 */
export async function cancelBookedVisits(
  tx: Tx,
  agreement: { id: string; number: string; customerId: string },
  now: Date,
  /** In each language: the customer's admins and the technician read it in theirs; it is kept in Swedish. */
  worded: Worded,
  /** Only the visits at these properties (a property leaving the agreement); all of them when left out. */
  propertyIds?: readonly string[],
): Promise<CancelledVisit[]> {
  if (propertyIds?.length === 0) return [];
  const reason = inLanguage(worded, "SV");
  const booked = await tx
    .select()
    .from(serviceVisits)
    .where(bookedAhead(agreement.id, now, propertyIds))
    .orderBy(asc(serviceVisits.scheduledAt))
    .for("update");
  if (booked.length === 0) return [];
  await tx
    .update(serviceVisits)
    .set({ cancelledAt: now, cancelReason: reason, version: sql`${serviceVisits.version} + 1` })
    .where(
      inArray(
        serviceVisits.id,
        booked.map((b) => b.id),
      ),
    );
  await withdrawOffersToMove(
    tx,
    booked.map((b) => b.id),
    now,
  );
  const done: CancelledVisit[] = [];
  for (const visit of booked) {
    const recipients = await mailVisitCancellation(tx, visit, agreement, worded);
    await recordAudit(tx, null, {
      action: "serviceVisit.cancel",
      objectType: "ServiceVisit",
      objectId: visit.id,
      organisationId: agreement.customerId,
      details: { agreementId: agreement.id, scheduledAt: visit.scheduledAt.toISOString(), reason, recipients },
    });
    done.push({ visitId: visit.id, scheduledAt: visit.scheduledAt, recipients });
  }
  return done;
}

/**
 * Staff call off one booked visit by hand, with a reason the customer reads; the calendars that have
 * it remove it. A completed visit is history; `expectedVersion` refuses a change made on a stale page.
 */
export async function cancelServiceVisit(
  db: Db,
  viewer: Viewer,
  input: { visitId: string; reason: string; expectedVersion: number },
  clock: Clock,
  now: Date,
): Promise<Result<ServiceVisitRow>> {
  requireRole(viewer, VISIT_BOOKERS);
  const reason = input.reason.trim();
  if (!reason) return userError(E.INVALID_INPUT, "Say why the visit is cancelled.", ["input", "reason"]);
  if (reason.length > 500)
    return userError(E.INVALID_INPUT, "A reason is at most 500 characters.", ["input", "reason"]);
  return mutate(db, async (tx) => {
    const loaded = await lockVisit(tx, viewer, input.visitId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such service visit.", ["input", "visitId"]);
    const { visit, agreement } = loaded;
    if (visit.completedAt)
      return userError(E.VISIT_COMPLETED, "The visit is completed; it cannot be cancelled.", ["input", "visitId"]);
    if (visit.cancelledAt) return userError(E.VISIT_CANCELLED, "The visit is already cancelled.", ["input", "visitId"]);
    if (input.expectedVersion !== visit.version)
      return userError(E.STALE_VERSION, "The visit has changed since you read it; reload and try again.", [
        "input",
        "expectedVersion",
      ]);
    const row = await bumpVisit(tx, visit, { cancelledAt: now, cancelReason: reason });
    await withdrawOffersToMove(tx, [visit.id], now);
    const recipients = await mailVisitCancellation(tx, row, agreement, reason);
    await recordAudit(tx, viewer, {
      action: "serviceVisit.cancel",
      objectType: "ServiceVisit",
      objectId: visit.id,
      organisationId: agreement.customerId,
      details: { scheduledAt: visit.scheduledAt.toISOString(), reason, recipients },
    });
    return ok(row);
  });
}
