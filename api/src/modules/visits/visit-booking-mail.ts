import { count, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { serviceVisitBookings, users } from "../../db/schema/index.js";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { TIME_ZONE } from "../../shared/dates.js";
import { queueEmail } from "../notifications/index.js";
import { visitCancellationIcs, visitRequestIcs } from "./visit-calendar.js";
import { visitLocation } from "./visit-location.js";
import { customerAdmins } from "./visit-recipients.js";
import type { ServiceVisitRow } from "./visit.service.js";

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

/** A visit's time as the customer reads it, in Swedish local time. */
export const when = (at: Date) => format(new TZDate(at, TIME_ZONE), "yyyy-MM-dd 'kl.' HH:mm");

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
  const moved = n > 1;
  const { technician, people } = await attendeesOf(tx, visit, agreement);
  const location = await visitLocation(tx, visit.propertyId);
  const ics = visitRequestIcs({
    visitId: visit.id,
    scheduledAt: visit.scheduledAt,
    title: `Supportbesök ${agreement.number}`,
    description: `Årligt supportbesök, tekniker ${technician.name}.`,
    location,
    sequence: n - 1,
    organizer: technician,
    attendees: people,
  });
  const subject = `${moved ? "Flyttat" : "Bokat"}: supportbesök ${when(visit.scheduledAt)} (${agreement.number})`;
  const what = moved
    ? `Supportbesöket på ${location} (avtal ${agreement.number}) är flyttat till ${when(visit.scheduledAt)}.${reason ? ` Orsak: ${reason}` : ""}`
    : `Supportbesöket på ${location} (avtal ${agreement.number}) är bokat ${when(visit.scheduledAt)} med ${technician.name}.`;
  for (const person of people) {
    await queueEmail(tx, {
      to: person.email,
      subject,
      body: `Hej!\n\n${what}\n\nBifogad kalenderfil lägger in besöket i kalendern${moved ? " eller flyttar det som redan finns där" : ""}.\n\nVänliga hälsningar\nTrygg\n`,
      attachments: [
        {
          filename: `supportbesok-${visit.scheduledAt.toISOString().slice(0, 10)}.ics`,
          contentType: "text/calendar; charset=utf-8; method=REQUEST",
          content: Buffer.from(ics, "utf8"),
        },
      ],
    });
  }
}

/**
 * A called-off visit, mailed with METHOD:CANCEL under the booking's UID and a SEQUENCE above every
 * invitation sent, so the calendar removes the event. Returns who was told.
 */
export async function mailVisitCancellation(
  tx: Tx,
  visit: ServiceVisitRow,
  agreement: AgreementRef,
  reason: string,
): Promise<string[]> {
  const { people } = await attendeesOf(tx, visit, agreement);
  const location = await visitLocation(tx, visit.propertyId);
  const on = when(visit.scheduledAt);
  const ics = visitCancellationIcs({
    visitId: visit.id,
    scheduledAt: visit.scheduledAt,
    title: `Supportbesök ${agreement.number}`,
    description: `Inställt: ${reason}`,
    location,
    sequence: Math.max(1, await bookingCount(tx, visit.id)),
  });
  for (const person of people) {
    await queueEmail(tx, {
      to: person.email,
      subject: `Inställt: supportbesök ${on.slice(0, 10)} (${agreement.number})`,
      body: `Hej!\n\nDet bokade supportbesöket ${on} på ${location} (avtal ${agreement.number}) är inställt: ${reason}\n\nBifogad kalenderfil tar bort besöket ur kalendern.\n\nVänliga hälsningar\nTrygg\n`,
      attachments: [
        {
          filename: `supportbesok-${visit.scheduledAt.toISOString().slice(0, 10)}-installt.ics`,
          contentType: "text/calendar; charset=utf-8; method=CANCEL",
          content: Buffer.from(ics, "utf8"),
        },
      ],
    });
  }
  return people.map((p) => p.email);
}
