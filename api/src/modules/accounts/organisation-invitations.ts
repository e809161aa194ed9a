import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { invitations } from "../../db/schema/index.js";

/**
 * Revokes the organisation's open invitations when it is deactivated (decision 0085): an invitation accepted later
 * would otherwise make a user of an organisation that has left. Returns how many were open.
 */
export async function revokeOpenInvitations(tx: Tx, organisationId: string, at: Date): Promise<number> {
  const revoked = await tx
    .update(invitations)
    .set({ revokedAt: at })
    .where(
      and(
        eq(invitations.organisationId, organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return revoked.length;
}
