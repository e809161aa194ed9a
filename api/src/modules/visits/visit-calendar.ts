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

/** The visit as an iCalendar event (`.ics`), built by the `ics` library in UTC so every calendar places it right. */
export function visitIcs(e: VisitEvent): string {
  const { error, value } = createEvent({
    uid: `service-visit-${e.visitId}@trygg`,
    start: e.scheduledAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { hours: VISIT_HOURS },
    title: e.title,
    description: e.description,
    location: e.location,
    status: "CONFIRMED",
    productId: "trygg/visits",
  });
  if (error || !value) throw error ?? new Error("ics produced nothing");
  return value;
}
