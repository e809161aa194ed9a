import { daysBetween, minDate, type IsoDate } from "../../shared/dates.js";

export type AgreementStatus = "DRAFT" | "ACTIVE" | "EXPIRING" | "EXPIRED" | "TERMINATED";

/** How long before its end an agreement counts as expiring, unless configured otherwise. */
export const DEFAULT_EXPIRING_WINDOW_DAYS = 60;

export interface StatusFacts {
  activatedAt: Date | null;
  terminatedOn: IsoDate | null;
  /** End of the latest period. */
  endsOn: IsoDate;
}

/** The last day the agreement gives its benefits: the end of its latest period, or an earlier termination. */
export function effectiveEnd(facts: Pick<StatusFacts, "terminatedOn" | "endsOn">): IsoDate {
  return minDate(facts.endsOn, facts.terminatedOn);
}

/**
 * The status a user sees, derived every time from the facts so it is never stale. "Avtalstiden är
 * tidsbegränsad och måste förnyas för varje ny avtalsperiod för att supportavtalet ska gälla."
 */
export function agreementStatus(facts: StatusFacts, today: IsoDate, windowDays = DEFAULT_EXPIRING_WINDOW_DAYS): AgreementStatus {
  if (!facts.activatedAt) return "DRAFT";
  if (facts.terminatedOn && facts.terminatedOn < today) return "TERMINATED";
  const end = effectiveEnd(facts);
  if (end < today) return "EXPIRED";
  if (daysBetween(today, end) <= windowDays) return "EXPIRING";
  return "ACTIVE";
}

/** Statuses in which the agreement gives its benefits. */
export function isValid(status: AgreementStatus): boolean {
  return status === "ACTIVE" || status === "EXPIRING";
}
