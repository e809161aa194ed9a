import { addYears, format, parseISO } from "date-fns";
import { daysBetween, type IsoDate } from "../../shared/dates.js";

/**
 * "Det överenskomna slutdatumet ligger till grund för årligt servicebesök" (the brochure's word there; Trygg says
 * supportbesök): the first visit is
 * proposed on the tailoring's agreed end date, then one a year, as long as the agreement runs.
 */
export function proposedVisitDates(agreedEndOn: IsoDate, agreementLastDay: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  // Counted from the end date each time (not from the previous proposal), so 29 February stays put in leap years.
  for (let n = 0; ; n++) {
    const on = format(addYears(parseISO(agreedEndOn), n), "yyyy-MM-dd");
    if (on > agreementLastDay) return dates;
    dates.push(on);
  }
}

export interface Proposal {
  proposedOn: IsoDate;
  /** The visit booked for this proposal, if any. */
  visitId: string | null;
}

/** A visit answers the proposal nearest to it, within half a year: one visit a year, not one per date. */
export function matchVisits(dates: IsoDate[], visits: { id: string; on: IsoDate }[]): Proposal[] {
  const taken = new Set<string>();
  return dates.map((proposedOn) => {
    const near = visits
      .filter((v) => !taken.has(v.id) && Math.abs(daysBetween(proposedOn, v.on)) <= 182)
      .sort((a, b) => Math.abs(daysBetween(proposedOn, a.on)) - Math.abs(daysBetween(proposedOn, b.on)))[0];
    if (near) taken.add(near.id);
    return { proposedOn, visitId: near?.id ?? null };
  });
}

/** The next proposal still to be booked, from today on. */
export function nextUnbooked(proposals: Proposal[], today: IsoDate): Proposal | null {
  return proposals.find((p) => !p.visitId && p.proposedOn >= today) ?? null;
}

/**
 * The first proposed date still ahead (today counts), booked or not: what the tailoring's summary tells the customer.
 * Not the agreed end date itself, which is a proposal only in the year it was agreed.
 */
export function nextProposedOn(proposals: Proposal[], today: IsoDate): IsoDate | null {
  return proposals.find((p) => p.proposedOn >= today)?.proposedOn ?? null;
}
