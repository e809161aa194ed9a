/**
 * The webhooks module as other modules see it: a change is told to partners by `emitWebhookEvent` in the change's own
 * transaction; the delivery job is started by main.ts.
 */
export { emitWebhookEvent } from "./webhook-emit.js";
export { startWebhookDeliveries } from "./webhook-delivery-job.js";
export { webhookSettings, type WebhookSettings } from "./webhook-settings.js";
export { WEBHOOK_MANAGERS } from "./webhook.roles.js";
