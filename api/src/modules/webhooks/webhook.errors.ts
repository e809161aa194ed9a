/** userError codes of webhooks. */
export const WebhookErrors = {
  NOT_FOUND: "NOT_FOUND",
  /** Not a full https:// address (or has a user name in it). */
  INVALID_WEBHOOK_URL: "INVALID_WEBHOOK_URL",
  WEBHOOK_NOT_HTTPS: "WEBHOOK_NOT_HTTPS",
  /** The name does not resolve now. */
  WEBHOOK_UNRESOLVABLE: "WEBHOOK_UNRESOLVABLE",
  /** The name resolves to a loopback, private or link-local address (SSRF protection). */
  WEBHOOK_PRIVATE_ADDRESS: "WEBHOOK_PRIVATE_ADDRESS",
  /** No event type chosen. */
  NO_WEBHOOK_EVENTS: "NO_WEBHOOK_EVENTS",
  /** The endpoint is disabled: enable it before sending to it. */
  WEBHOOK_DISABLED: "WEBHOOK_DISABLED",
  WEBHOOK_NOT_DISABLED: "WEBHOOK_NOT_DISABLED",
  TOO_MANY_WEBHOOKS: "TOO_MANY_WEBHOOKS",
} as const;
