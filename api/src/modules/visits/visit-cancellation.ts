import { and, asc, count, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import { serviceVisitBookings, serviceVisits, users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { queueEmail } from "../notifications/index.js";
import { visitCancellationIcs } from "./visit-calendar.js";
import { visitLocation } from "./visit-mail.js";
import { customerAdmins, uniqueAddresses } from "./visit-recipients.js";
import { visitDay } from "./visit.service.js";

export interface CancelledVisit {
  visitId: string;
  scheduledAt: Date;
  recipients: string[];
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
  reason: string,
  /** Only the visits at these properties (a property leaving the agreement); all of them when left out. */
  propertyIds?: readonly string[],
): Promise<CancelledVisit[]> {
  if (propertyIds?.length === 0) return [];
  const booked = await tx
    .select({ visit: serviceVisits, technician: users })
    .from(serviceVisits)
    .innerJoin(users, eq(users.id, serviceVisits.technicianId))
    .where(bookedAhead(agreement.id, now, propertyIds))
    .orderBy(asc(serviceVisits.scheduledAt))
    .for("update", { of: serviceVisits });
  if (booked.length === 0) return [];
  await tx
    .update(serviceVisits)
    .set({ cancelledAt: now, cancelReason: reason, version: sql`${serviceVisits.version} + 1` })
    .where(
      inArray(
        serviceVisits.id,
        booked.map((b) => b.visit.id),
      ),
    );
  const admins = await customerAdmins(tx, agreement);
  const done: CancelledVisit[] = [];
  for (const { visit, technician } of booked) {
    // Each booking and move was one more version of the event; the cancellation must be newer than all of them.
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(serviceVisitBookings)
      .where(eq(serviceVisitBookings.visitId, visit.id));
    const location = await visitLocation(tx, visit.propertyId);
    const on = visitDay(visit);
    const ics = visitCancellationIcs({
      visitId: visit.id,
      scheduledAt: visit.scheduledAt,
      title: `Supportbesök ${agreement.number}`,
      description: `Inställt: ${reason}`,
      location,
      sequence: Math.max(1, n),
    });
    const recipients = uniqueAddresses(
      admins.filter((a) => !a.deactivatedAt),
      [technician],
    );
    for (const to of recipients) {
      await queueEmail(tx, {
        to,
        subject: `Inställt: supportbesök ${on} (${agreement.number})`,
        body: `Hej!\n\nDet bokade supportbesöket ${on} på ${location} (avtal ${agreement.number}) är inställt: ${reason}\n\nBifogad kalenderfil tar bort besöket ur kalendern.\n\nVänliga hälsningar\nTrygg\n`,
        attachments: [
          {
            filename: `supportbesok-${on}-installt.ics`,
            contentType: "text/calendar; charset=utf-8; method=CANCEL",
            content: Buffer.from(ics, "utf8"),
          },
        ],
      });
    }
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
