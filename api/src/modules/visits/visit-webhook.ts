import type { Tx } from "../../db/client.js";
import { toGlobalId } from "../../shared/ids.js";
import type { AgreementRecord } from "../agreements/index.js";
import { emitWebhookEvent } from "../webhooks/index.js";
import type { ServiceVisitRow } from "./visit.service.js";

/**
 * Tells the agreement's partner of a visit booked or moved (`visit.booked`) or completed (`visit.completed`), in the
 * change's transaction; the partner's own technicians and calendar follow the vendor's bookings this way.
 */
export async function tellPartnerOfVisit(
  tx: Tx,
  visit: ServiceVisitRow,
  agreement: Pick<AgreementRecord, "id" | "partnerId" | "customerId" | "number">,
  type: "VISIT_BOOKED" | "VISIT_COMPLETED",
  change: "BOOKED" | "RESCHEDULED" | "COMPLETED",
): Promise<void> {
  await emitWebhookEvent(tx, type, [agreement.partnerId], {
    visit: {
      id: toGlobalId("ServiceVisit", visit.id),
      agreementId: toGlobalId("Agreement", agreement.id),
      agreementNumber: agreement.number,
      customerId: toGlobalId("Organisation", agreement.customerId),
      propertyId: toGlobalId("Property", visit.propertyId),
      scheduledAt: visit.scheduledAt.toISOString(),
      completedAt: visit.completedAt?.toISOString() ?? null,
    },
    change,
  });
}
