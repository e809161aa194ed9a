import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { organisations, users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { holds, type Viewer } from "../../shared/viewer.js";
import { ORGANISATION_ADMINS } from "./party.roles.js";

/** Whether another active user of the organisation can still manage it (the last-admin rule). */
export async function anotherAdminRemains(tx: Tx, user: { id: string; organisationId: string }): Promise<boolean> {
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.organisationId, user.organisationId),
        ne(users.id, user.id),
        inArray(users.role, [...ORGANISATION_ADMINS]),
        isNull(users.deactivatedAt),
      ),
    )
    .limit(1);
  return Boolean(other);
}

/**
 * A board handover completing (decision 0072): those of `userIds` still active in the organisation leave, in the
 * accepting transaction, with the organisation locked as above. The last-admin rule holds here too, so a handover
 * can never leave the board without an admin; the successor has just become one, so it does not bite in practice.
 * Returns the users deactivated; the caller ends their sessions and tokens (access's `endUserAccess`) in the same
 * transaction — parties does not reach into access from its index, which access itself imports.
 */
export async function deactivateLeavingBoard(
  tx: Tx,
  actor: Viewer,
  organisationId: string,
  userIds: readonly string[],
  details: Record<string, unknown>,
): Promise<string[]> {
  if (userIds.length === 0) return [];
  await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for("update");
  const leaving = await tx
    .select()
    .from(users)
    .where(and(eq(users.organisationId, organisationId), inArray(users.id, [...userIds]), isNull(users.deactivatedAt)));
  const now = new Date();
  const done: string[] = [];
  for (const user of leaving) {
    if (holds(user, ORGANISATION_ADMINS) && !(await anotherAdminRemains(tx, user))) continue;
    await tx
      .update(users)
      .set({ deactivatedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    await recordAudit(tx, actor, {
      action: "user.deactivate",
      objectType: "User",
      objectId: user.id,
      organisationId,
      details: { email: user.email, ...details },
    });
    done.push(user.id);
  }
  return done;
}
