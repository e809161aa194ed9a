import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { users, webhookEndpoints } from "../../db/schema/index.js";
import { queueMailToEach } from "../notifications/index.js";
import { ENDPOINT_DISABLED_MAIL } from "./webhook.mails.js";
import { WEBHOOK_MANAGERS } from "./webhook.roles.js";

/**
 * An endpoint that has failed without a single success for `disableAfterMs` is disabled, and the partner's admins
 * are told by mail, once (the `disabledAt is null` guard makes the second process's attempt a no-op). Nothing more is
 * sent to it until an admin enables it again; its deliveries wait, and go out then.
 */
export async function disableIfFailingTooLong(
  tx: Tx,
  endpointId: string,
  now: Date,
  disableAfterMs: number,
  portalUrl: string,
): Promise<boolean> {
  const [disabled] = await tx
    .update(webhookEndpoints)
    .set({ disabledAt: now, disabledReason: "FAILING" })
    .where(
      and(
        eq(webhookEndpoints.id, endpointId),
        isNull(webhookEndpoints.disabledAt),
        lte(webhookEndpoints.failingSince, new Date(now.getTime() - disableAfterMs)),
      ),
    )
    .returning();
  if (!disabled) return false;
  const admins = await tx
    .select({ email: users.email, language: users.language })
    .from(users)
    .where(
      and(
        eq(users.organisationId, disabled.organisationId),
        inArray(users.role, [...WEBHOOK_MANAGERS]),
        isNull(users.deactivatedAt),
      ),
    );
  const days = Math.round(disableAfterMs / 86_400_000);
  await queueMailToEach(tx, ENDPOINT_DISABLED_MAIL, admins, { url: disabled.url, days, portalUrl });
  return true;
}
