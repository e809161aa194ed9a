import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { addOns, agreementProperties, agreements, monitoringChecks, properties } from "../../db/schema/index.js";
import { clockAt } from "../../shared/clock.js";
import type { IsoDate } from "../../shared/dates.js";
import { addOnNotOverSql, statusSql, VALID_STATUSES } from "../agreements/index.js";

/** A watched check as the customer reads it in an advance notice: its name and where it runs. */
export interface StoppingCheck {
  name: string;
  propertyName: string;
}

/**
 * The checks that stop watching when an agreement ends unrenewed: those of its properties not already paused,
 * unless another valid agreement with monitoring or hosting running past that end covers the property too (then
 * reconcileMonitoring keeps them watched, monitoring-provisioning.ts). Named in the notice ahead of the end, so
 * the pause on the day is never silent.
 */
export async function checksStoppingWith(
  db: DbOrTx,
  agreement: { id: string; endsOn: IsoDate },
  today: IsoDate,
): Promise<StoppingCheck[]> {
  const ownProperties = db
    .select({ id: agreementProperties.propertyId })
    .from(agreementProperties)
    .where(eq(agreementProperties.agreementId, agreement.id));
  const coveredOnSql = sql`exists (
    select 1 from ${agreementProperties} inner join ${agreements} on ${agreements.id} = ${agreementProperties.agreementId}
    where ${agreementProperties.propertyId} = ${monitoringChecks.propertyId}
      and ${ne(agreements.id, agreement.id)}
      and ${agreements.effectiveEnd} > ${agreement.endsOn}::date
      and ${inArray(statusSql(clockAt(today)), [...VALID_STATUSES])}
      and exists (select 1 from ${addOns} where ${addOns.agreementId} = ${agreements.id}
        and ${addOnNotOverSql(today)} and ${addOns.kind} in ('MONITORING', 'HOSTING')))`;
  return db
    .select({ name: monitoringChecks.name, propertyName: properties.name })
    .from(monitoringChecks)
    .innerJoin(properties, eq(properties.id, monitoringChecks.propertyId))
    .where(
      and(
        inArray(monitoringChecks.propertyId, ownProperties),
        ne(monitoringChecks.state, "PAUSED"),
        sql`not ${coveredOnSql}`,
      ),
    )
    .orderBy(asc(properties.name), asc(monitoringChecks.name));
}
