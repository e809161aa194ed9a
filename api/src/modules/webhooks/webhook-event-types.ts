import { webhookEventType } from "../../db/schema/index.js";
import { graphqlEnum } from "../../shared/enums.js";

export type WebhookEventType = (typeof webhookEventType.enumValues)[number];

/** The event types a partner can subscribe to; TEST is sent only by "send a test event", to one endpoint. */
export const SUBSCRIBABLE_EVENT_TYPES = webhookEventType.enumValues.filter((t) => t !== "TEST");

export const WebhookEventTypeEnum = graphqlEnum(webhookEventType.enumValues, {
  name: "WebhookEventType",
  description:
    "What a webhook tells of. On the wire, `type` is the dotted lower-case form (AGREEMENT_STATUS_CHANGED is `agreement.status_changed`).",
  valuesConfig: {
    AGREEMENT_STATUS_CHANGED: {
      description: "An agreement of the partner was created, activated, renewed, terminated or lapsed.",
    },
    CASE_ROUTED: { description: "A support case was routed or handed over to the partner." },
    CASE_UPDATED: {
      description: "A case routed to the partner got a reply, a new status or was handed back (also escalation).",
    },
    VISIT_BOOKED: { description: "A service visit on one of the partner's agreements was booked or moved." },
    VISIT_COMPLETED: { description: "A service visit on one of the partner's agreements was completed." },
    INCIDENT_OPENED: { description: "Monitoring opened an incident at a property the partner installs for." },
    INCIDENT_CLOSED: { description: "An incident at a property the partner installs for is over." },
    TEST: { description: "Sent only by `sendTestWebhook`, to check a receiver." },
  },
});

/** `AGREEMENT_STATUS_CHANGED` → `agreement.status_changed`: Standard Webhooks' dotted event names. */
export function wireType(type: WebhookEventType): string {
  if (type === "TEST") return "webhook.test";
  const [domain, ...rest] = type.toLowerCase().split("_");
  return `${domain}.${rest.join("_")}`;
}
