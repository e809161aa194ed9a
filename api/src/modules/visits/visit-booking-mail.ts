import { count, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { serviceVisitBookings, users } from "../../db/schema/index.js";
import { inLanguage, queueMailToEach, type Worded } from "../notifications/index.js";
import { calendarAttachment, visitCancellationIcs, visitEventOf, visitRequestIcs } from "./visit-calendar.js";
import { visitLocation } from "./visit-location.js";
import { customerAdmins } from "./visit-recipients.js";
import type { ServiceVisitRow } from "./visit.service.js";
import { VISIT_BOOKED_MAIL, VISIT_CANCELLED_MAIL } from "./visit.mails.js";

interface AgreementRef {
  id: string;
  number: string;
  customerId: string;
}

/**
 * How many versions of the calendar event were sent before: the first booking is SEQUENCE 0, each move
 * one more (every booking and move is a row of service_visit_bookings), a cancellation one above the last.
 * Counted from the bookings, so the lapse job's cancellation and the staff's agree without a counter.
 */
async function bookingCount(tx: Tx, visitId: string): Promise<number> {
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(serviceVisitBookings)
    .where(eq(serviceVisitBookings.visitId, visitId));
  return n;
}

/** The customer's active admins and the booked technician: who has the visit in a calendar. */
async function attendeesOf(tx: Tx, visit: ServiceVisitRow, agreement: AgreementRef) {
  const [technician] = await tx.select().from(users).where(eq(users.id, visit.technicianId));
  const admins = (await customerAdmins(tx, agreement)).filter((a) => !a.deactivatedAt);
  const seen = new Set<string>();
  const people = [...admins, technician!].filter((u) => !seen.has(u.email) && seen.add(u.email));
  return { technician: technician!, people };
}

/**
 * The booking (reason null) or a move of a visit, mailed with an invitation the calendar applies to the
 * event it already has. In the caller's transaction, so the mail goes out only if the booking lands.
 */
export async function mailVisitBooking(
  tx: Tx,
  visit: ServiceVisitRow,
  agreement: AgreementRef,
  reason: string | null,
): Promise<void> {
  const n = await bookingCount(tx, visit.id);
  const { technician, people } = await attendeesOf(tx, visit, agreement);
  const location = await visitLocation(tx, visit.propertyId);
  const facts = {
    number: agreement.number,
    location,
    at: visit.scheduledAt,
    technician: technician.name,
    movedBecause: n > 1 ? (reason ?? "") : null,
  };
  // One invitation per reader, its title and text in their language; UID and SEQUENCE are the same for all.
  await queueMailToEach(tx, VISIT_BOOKED_MAIL, people, facts, (text) => [
    calendarAttachment(
      `supportbesok-${visit.scheduledAt.toISOString().slice(0, 10)}.ics`,
      visitRequestIcs({
        ...visitEventOf(visit, text, location),
        sequence: n - 1,
        organizer: technician,
        attendees: people,
      }),
    ),
  ]);
}

/**
 * A called-off visit, mailed with METHOD:CANCEL under the booking's UID and a SEQUENCE above every
 * invitation sent, so the calendar removes the event. Returns who was told.
 */
export async function mailVisitCancellation(
  tx: Tx,
  visit: ServiceVisitRow,
  agreement: AgreementRef,
  /** Staff's own words, or Trygg's in each language (an agreement that ended). */
  reason: Worded,
): Promise<string[]> {
  const { people } = await attendeesOf(tx, visit, agreement);
  const location = await visitLocation(tx, visit.propertyId);
  const sequence = Math.max(1, await bookingCount(tx, visit.id));
  for (const person of people) {
    const facts = {
      number: agreement.number,
      location,
      at: visit.scheduledAt,
      reason: inLanguage(reason, person.language),
    };
    await queueMailToEach(tx, VISIT_CANCELLED_MAIL, [person], facts, (text) => [
      calendarAttachment(
        `supportbesok-${visit.scheduledAt.toISOString().slice(0, 10)}-installt.ics`,
        visitCancellationIcs({ ...visitEventOf(visit, text, location), sequence }),
      ),
    ]);
  }
  return people.map((p) => p.email);
}
