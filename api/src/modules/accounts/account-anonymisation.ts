import { eq, or } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { invitations, passwordResets } from "../../db/schema/index.js";

/**
 * A former user's traces in accounts' tables (decision 0086): the invitations that named them (by address, so also one
 * never accepted) lose the name and address; their reset requests lose the IP address they came from.
 */
export async function anonymiseAccountTraces(
  tx: Tx,
  user: { id: string; email: string },
  replacement: { name: string; email: string },
): Promise<void> {
  await tx
    .update(invitations)
    .set({ name: replacement.name, email: replacement.email })
    .where(or(eq(invitations.userId, user.id), eq(invitations.email, user.email)));
  await tx.update(passwordResets).set({ ipAddress: null }).where(eq(passwordResets.userId, user.id));
}
