import { and, asc, desc, eq, exists, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { CaseSeverity } from "./case-severity.js";
import type { DbOrTx } from "../../db/client.js";
import {
  agreementProperties,
  agreements,
  organisations,
  properties,
  supportResponseTargets,
} from "../../db/schema/index.js";
import { clockAt } from "../../shared/clock.js";
import type { IsoDate } from "../../shared/dates.js";
import { statusSql, VALID_STATUSES } from "../agreements/index.js";
import type { Installer } from "./case-routing.js";

/**
 * The agreement that covers a case: the customer's, valid on the day by the agreements' own rule
 * (agreement-status.ts: ACTIVE or EXPIRING), and (when the case names a property) covering that
 * property. 500+ before BRF when several do.
 */
export async function coveringAgreement(db: DbOrTx, customerId: string, propertyId: string | null, today: IsoDate) {
  const [row] = await db
    .select({ id: agreements.id, tier: agreements.tier, partnerId: agreements.partnerId })
    .from(agreements)
    .where(
      and(
        eq(agreements.customerId, customerId),
        // The expiring window does not matter here: ACTIVE and EXPIRING are both valid.
        inArray(statusSql(clockAt(today)), [...VALID_STATUSES]),
        propertyId
          ? exists(
              db
                .select({ x: sql`1` })
                .from(agreementProperties)
                .where(
                  and(
                    eq(agreementProperties.agreementId, agreements.id),
                    eq(agreementProperties.propertyId, propertyId),
                  ),
                ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(sql`${agreements.tier} = 'PLUS_500'`), asc(agreements.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * The customer's installer: the partner on the covering agreement, else the property's installer;
 * without a property, the one installer of all the customer's properties when there is exactly one.
 */
export async function installerOf(
  db: DbOrTx,
  customerId: string,
  propertyId: string | null,
  agreementPartnerId: string | null,
): Promise<Installer | null> {
  const named = async (id: string, source: Installer["source"]) => {
    const [o] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
    return o ? { id, name: o.name, source } : null;
  };
  if (agreementPartnerId) return named(agreementPartnerId, "AGREEMENT");
  const installers = await db
    .selectDistinct({ installerId: properties.installerId })
    .from(properties)
    .where(
      and(
        eq(properties.customerId, customerId),
        isNotNull(properties.installerId),
        propertyId ? eq(properties.id, propertyId) : undefined,
      ),
    );
  return installers.length === 1 ? named(installers[0]!.installerId!, "PROPERTY") : null;
}

/** Priority, first-response and resolution targets from the targets table. */
export async function responseTarget(db: DbOrTx, tier: "PLUS_500" | "BRF" | null, severity: CaseSeverity) {
  const [row] = await db
    .select()
    .from(supportResponseTargets)
    .where(
      and(
        eq(supportResponseTargets.coveredByAgreement, tier !== null),
        tier ? eq(supportResponseTargets.tier, tier) : isNull(supportResponseTargets.tier),
        eq(supportResponseTargets.severity, severity),
      ),
    );
  if (!row)
    throw new Error(
      `No support response target for ${tier ?? "cases without agreement"} at ${severity}: the support_response_targets table is incomplete.`,
    );
  return row;
}
