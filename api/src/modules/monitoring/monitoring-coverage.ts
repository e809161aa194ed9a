import { and, asc, eq, exists, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { addOns, agreementProperties, agreements } from "../../db/schema/index.js";
import { clockAt } from "../../shared/clock.js";
import type { IsoDate } from "../../shared/dates.js";
import { addOnNotOverSql, statusSql, VALID_STATUSES } from "../agreements/index.js";

/**
 * The agreement that pays for watching a property: valid on the day (the agreements' own rule) and
 * with a running MONITORING add-on, or HOSTING, which is always monitored ("vi kollar ditt system
 * dygnet runt"). The oldest when several do, so a check keeps its agreement.
 */
export async function monitoringAgreement(db: DbOrTx, propertyId: string, today: IsoDate) {
  const [row] = await db
    .select({ id: agreements.id, customerId: agreements.customerId })
    .from(agreements)
    .where(
      and(
        inArray(statusSql(clockAt(today)), [...VALID_STATUSES]),
        exists(
          db
            .select({ x: sql`1` })
            .from(agreementProperties)
            .where(
              and(eq(agreementProperties.agreementId, agreements.id), eq(agreementProperties.propertyId, propertyId)),
            ),
        ),
        exists(
          db
            .select({ x: sql`1` })
            .from(addOns)
            .where(
              and(
                eq(addOns.agreementId, agreements.id),
                addOnNotOverSql(today),
                or(eq(addOns.kind, "MONITORING"), eq(addOns.kind, "HOSTING")),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(agreements.createdAt))
    .limit(1);
  return row ?? null;
}
