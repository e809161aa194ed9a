/** The webhook settings (env.ts reads them; docs/operations.md describes them). */
export interface WebhookSettings {
  /** Tests only: lets endpoints be plain http and loopback or private addresses. */
  allowPrivateTargets: boolean;
  /** A receiver that has not answered in this time has failed this attempt. */
  timeoutMs: number;
  /** An endpoint whose deliveries have failed without a success in between for this long is disabled. */
  disableAfterMs: number;
}

export const DEFAULT_WEBHOOK_TIMEOUT_SECONDS = 10;
export const DEFAULT_WEBHOOK_DISABLE_AFTER_HOURS = 72;

/**
 * Waits after the 1st, 2nd, … failed attempt of a delivery: the schedule of the Standard Webhooks' reference
 * implementation (Svix), eight attempts over about 28 hours, so a receiver down for a night still gets everything.
 */
export const RETRY_DELAYS_MS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600].map((s) => s * 1000);

/** The settings from the parsed environment; a partial one (tests) gets the defaults: private targets refused. */
export function webhookSettings(env: {
  WEBHOOK_ALLOW_PRIVATE_TARGETS?: boolean;
  WEBHOOK_TIMEOUT_SECONDS?: number;
  WEBHOOK_DISABLE_AFTER_HOURS?: number;
}): WebhookSettings {
  return {
    allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? false,
    timeoutMs: (env.WEBHOOK_TIMEOUT_SECONDS ?? DEFAULT_WEBHOOK_TIMEOUT_SECONDS) * 1000,
    disableAfterMs: (env.WEBHOOK_DISABLE_AFTER_HOURS ?? DEFAULT_WEBHOOK_DISABLE_AFTER_HOURS) * 3600_000,
  };
}
