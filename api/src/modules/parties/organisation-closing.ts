import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { organisations, users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Viewer } from "../../shared/viewer.js";

/**
 * An organisation deactivated (decision 0085): the row is marked and its version raised, and every active user is
 * deactivated with it — the last-admin rule does not apply, since the whole organisation leaves. Returns the users
 * deactivated; the caller ends their sessions and tokens (access's `endOrganisationAccess`) in the same transaction.
 */
export async function closeOrganisation(
  tx: Tx,
  actor: Viewer,
  organisationId: string,
  at: Date,
): Promise<{ id: string; email: string }[]> {
  await tx
    .update(organisations)
    .set({ deactivatedAt: at, version: sql`${organisations.version} + 1` })
    .where(eq(organisations.id, organisationId));
  const leaving = await tx
    .update(users)
    .set({ deactivatedAt: at, version: sql`${users.version} + 1` })
    .where(and(eq(users.organisationId, organisationId), isNull(users.deactivatedAt)))
    .returning({ id: users.id, email: users.email });
  await recordAudit(
    tx,
    actor,
    leaving.map((user) => ({
      action: "user.deactivate",
      objectType: "User",
      objectId: user.id,
      organisationId,
      details: { email: user.email, organisationDeactivated: true },
    })),
  );
  return leaving;
}

/**
 * A deactivated organisation brought back (decision 0091): the mark is cleared and the version raised. Nothing else
 * comes back: its users stay deactivated (an admin invites them again, which re-enables a former user's account),
 * and its agreements stay as deactivation left them.
 */
export async function reopenOrganisation(tx: Tx, organisationId: string) {
  const [row] = await tx
    .update(organisations)
    .set({ deactivatedAt: null, version: sql`${organisations.version} + 1` })
    .where(eq(organisations.id, organisationId))
    .returning();
  return row!;
}
