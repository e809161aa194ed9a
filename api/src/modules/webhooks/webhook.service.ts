import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { groupBy } from "../../shared/group-by.js";
import { ok, userError, type Result, type UserError } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { SUBSCRIBABLE_EVENT_TYPES, type WebhookEventType } from "./webhook-event-types.js";
import type { WebhookSettings } from "./webhook-settings.js";
import { newWebhookSecret } from "./webhook-signature.js";
import { checkTarget } from "./webhook-target.js";
import { WebhookErrors as E } from "./webhook.errors.js";
import { WEBHOOK_MANAGERS } from "./webhook.roles.js";

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;
export interface LoggedDelivery {
  delivery: WebhookDeliveryRow;
  event: typeof webhookEvents.$inferSelect;
  attempts: WebhookAttemptRow[];
}

/** Enough for every system a partner runs; the bound keeps a runaway script from fanning events out a thousandfold. */
const MAX_ENDPOINTS_PER_PARTNER = 10;

/** The viewer's own endpoint, or null: another partner's answers exactly like a missing one. */
async function ownEndpoint(db: DbOrTx, viewer: Viewer, id: string): Promise<WebhookEndpointRow | null> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.id, id),
        eq(webhookEndpoints.organisationId, viewer.organisationId),
        isNull(webhookEndpoints.deletedAt),
      ),
    );
  return row ?? null;
}

const notFound = () => userError(E.NOT_FOUND, "No such webhook endpoint.", ["input", "endpointId"]);

export async function listWebhookEndpoints(db: DbOrTx, viewer: Viewer): Promise<WebhookEndpointRow[]> {
  requireRole(viewer, WEBHOOK_MANAGERS);
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organisationId, viewer.organisationId), isNull(webhookEndpoints.deletedAt)))
    .orderBy(desc(webhookEndpoints.createdAt));
}

export async function registerWebhookEndpoint(
  db: Db,
  viewer: Viewer,
  input: { url: string; description?: string | null; eventTypes: readonly WebhookEventType[] },
  settings: WebhookSettings,
): Promise<Result<{ endpoint: WebhookEndpointRow; secret: string }>> {
  requireRole(viewer, WEBHOOK_MANAGERS);
  const eventTypes = SUBSCRIBABLE_EVENT_TYPES.filter((t) => input.eventTypes.includes(t));
  if (eventTypes.length === 0)
    return userError(E.NO_WEBHOOK_EVENTS, "Choose at least one kind of event to send.", ["input", "eventTypes"]);
  const target = await checkTarget(input.url.trim(), settings.allowPrivateTargets);
  if ("refused" in target) return refusal(target.refused, target.message);
  const secret = newWebhookSecret();
  return mutate(db, async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.organisationId, viewer.organisationId), isNull(webhookEndpoints.deletedAt)));
    if (n >= MAX_ENDPOINTS_PER_PARTNER)
      return userError(E.TOO_MANY_WEBHOOKS, `At most ${MAX_ENDPOINTS_PER_PARTNER} endpoints; remove one first.`);
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({
        organisationId: viewer.organisationId,
        url: target.ok.url.toString(),
        description: input.description?.trim() ?? "",
        eventTypes,
        secret,
        createdById: viewer.userId,
      })
      .returning();
    await recordAudit(tx, viewer, {
      action: "webhookEndpoint.register",
      objectType: "WebhookEndpoint",
      objectId: endpoint!.id,
      organisationId: viewer.organisationId,
      details: { url: endpoint!.url, eventTypes },
    });
    return ok({ endpoint: endpoint!, secret });
  });
}

function refusal(reason: "NOT_HTTPS" | "INVALID_URL" | "UNRESOLVABLE" | "PRIVATE_ADDRESS", message: string) {
  const code = {
    NOT_HTTPS: E.WEBHOOK_NOT_HTTPS,
    INVALID_URL: E.INVALID_WEBHOOK_URL,
    UNRESOLVABLE: E.WEBHOOK_UNRESOLVABLE,
    PRIVATE_ADDRESS: E.WEBHOOK_PRIVATE_ADDRESS,
  }[reason];
  return userError(code, message, ["input", "url"]);
}

/**
 * One change to one of the viewer's endpoints, audited: `refuse` may answer a userError first, which writes nothing.
 */
async function changeOwnEndpoint(
  db: Db,
  viewer: Viewer,
  endpointId: string,
  action: string,
  patch: Partial<WebhookEndpointRow>,
  refuse: (found: WebhookEndpointRow) => { errors: UserError[] } | null = () => null,
): Promise<Result<WebhookEndpointRow>> {
  requireRole(viewer, WEBHOOK_MANAGERS);
  return mutate(db, async (tx) => {
    const found = await ownEndpoint(tx, viewer, endpointId);
    if (!found) return notFound();
    const refused = refuse(found);
    if (refused) return refused;
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set(patch)
      .where(eq(webhookEndpoints.id, endpointId))
      .returning();
    await recordAudit(tx, viewer, {
      action: `webhookEndpoint.${action}`,
      objectType: "WebhookEndpoint",
      objectId: endpointId,
      organisationId: viewer.organisationId,
    });
    return ok(endpoint!);
  });
}

/** A new secret at once; the old one stops signing (the receiver is given the new one from this answer). */
export async function rotateWebhookSecret(
  db: Db,
  viewer: Viewer,
  endpointId: string,
  now: Date,
): Promise<Result<{ endpoint: WebhookEndpointRow; secret: string }>> {
  const secret = newWebhookSecret();
  const result = await changeOwnEndpoint(db, viewer, endpointId, "rotateSecret", { secret, secretRotatedAt: now });
  return "errors" in result ? result : ok({ endpoint: result.ok, secret });
}

/** A disabled endpoint back in service: what waited for it goes out at the next pass. */
export function enableWebhookEndpoint(db: Db, viewer: Viewer, endpointId: string) {
  const patch = { disabledAt: null, disabledReason: null, failingSince: null };
  return changeOwnEndpoint(db, viewer, endpointId, "enable", patch, (found) =>
    found.disabledAt ? null : userError(E.WEBHOOK_NOT_DISABLED, "The endpoint is not disabled."),
  );
}

/** Removed endpoints stay as rows (their log refers to them) but get nothing more. */
export function removeWebhookEndpoint(db: Db, viewer: Viewer, endpointId: string, now: Date) {
  return changeOwnEndpoint(db, viewer, endpointId, "remove", { deletedAt: now });
}

/** "Skicka igen": the delivery starts a new round of attempts now, with the same webhook-id. */
export async function redeliverWebhook(db: Db, viewer: Viewer, deliveryId: string, now: Date) {
  requireRole(viewer, WEBHOOK_MANAGERS);
  return mutate(db, async (tx): Promise<Result<LoggedDelivery>> => {
    const [found] = await tx
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(
        and(
          eq(webhookDeliveries.id, deliveryId),
          eq(webhookEndpoints.organisationId, viewer.organisationId),
          isNull(webhookEndpoints.deletedAt),
        ),
      )
      .for("update", { of: webhookDeliveries });
    if (!found) return userError(E.NOT_FOUND, "No such webhook delivery.", ["input", "deliveryId"]);
    if (found.endpoint.disabledAt)
      return userError(E.WEBHOOK_DISABLED, "The endpoint is disabled; enable it first.", ["input", "deliveryId"]);
    await tx
      .update(webhookDeliveries)
      .set({ state: "PENDING", nextAttemptAt: now, roundStartedAt: sql`${webhookDeliveries.attempts}` })
      .where(eq(webhookDeliveries.id, deliveryId));
    return ok((await loggedDeliveries(tx, [deliveryId]))[0]!);
  });
}

/** "Skicka testhändelse": a TEST event to this endpoint alone, whatever it subscribes to. */
export async function sendTestWebhook(db: Db, viewer: Viewer, endpointId: string, now: Date) {
  requireRole(viewer, WEBHOOK_MANAGERS);
  return mutate(db, async (tx): Promise<Result<LoggedDelivery>> => {
    const endpoint = await ownEndpoint(tx, viewer, endpointId);
    if (!endpoint) return notFound();
    if (endpoint.disabledAt)
      return userError(E.WEBHOOK_DISABLED, "The endpoint is disabled; enable it first.", ["input", "endpointId"]);
    const [event] = await tx
      .insert(webhookEvents)
      .values({
        organisationId: viewer.organisationId,
        type: "TEST",
        data: { message: "A test event from Trygg.", requestedBy: viewer.name },
        occurredAt: now,
      })
      .returning();
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({ eventId: event!.id, endpointId, nextAttemptAt: now })
      .returning();
    return ok({ delivery: delivery!, event: event!, attempts: [] });
  });
}

/** The delivery log of one of the viewer's endpoints, newest first, each with its attempts. */
export async function webhookDeliveryLog(
  db: DbOrTx,
  viewer: Viewer,
  endpointId: string,
  first: number,
): Promise<LoggedDelivery[] | null> {
  requireRole(viewer, WEBHOOK_MANAGERS);
  if (!(await ownEndpoint(db, viewer, endpointId))) return null;
  const rows = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(first);
  return loggedDeliveries(
    db,
    rows.map((r) => r.id),
  );
}

/** Deliveries with their events and attempts (newest first), in the order of `ids`: two statements for any number. */
async function loggedDeliveries(db: DbOrTx, ids: string[]): Promise<LoggedDelivery[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ delivery: webhookDeliveries, event: webhookEvents })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(inArray(webhookDeliveries.id, ids));
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, ids))
    .orderBy(desc(webhookAttempts.attemptedAt));
  const perDelivery = groupBy(ids, attempts, (a) => a.deliveryId);
  const byId = new Map(rows.map((r) => [r.delivery.id, r]));
  return ids.flatMap((id, i) => {
    const r = byId.get(id);
    return r ? [{ ...r, attempts: perDelivery[i]! }] : [];
  });
}
