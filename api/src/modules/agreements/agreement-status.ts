import { sql, type SQL } from "drizzle-orm";
import { agreements } from "../../db/schema/agreements.js";
import { DEFAULT_EXPIRING_WINDOW_DAYS, type Clock } from "../../shared/clock.js";
import { daysBetween, minDate, type IsoDate } from "../../shared/dates.js";

/** Every status an agreement can be in; the GraphQL enum is made from this list. */
export const AGREEMENT_STATUSES = ["DRAFT", "ACTIVE", "EXPIRING", "EXPIRED", "TERMINATED"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Statuses in which the agreement gives its benefits (accounts, rentals, add-ons, termination). */
export const VALID_STATUSES: readonly AgreementStatus[] = ["ACTIVE", "EXPIRING"];
/**
 * Statuses from which a new period can be added: a lapsed agreement is renewed too, a draft or a terminated one is not.
 */
const RENEWABLE_STATUSES: readonly AgreementStatus[] = ["ACTIVE", "EXPIRING", "EXPIRED"];

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
export function agreementStatus(
  facts: StatusFacts,
  today: IsoDate,
  windowDays = DEFAULT_EXPIRING_WINDOW_DAYS,
): AgreementStatus {
  if (!facts.activatedAt) return "DRAFT";
  if (facts.terminatedOn && facts.terminatedOn < today) return "TERMINATED";
  const end = effectiveEnd(facts);
  if (end < today) return "EXPIRED";
  if (daysBetween(today, end) <= windowDays) return "EXPIRING";
  return "ACTIVE";
}

export function isValid(status: AgreementStatus): boolean {
  return VALID_STATUSES.includes(status);
}

export function isRenewable(status: AgreementStatus): boolean {
  return RENEWABLE_STATUSES.includes(status);
}

// Written out with aliases: drizzle leaves column names unqualified in single-table queries, and
// "agreement_id" = "id" inside the subquery would then compare the period with itself.
export const firstStartSql = sql<string>`(select min(p.starts_on)::text from agreement_periods p where p.agreement_id = "agreements"."id")`;
export const lastEndSql = sql<string>`(select max(p.ends_on)::text from agreement_periods p where p.agreement_id = "agreements"."id")`;

/**
 * The day the agreement really ends: its termination date when it was cut short, else its last
 * period's end. Stored in the row and kept by triggers (migration 0022, decision 0076), so that a list
 * sorted by it reads one index range instead of computing it for all of the viewer's agreements.
 */
export const effectiveEndDateSql = sql<string>`"agreements"."effective_end"`;

/** Notice of termination has been given (the date may lie ahead): such an agreement ends, it is not up for renewal. */
export const terminationGivenSql = sql<boolean>`("agreements"."terminated_on" is not null)`;

/** agreementStatus() in SQL, so that lists can filter on it; agreement-status.test.ts checks that both agree. */
export function statusSql(clock: Clock): SQL<AgreementStatus> {
  const today = sql`${clock.today}::date`;
  const end = effectiveEndDateSql;
  // Literals, not parameters: the names come from AGREEMENT_STATUSES, never from a caller.
  const [DRAFT, ACTIVE, EXPIRING, EXPIRED, TERMINATED] = AGREEMENT_STATUSES.map((s) => sql.raw(`'${s}'`));
  return sql<AgreementStatus>`(case
    when ${agreements.activatedAt} is null then ${DRAFT}
    when ${agreements.terminatedOn} is not null and ${agreements.terminatedOn} < ${today} then ${TERMINATED}
    when ${end} < ${today} then ${EXPIRED}
    when ${end} - ${today} <= ${clock.windowDays} then ${EXPIRING}
    else ${ACTIVE} end)`;
}
