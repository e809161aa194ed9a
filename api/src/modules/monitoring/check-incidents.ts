import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { tellPartnersOfIncident } from "./incident-webhook.js";
import type { Tx } from "../../db/client.js";
import { monitoringChecks, monitoringIncidents, properties } from "../../db/schema/index.js";
import { monitoringCaseIsOpen, noteOnMonitoringCase, openMonitoringCase } from "../support/index.js";
import type { CheckRow } from "./check-records.js";
import { reasonInWords } from "./check-reasons.js";
import type { Flip } from "./check-state.js";
import { maintenancePlansOfCheck } from "./maintenance-queries.js";
import { inMaintenance } from "./maintenance-window.js";

type IncidentRow = typeof monitoringIncidents.$inferSelect;

/**
 * What the stored flips mean for incidents: a flip into DOWN opens one (the open-incident key makes
 * a second for the same outage impossible), a flip out of DOWN resolves it. A backup check's
 * outage is its own kind, because "tydliga backup-rutiner" is a promise of its own.
 */
export async function followFlips(
  tx: Tx,
  check: CheckRow,
  flips: readonly Flip[],
  detail: string | null = null,
): Promise<IncidentChange[]> {
  const changes: IncidentChange[] = [];
  for (const flip of flips) {
    if (flip.to === "DOWN") {
      // Planned maintenance: the state shows, but nobody is called; the sweeper opens the incident when
      // the window ends if the check is still down (maintenance-release.ts).
      if (inMaintenance(await maintenancePlansOfCheck(tx, check), flip.at)) {
        await tx.update(monitoringChecks).set({ incidentHeldSince: flip.at }).where(eq(monitoringChecks.id, check.id));
        continue;
      }
      const opened = await openIncident(tx, check, flip.at, detail ?? flip.reason);
      if (opened) changes.push({ type: "OPENED", incident: opened });
    } else if (flip.from === "DOWN") {
      if (check.incidentHeldSince) {
        // Back up inside the window: the held incident never happened.
        await tx.update(monitoringChecks).set({ incidentHeldSince: null }).where(eq(monitoringChecks.id, check.id));
      }
      const [resolved] = await tx
        .update(monitoringIncidents)
        .set({ resolvedAt: flip.at })
        .where(and(eq(monitoringIncidents.checkId, check.id), isNull(monitoringIncidents.resolvedAt)))
        .returning();
      if (resolved?.supportCaseId) {
        await noteOnMonitoringCase(tx, {
          caseId: resolved.supportCaseId,
          body: `${check.name} svarar igen sedan ${swedishTime(flip.at)}; avbrottet varade ${minutes(resolved)}.`,
          now: flip.at,
          recovered: true,
        });
      }
      if (resolved) {
        await tellPartnersOfIncident(tx, check, resolved, "INCIDENT_CLOSED");
        changes.push({ type: "RESOLVED", incident: resolved });
      }
    }
  }
  return changes;
}

/**
 * Opens the incident of an outage that started at `at` and its support case; null when one is open
 * already (the open-incident key makes a second for the same outage impossible).
 */
export async function openIncident(
  tx: Tx,
  check: CheckRow,
  at: Date,
  reason: string | null,
): Promise<IncidentRow | null> {
  const [opened] = await tx
    .insert(monitoringIncidents)
    .values({ checkId: check.id, kind: check.kind === "BACKUP_JOB" ? "BACKUP" : "OUTAGE", reason, startedAt: at })
    .onConflictDoNothing()
    .returning();
  if (!opened) return null;
  const linked = await caseFor(tx, check, opened);
  await tellPartnersOfIncident(tx, check, linked, "INCIDENT_OPENED");
  return linked;
}

export type IncidentChange = { type: "OPENED" | "RESOLVED"; incident: IncidentRow };

function swedishTime(at: Date): string {
  return at.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" });
}

function minutes(i: IncidentRow): string {
  const m = Math.max(1, Math.round((i.resolvedAt!.getTime() - i.startedAt.getTime()) / 60_000));
  return m < 120 ? `${m} min` : `${Math.round(m / 60)} h`;
}

/**
 * The support case for a new incident: the one still open for an earlier outage of the same check
 * (the new outage is added to it as a note), or a new one opened through the support module.
 */
async function caseFor(tx: Tx, check: CheckRow, incident: IncidentRow): Promise<IncidentRow> {
  const [property] = await tx
    .select({ name: properties.name })
    .from(properties)
    .where(eq(properties.id, check.propertyId));
  const what = check.kind === "BACKUP_JOB" ? "Backup" : "Övervakning";
  const why = reasonInWords(incident.reason);
  const text = `${check.name} på ${property?.name ?? "fastigheten"} ${why} (${swedishTime(incident.startedAt)}).`;
  const [earlier] = await tx
    .select({ caseId: monitoringIncidents.supportCaseId })
    .from(monitoringIncidents)
    .where(and(eq(monitoringIncidents.checkId, check.id), isNotNull(monitoringIncidents.supportCaseId)))
    .orderBy(desc(monitoringIncidents.startedAt))
    .limit(1);
  let caseId: string;
  if (earlier?.caseId && (await monitoringCaseIsOpen(tx, earlier.caseId))) {
    caseId = earlier.caseId;
    await noteOnMonitoringCase(tx, {
      caseId,
      body: `Nytt avbrott: ${text}`,
      now: incident.startedAt,
      recovered: false,
    });
  } else {
    caseId = (
      await openMonitoringCase(tx, {
        customerId: check.customerId,
        propertyId: check.propertyId,
        subject: `${what}: ${check.name} på ${property?.name ?? "fastigheten"} ${why}`,
        description: `${text}\n\nÄrendet öppnades av Trygg:s övervakning. Kontrollens tidslinje och senaste signaler finns under fastighetens övervakning.`,
        now: incident.startedAt,
      })
    ).id;
  }
  const [linked] = await tx
    .update(monitoringIncidents)
    .set({ supportCaseId: caseId })
    .where(eq(monitoringIncidents.id, incident.id))
    .returning();
  return linked!;
}
