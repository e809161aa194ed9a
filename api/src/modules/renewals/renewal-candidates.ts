import { and, eq, inArray, not, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { agreements, organisations } from "../../db/schema/index.js";
import { clockAt } from "../../shared/clock.js";
import type { IsoDate } from "../../shared/dates.js";
import {
  type AgreementRecord,
  effectiveEndDateSql,
  statusSql,
  terminationGivenSql,
  VALID_STATUSES,
} from "../agreements/index.js";

/** An agreement as the renewal jobs read it: who is told, and the day it ends. */
export interface EndingAgreement {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  tier: AgreementRecord["tier"];
  partnerId: string | null;
  sellerId: string | null;
  endsOn: IsoDate;
  daysLeft: number;
  /** The nearest reminder already sent for this end, or null. */
  nearestSent: number | null;
}

/**
 * Valid agreements that end within `days` of today (today included), with the nearest reminder sent for that end;
 * not those given notice of termination, which end without a renewal to remind of.
 * Read in one statement: the end and the status are the SQL twins of agreement-status.ts.
 */
export async function agreementsEndingWithin(db: DbOrTx, today: IsoDate, days: number): Promise<EndingAgreement[]> {
  const end = sql<string>`(${effectiveEndDateSql})::text`;
  const left = sql<number>`(${effectiveEndDateSql} - ${today}::date)`;
  const rows = await db
    .select({
      id: agreements.id,
      number: agreements.number,
      customerId: agreements.customerId,
      customerName: organisations.name,
      tier: agreements.tier,
      partnerId: agreements.partnerId,
      sellerId: agreements.sellerId,
      endsOn: end,
      daysLeft: left,
      nearestSent: sql<
        number | null
      >`(select min(r.days_before) from renewal_reminders r where r.agreement_id = "agreements"."id" and r.ends_on = ${effectiveEndDateSql})`,
    })
    .from(agreements)
    .innerJoin(organisations, eq(organisations.id, agreements.customerId))
    .where(
      and(
        inArray(statusSql(clockAt(today)), [...VALID_STATUSES]),
        not(terminationGivenSql),
        sql`${left} between 0 and ${days}`,
      ),
    )
    .orderBy(end, agreements.number);
  return rows.map((r) => ({
    ...r,
    daysLeft: Number(r.daysLeft),
    nearestSent: r.nearestSent === null ? null : Number(r.nearestSent),
  }));
}
