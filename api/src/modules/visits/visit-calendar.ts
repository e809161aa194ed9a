import { createEvent } from "ics";

export interface VisitEvent {
  visitId: string;
  scheduledAt: Date;
  title: string;
  description: string;
  location: string;
}

/** How long a visit is booked for in the calendar; the brochure names no length, half a day is the practice. */
const VISIT_HOURS = 3;

// C0 controls except tab, CR and LF; and DEL. RFC 5545 (3.3.11) lets a TEXT value hold none of them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * A text as RFC 5545 lets it into a TEXT value. The `ics` library escapes LF and CRLF as `\n` but
 * passes a bare CR, which a calendar reads as the end of the line: an address with one could add
 * its own ATTENDEE or ORGANIZER line to the invitation. Every line break becomes LF, which the
 * library then escapes; other control characters are dropped.
 */
function icsText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROL, "");
}

/** One UID per visit, in every .ics sent about it, so a calendar updates or removes the one event. */
const uidOf = (visitId: string) => `service-visit-${visitId}@trygg`;

/** What every .ics about a visit says of it: when, how long, what and where; in UTC, placed right everywhere. */
function eventOf(e: VisitEvent) {
  return {
    uid: uidOf(e.visitId),
    productId: "trygg/visits",
    start: e.scheduledAt.getTime(),
    startInputType: "utc" as const,
    startOutputType: "utc" as const,
    duration: { hours: VISIT_HOURS },
    title: icsText(e.title),
    description: icsText(e.description),
    location: icsText(e.location),
  };
}

function icsOf(error: Error | null | undefined, value: string | null | undefined): string {
  if (error || !value) throw error ?? new Error("ics produced nothing");
  return value;
}

/** The visit as an iCalendar event (`.ics`), built by the `ics` library in UTC so every calendar places it right. */
export function visitIcs(e: VisitEvent): string {
  const { error, value } = createEvent({
    ...eventOf(e),
    status: "CONFIRMED",
  });
  return icsOf(error, value);
}

export interface Person {
  name: string;
  email: string;
}

/**
 * A booking or a move of a visit as an invitation (RFC 5546, METHOD:REQUEST): the technician organises,
 * the recipients attend. Every booking and move is one more SEQUENCE under the visit's one UID, so the
 * calendar that has the event moves it instead of adding a second one.
 */
export function visitRequestIcs(e: VisitEvent & { sequence: number; organizer: Person; attendees: Person[] }): string {
  const { error, value } = createEvent({
    method: "REQUEST",
    ...eventOf(e),
    sequence: e.sequence,
    status: "CONFIRMED",
    organizer: { name: icsText(e.organizer.name), email: e.organizer.email },
    attendees: e.attendees.map((a) => ({
      name: icsText(a.name),
      email: a.email,
      rsvp: false,
      role: "REQ-PARTICIPANT",
    })),
  });
  return icsOf(error, value);
}

/**
 * The cancellation of a booked visit (RFC 5546): METHOD:CANCEL and STATUS:CANCELLED under the booking's own UID, with a
 * SEQUENCE above every booking and move sent before, so the calendar that took the booking removes it.
 */
export function visitCancellationIcs(e: VisitEvent & { sequence: number }): string {
  const { error, value } = createEvent({
    method: "CANCEL",
    ...eventOf(e),
    sequence: e.sequence,
    status: "CANCELLED",
  });
  return icsOf(error, value);
}

/** A visit's facts with what a mail's text calls it in a calendar, in the reader's language. */
export function visitEventOf(
  visit: { id: string; scheduledAt: Date },
  text: { calendarTitle: string; calendarText: string },
  location: string,
): VisitEvent {
  return {
    visitId: visit.id,
    scheduledAt: visit.scheduledAt,
    title: text.calendarTitle,
    description: text.calendarText,
    location,
  };
}

/**
 * An .ics as a mail's attachment. Its content type names the METHOD the file itself carries (RFC 6047), read from
 * the file, so the two cannot disagree: a calendar program that trusts the header would otherwise apply a
 * cancellation as a new event.
 */
export function calendarAttachment(filename: string, ics: string) {
  const method = /^METHOD:([A-Z]+)\r?$/m.exec(ics)?.[1] ?? "PUBLISH";
  return { filename, contentType: `text/calendar; charset=utf-8; method=${method}`, content: Buffer.from(ics, "utf8") };
}
