import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { agreementProperties, agreements, type monitoringIncidents, properties } from "../../db/schema/index.js";
import { toGlobalId } from "../../shared/ids.js";
import { emitWebhookEvent } from "../webhooks/index.js";
import type { CheckRow } from "./check-records.js";

type IncidentRow = typeof monitoringIncidents.$inferSelect;

/**
 * Tells the partners who serve the property of an incident opened or closed, in the transaction that stores it: its
 * installer and the partner of any agreement covering it, the same partners propertyScope lets see it.
 */
export async function tellPartnersOfIncident(
  tx: Tx,
  check: CheckRow,
  incident: IncidentRow,
  type: "INCIDENT_OPENED" | "INCIDENT_CLOSED",
): Promise<void> {
  const [installer] = await tx
    .select({ id: properties.installerId })
    .from(properties)
    .where(eq(properties.id, check.propertyId));
  const covering = await tx
    .select({ id: agreements.partnerId })
    .from(agreementProperties)
    .innerJoin(agreements, eq(agreements.id, agreementProperties.agreementId))
    .where(eq(agreementProperties.propertyId, check.propertyId));
  await emitWebhookEvent(tx, type, [installer?.id, ...covering.map((c) => c.id)], {
    incident: {
      id: toGlobalId("MonitoringIncident", incident.id),
      checkId: toGlobalId("MonitoringCheck", check.id),
      checkName: check.name,
      kind: incident.kind,
      reason: incident.reason,
      customerId: toGlobalId("Organisation", check.customerId),
      propertyId: toGlobalId("Property", check.propertyId),
      supportCaseId: incident.supportCaseId ? toGlobalId("SupportCase", incident.supportCaseId) : null,
      startedAt: incident.startedAt.toISOString(),
      resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    },
  });
}
