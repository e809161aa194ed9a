import { daysBetween, type IsoDate } from "../../shared/dates.js";
import type { Proposal } from "./visit-proposals.js";

/**
 * A proposed visit is due for booking from 90 days before its day: a quarter ahead gives the
 * customer's contact and the technician time to find a day, which the reminders (14 and 1 day
 * ahead) then assume. One not booked by its day stays due for half a year after it, the reach of
 * a visit answering a proposal (`matchVisits`); after that the next year's proposal takes over.
 */
const BOOKING_HORIZON_DAYS = 90;
const MISSED_REACH_DAYS = 182;

/** The proposal the agreement's next booking answers, if one is due and none is booked for it. */
export function visitDueForBooking(proposals: readonly Proposal[], today: IsoDate): Proposal | null {
  return (
    proposals.find((p) => {
      if (p.visitId) return false;
      const ahead = daysBetween(today, p.proposedOn);
      return ahead <= BOOKING_HORIZON_DAYS && ahead >= -MISSED_REACH_DAYS;
    }) ?? null
  );
}
