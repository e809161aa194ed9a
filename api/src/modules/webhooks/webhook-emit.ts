import { and, arrayContains, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "../../db/schema/index.js";
import type { WebhookEventType } from "./webhook-event-types.js";

/**
 * Records an event for each partner it concerns and one delivery per endpoint of that partner that asked for it,
 * in the caller's transaction: a change rolled back tells nobody, and a change committed is told even if the process
 * dies the next moment (the delivery job picks it up). Only the partner's own endpoints ever get it.
 */
export async function emitWebhookEvent(
  tx: Tx,
  type: Exclude<WebhookEventType, "TEST">,
  partnerIds: readonly (string | null | undefined)[],
  data: Record<string, unknown>,
): Promise<void> {
  for (const organisationId of new Set(partnerIds.filter((p): p is string => !!p))) {
    const endpoints = await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.organisationId, organisationId),
          isNull(webhookEndpoints.deletedAt),
          isNull(webhookEndpoints.disabledAt),
          arrayContains(webhookEndpoints.eventTypes, [type]),
        ),
      );
    // No endpoint wants it: nothing is stored, so partners without webhooks cost one indexed read.
    if (endpoints.length === 0) continue;
    const [event] = await tx.insert(webhookEvents).values({ organisationId, type, data }).returning();
    await tx.insert(webhookDeliveries).values(endpoints.map((e) => ({ eventId: event!.id, endpointId: e.id })));
  }
}
