import { and, asc, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  monitoringChecks,
  monitoringIncidentMails,
  monitoringIncidents,
  properties,
  supportCases,
} from "../../db/schema/index.js";
import { toGlobalId } from "../../shared/ids.js";
import { queueMailToEach, recipientsOf, type NotificationTopic } from "../notifications/index.js";
import { dueIncidentMail, type IncidentMailSettings } from "./incident-mail-plan.js";
import { INCIDENT_MAIL } from "./incident.mails.js";

export interface IncidentMailerSettings extends IncidentMailSettings {
  /** The portal's address as recipients reach it, for the links in the mail. */
  portalUrl: string;
}

export const DEFAULT_INCIDENT_MAIL: IncidentMailerSettings = {
  waitMs: 5 * 60_000,
  reminderMs: 24 * 3600_000,
  portalUrl: "http://localhost:3000",
};

/** Incidents claimed per transaction, as the sweeper's batches. */
const MAIL_BATCH = 200;
/**
 * How far back a resolved incident is still looked at for its back-up mail: far longer than any pass
 * is late, short enough that the look-back stays a small index range.
 */
const RESOLVED_LOOK_BACK_MS = 7 * 24 * 3600_000;

/**
 * One pass of the incident e-mail: every open incident past the grouping wait and every recently
 * resolved one without its back-up mail, claimed in batches with FOR UPDATE SKIP LOCKED so processes
 * share the work. Each occasion's row in monitoring_incident_mails is inserted before its mails are
 * queued, in the same transaction, and its unique key turns a second writer's copy into nothing:
 * each mail goes out once however many processes sweep. The mail goes to the property's customer's
 * admins and its installer's admins who have not turned the topic off.
 */
export async function mailIncidents(
  db: Db,
  now: Date,
  settings: IncidentMailerSettings = DEFAULT_INCIDENT_MAIL,
): Promise<{ incidents: number; mails: number }> {
  let after = "00000000-0000-0000-0000-000000000000";
  let incidents = 0;
  let mails = 0;
  for (;;) {
    const more = await db.transaction(async (tx) => {
      const batch = await tx
        .select({
          incident: monitoringIncidents,
          check: { name: monitoringChecks.name, customerId: monitoringChecks.customerId },
          property: { id: properties.id, name: properties.name, installerId: properties.installerId },
          caseNumber: supportCases.number,
        })
        .from(monitoringIncidents)
        .innerJoin(monitoringChecks, eq(monitoringChecks.id, monitoringIncidents.checkId))
        .innerJoin(properties, eq(properties.id, monitoringChecks.propertyId))
        .leftJoin(supportCases, eq(supportCases.id, monitoringIncidents.supportCaseId))
        .where(
          and(
            gt(monitoringIncidents.id, after),
            or(
              and(
                isNull(monitoringIncidents.resolvedAt),
                lte(monitoringIncidents.startedAt, new Date(now.getTime() - settings.waitMs)),
              ),
              gt(monitoringIncidents.resolvedAt, new Date(now.getTime() - RESOLVED_LOOK_BACK_MS)),
            ),
          ),
        )
        .orderBy(asc(monitoringIncidents.id))
        .limit(MAIL_BATCH)
        .for("update", { of: monitoringIncidents, skipLocked: true });
      if (batch.length === 0) return false;
      after = batch.at(-1)!.incident.id;
      incidents += batch.length;
      const sent = await tx
        .select({
          incidentId: monitoringIncidentMails.incidentId,
          occasion: monitoringIncidentMails.occasion,
          sequence: monitoringIncidentMails.sequence,
        })
        .from(monitoringIncidentMails)
        .where(
          inArray(
            monitoringIncidentMails.incidentId,
            batch.map((b) => b.incident.id),
          ),
        );
      for (const { incident, check, property, caseNumber } of batch) {
        const due = dueIncidentMail(
          incident,
          sent.filter((s) => s.incidentId === incident.id),
          now,
          settings,
        );
        if (!due) continue;
        const topic = `${incident.kind}_${due.occasion}` as NotificationTopic;
        const organisations = [check.customerId, ...(property.installerId ? [property.installerId] : [])];
        const to = await recipientsOf(tx, topic, organisations);
        const [claimed] = await tx
          .insert(monitoringIncidentMails)
          .values({ incidentId: incident.id, ...due, recipients: to.length, queuedAt: now })
          .onConflictDoNothing()
          .returning({ id: monitoringIncidentMails.id });
        if (!claimed) continue;
        await queueMailToEach(tx, INCIDENT_MAIL, to, {
          occasion: due.occasion,
          now,
          kind: incident.kind,
          checkName: check.name,
          propertyName: property.name,
          reason: incident.reason,
          startedAt: incident.startedAt,
          resolvedAt: incident.resolvedAt,
          caseNumber,
          monitoringUrl: `${settings.portalUrl}/monitoring?property=${encodeURIComponent(toGlobalId("Property", property.id))}`,
          caseUrl: incident.supportCaseId
            ? `${settings.portalUrl}/support/${encodeURIComponent(toGlobalId("SupportCase", incident.supportCaseId))}`
            : null,
          accountUrl: `${settings.portalUrl}/account`,
        });
        mails += to.length;
      }
      return batch.length === MAIL_BATCH;
    });
    if (!more) return { incidents, mails };
  }
}
