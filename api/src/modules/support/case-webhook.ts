import type { Tx } from "../../db/client.js";
import { toGlobalId } from "../../shared/ids.js";
import { emitWebhookEvent } from "../webhooks/index.js";
import type { SupportCaseRow } from "./support-case.service.js";

export type CaseChange =
  "OPENED" | "HANDED_OVER" | "HANDED_BACK" | "ESCALATED" | "REPLIED" | "STATUS_CHANGED" | "ASSIGNED";

/**
 * Tells the installer's system of a case routed to it (`case.routed`) or of a change to one it has or just had
 * (`case.updated`), in the change's transaction. Only a case that is, or was until this change, the partner's is
 * told: a case the vendor handles is none of the installer's business (supportCaseScope). The event names what
 * happened, not the message: the partner reads that through the API, where internal notes stay hidden.
 */
export async function tellPartnerOfCase(
  tx: Tx,
  c: SupportCaseRow,
  change: CaseChange,
  wasPartners = c.routedTo === "PARTNER",
): Promise<void> {
  if (!c.partnerId || !(wasPartners || c.routedTo === "PARTNER")) return;
  const routed = change === "OPENED" || change === "HANDED_OVER";
  await emitWebhookEvent(tx, routed ? "CASE_ROUTED" : "CASE_UPDATED", [c.partnerId], {
    case: {
      id: toGlobalId("SupportCase", c.id),
      number: c.number,
      customerId: toGlobalId("Organisation", c.customerId),
      status: c.status,
      priority: c.priority,
      routedTo: c.routedTo,
      responseDueAt: c.responseDueAt?.toISOString() ?? null,
    },
    change,
  });
}
