import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from "../../db/schema/index.js";
import type { Logger } from "../../logger.js";
import { startPeriodicJob } from "../../shared/periodic-job.js";
import { disableIfFailingTooLong } from "./endpoint-disabling.js";
import { wireType } from "./webhook-event-types.js";
import { postWebhook, type PostOutcome } from "./webhook-post.js";
import { RETRY_DELAYS_MS, type WebhookSettings } from "./webhook-settings.js";
import { signWebhook } from "./webhook-signature.js";
import { checkTarget } from "./webhook-target.js";

export interface WebhookDelivererOptions {
  db: Db;
  logger: Logger;
  settings: WebhookSettings;
  portalUrl: string;
  /** The one clock of the job (tests move it to days later). */
  now?: () => Date;
  retryDelaysMs?: readonly number[];
  batchSize?: number;
}

interface Claim {
  id: string;
  attempt: number;
}

/**
 * Sends due webhook deliveries. Like the mail outbox (decision 0005): a delivery is claimed with FOR UPDATE SKIP
 * LOCKED and leased (its next attempt moved past the lease) in a short transaction, so in any number of processes
 * exactly one sends it and no transaction stays open while a receiver thinks; an outcome is written only if the
 * claim is still ours. A batch is sent side by side, each with its own timeout, so one slow receiver costs the
 * others nothing.
 */
export function createWebhookDeliverer(opts: WebhookDelivererOptions) {
  const { db, logger, settings } = opts;
  const now = opts.now ?? (() => new Date());
  const delays = opts.retryDelaysMs ?? RETRY_DELAYS_MS;
  const batchSize = opts.batchSize ?? 20;
  // Longer than any attempt can take, so a lease runs out only for a process that died.
  const leaseMs = settings.timeoutMs + 60_000;

  async function claim(at: Date): Promise<Claim[]> {
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(
          and(
            eq(webhookDeliveries.state, "PENDING"),
            lte(webhookDeliveries.nextAttemptAt, at),
            isNull(webhookEndpoints.disabledAt),
            isNull(webhookEndpoints.deletedAt),
          ),
        )
        .orderBy(asc(webhookDeliveries.nextAttemptAt))
        .limit(batchSize)
        .for("update", { of: webhookDeliveries, skipLocked: true });
      if (due.length === 0) return [];
      await tx
        .update(webhookDeliveries)
        .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: new Date(at.getTime() + leaseMs) })
        .where(
          inArray(
            webhookDeliveries.id,
            due.map((d) => d.id),
          ),
        );
      return due.map((d) => ({ id: d.id, attempt: d.attempts + 1 }));
    });
  }

  async function attempt(c: Claim): Promise<boolean> {
    const [row] = await db
      .select({ delivery: webhookDeliveries, event: webhookEvents, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, c.id));
    if (!row) return false;
    const { delivery, event, endpoint } = row;
    const at = now();
    // The same id on every attempt and "send again": the receiver drops what it has seen (Standard Webhooks).
    const id = `msg_${event.id}`;
    const timestamp = Math.floor(at.getTime() / 1000);
    const body = JSON.stringify({
      type: wireType(event.type),
      timestamp: event.occurredAt.toISOString(),
      data: event.data,
    });
    // Checked again now, and the POST goes to the address checked: the name may point elsewhere since registration.
    const target = await checkTarget(endpoint.url, settings.allowPrivateTargets);
    const outcome: PostOutcome =
      "refused" in target
        ? { error: target.message, durationMs: 0 }
        : await postWebhook(
            target.ok,
            {
              "webhook-id": id,
              "webhook-timestamp": String(timestamp),
              "webhook-signature": signWebhook(endpoint.secret, id, timestamp, body),
              "user-agent": "Trygg-Webhooks/1",
            },
            body,
            settings.timeoutMs,
          );
    const succeeded = "statusCode" in outcome && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const stillOurs = and(
      eq(webhookDeliveries.id, c.id),
      eq(webhookDeliveries.state, "PENDING"),
      eq(webhookDeliveries.attempts, c.attempt),
    );
    const failures = c.attempt - delivery.roundStartedAt;
    await db.transaction(async (tx) => {
      const [ours] = await tx
        .update(webhookDeliveries)
        .set(
          succeeded
            ? { state: "SUCCEEDED", deliveredAt: at }
            : failures > delays.length
              ? { state: "FAILED" }
              : { nextAttemptAt: new Date(at.getTime() + delays[failures - 1]!) },
        )
        .where(stillOurs)
        .returning({ id: webhookDeliveries.id });
      if (!ours) return; // the lease ran out and another process has it: its outcome counts
      await tx.insert(webhookAttempts).values({
        deliveryId: c.id,
        attemptedAt: at,
        statusCode: "statusCode" in outcome ? outcome.statusCode : null,
        responseBody: "body" in outcome ? outcome.body : null,
        error: "error" in outcome ? outcome.error : null,
        durationMs: outcome.durationMs,
      });
      if (succeeded) {
        await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, endpoint.id));
        return;
      }
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${at.toISOString()}::timestamptz)` })
        .where(eq(webhookEndpoints.id, endpoint.id));
      if (await disableIfFailingTooLong(tx, endpoint.id, at, settings.disableAfterMs, opts.portalUrl))
        logger.warn({ endpointId: endpoint.id, url: endpoint.url }, "webhook endpoint failing too long; disabled");
    });
    if (!succeeded)
      logger.info({ deliveryId: c.id, attempt: c.attempt, outcome }, "webhook delivery failed; will retry or give up");
    return succeeded;
  }

  /** Sends every delivery due now; the number that succeeded. */
  async function deliverDue(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const claims = await claim(now());
      if (claims.length === 0) return delivered;
      const results = await Promise.all(claims.map(attempt));
      delivered += results.filter(Boolean).length;
    }
  }

  return { deliverDue };
}

/** The delivery job of an API process: shared/periodic-job.ts runs a pass every `intervalMs`. */
export function startWebhookDeliveries(opts: WebhookDelivererOptions & { intervalMs: number }) {
  const deliverer = createWebhookDeliverer(opts);
  return startPeriodicJob(async () => {
    try {
      await deliverer.deliverDue();
    } catch (e) {
      opts.logger.warn({ err: e }, "webhook delivery pass failed; will try again");
    }
  }, opts.intervalMs);
}
