import { and, eq, or, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { auditEvents } from "../../db/schema/index.js";

/**
 * A former user in the audit trail (decision 0086): the rows stay — who did what stays provable through the user id,
 * which now shows as "före detta användare" — but their address and name leave the details. Only rows that can hold
 * them are rewritten: about the user, by the user, or about their organisation (invitations, board checks,
 * recoveries name its people). The address is replaced wherever it appears; the name only as a whole JSON value, so
 * a short name does not eat into other words.
 */
export async function anonymiseAuditTrail(
  tx: Tx,
  user: { id: string; organisationId: string; email: string; name: string },
  replacement: { email: string; name: string },
): Promise<void> {
  const text = sql`${auditEvents.details}::text`;
  const quotedName = sql`to_jsonb(${user.name}::text)::text`;
  await tx
    .update(auditEvents)
    .set({
      details: sql`replace(replace(${text}, ${user.email}::text, ${replacement.email}::text), ${quotedName}, to_jsonb(${replacement.name}::text)::text)::jsonb`,
    })
    .where(
      and(
        or(
          eq(auditEvents.objectId, user.id),
          eq(auditEvents.actorUserId, user.id),
          eq(auditEvents.organisationId, user.organisationId),
        ),
        or(sql`strpos(${text}, ${user.email}::text) > 0`, sql`strpos(${text}, ${quotedName}) > 0`),
      ),
    );
}
