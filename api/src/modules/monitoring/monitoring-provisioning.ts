import { and, asc, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { addOns, agreementProperties, agreements, monitoringChecks, properties } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { clockAt } from "../../shared/clock.js";
import type { IsoDate } from "../../shared/dates.js";
import { addOnNotOverSql, statusSql, VALID_STATUSES } from "../agreements/index.js";
import { factsOf, storeStep } from "./check-records.js";
import { applyCheckEvent } from "./check-state.js";
import { newPingKey } from "./ping-key.js";

/**
 * The checks an installation gets when Systemövervakning or Aptus Hosting starts: the three parts
 * the brochure names (Multi-access server, Hantera database, Aptusportal) report every five minutes,
 * and the nightly backup at 02:00 Swedish time. Rows, not branches: a new default is a line here.
 */
const DEFAULT_CHECKS = [
  {
    template: "MULTI_ACCESS_SERVER",
    kind: "HEARTBEAT",
    name: "Multi-access server",
    periodSeconds: 300,
    graceSeconds: 300,
  },
  { template: "HANTERA_DATABASE", kind: "HEARTBEAT", name: "Hantera database", periodSeconds: 300, graceSeconds: 300 },
  { template: "APTUSPORTAL_SITE", kind: "HEARTBEAT", name: "Aptusportal site", periodSeconds: 300, graceSeconds: 300 },
  {
    template: "NIGHTLY_BACKUP",
    kind: "BACKUP_JOB",
    name: "Nightly backup",
    cronExpression: "0 2 * * *",
    graceSeconds: 3600,
    runGraceSeconds: 4 * 3600,
  },
] as const;

/** Each covered property once, with the oldest valid agreement whose MONITORING or HOSTING add-on runs. */
function coveredProperties(db: Db, today: IsoDate) {
  return db
    .selectDistinctOn([agreementProperties.propertyId], {
      propertyId: agreementProperties.propertyId,
      agreementId: agreements.id,
      customerId: properties.customerId,
    })
    .from(agreementProperties)
    .innerJoin(agreements, eq(agreements.id, agreementProperties.agreementId))
    .innerJoin(properties, eq(properties.id, agreementProperties.propertyId))
    .where(
      and(
        inArray(statusSql(clockAt(today)), [...VALID_STATUSES]),
        sql`exists (select 1 from ${addOns} where ${addOns.agreementId} = ${agreements.id} and ${addOnNotOverSql(today)} and ${addOns.kind} in ('MONITORING', 'HOSTING'))`,
      ),
    )
    .orderBy(asc(agreementProperties.propertyId), asc(agreements.createdAt));
}

/**
 * Rows per insert: a check takes 14 values, and one statement may carry at most 65,534. Monitoring
 * ordered for a whole fleet at once (2,000 installations, 8,000 checks) must not fail every pass.
 */
const PROVISION_CHUNK = 1_000;

/**
 * Brings the checks in line with what is paid for, idempotently and in one transaction: a covered
 * property without its default checks gets them (keys unseen until someone rotates one for the
 * installer), a paused-for-cover check whose property is covered again waits for its next signal,
 * and a watched check whose property no valid agreement covers any more is paused (PAUSED: no
 * incidents). It runs in the sweeper's loop, because an agreement lapses by the calendar, with no
 * event to hang it on (decision 0047).
 */
export async function reconcileMonitoring(db: Db, now: Date, today: IsoDate) {
  const covered = await coveredProperties(db, today);
  // The covered set is named in SQL, never as a list of ids: a list is one parameter per property.
  const coveredIdsSql = db.select({ id: sql`c.property_id` }).from(coveredProperties(db, today).as("c"));
  return db.transaction(async (tx) => {
    let provisioned = 0;
    if (covered.length) {
      const have = await tx
        .select({ propertyId: monitoringChecks.propertyId, template: monitoringChecks.template })
        .from(monitoringChecks)
        .where(and(inArray(monitoringChecks.propertyId, coveredIdsSql), sql`${monitoringChecks.template} is not null`));
      const existing = new Set(have.map((h) => `${h.propertyId} ${h.template}`));
      const rows = covered.flatMap((c) =>
        DEFAULT_CHECKS.filter((d) => !existing.has(`${c.propertyId} ${d.template}`)).map((d) => {
          const key = newPingKey();
          return {
            ...d,
            periodSeconds: "periodSeconds" in d ? d.periodSeconds : null,
            cronExpression: "cronExpression" in d ? d.cronExpression : null,
            runGraceSeconds: "runGraceSeconds" in d ? d.runGraceSeconds : 3600,
            failureThreshold: d.kind === "HEARTBEAT" ? 2 : 1,
            successThreshold: 1,
            customerId: c.customerId,
            propertyId: c.propertyId,
            agreementId: c.agreementId,
            pingKeyPrefix: key.prefix,
            pingKeyHash: key.hash,
            createdAt: now,
            updatedAt: now,
          };
        }),
      );
      for (let i = 0; i < rows.length; i += PROVISION_CHUNK) {
        const made = await tx
          .insert(monitoringChecks)
          .values(rows.slice(i, i + PROVISION_CHUNK))
          .onConflictDoNothing()
          .returning();
        provisioned += made.length;
        await recordAudit(
          tx,
          null,
          made.map((m) => ({
            action: "monitoringCheck.provision",
            objectType: "MonitoringCheck",
            objectId: m.id,
            organisationId: m.customerId,
            details: { template: m.template, agreementId: m.agreementId },
          })),
        );
      }
    }
    const uncovered = await tx
      .select()
      .from(monitoringChecks)
      .where(
        and(
          or(isNull(monitoringChecks.pauseCause), eq(monitoringChecks.pauseCause, "NOT_COVERED")),
          notInArray(monitoringChecks.propertyId, coveredIdsSql),
          sql`${monitoringChecks.state} <> 'PAUSED'`,
        ),
      )
      .for("update", { skipLocked: true });
    for (const row of uncovered) {
      await storeStep(tx, row, applyCheckEvent(factsOf(row), { type: "PAUSE", at: now }), now, {
        pauseCause: "NOT_COVERED",
      });
    }
    const back = await tx
      .select()
      .from(monitoringChecks)
      .where(and(eq(monitoringChecks.pauseCause, "NOT_COVERED"), inArray(monitoringChecks.propertyId, coveredIdsSql)))
      .for("update", { skipLocked: true });
    const agreementOf = new Map(covered.map((c) => [c.propertyId, c.agreementId]));
    for (const row of back) {
      await storeStep(tx, row, applyCheckEvent(factsOf(row), { type: "RESUME", at: now }), now, { pauseCause: null });
      await tx
        .update(monitoringChecks)
        .set({ agreementId: agreementOf.get(row.propertyId)! })
        .where(eq(monitoringChecks.id, row.id));
    }
    return { provisioned, paused: uncovered.length, resumed: back.length };
  });
}
