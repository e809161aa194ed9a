import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { users } from "../../db/schema/index.js";

/**
 * What an anonymised user is called everywhere (decision 0086). Stored as the name itself, so every place that shows
 * a name — history, case messages, protocols, mails built later — shows it without knowing about anonymisation; the
 * API's `formerUser` flags lets the portal say "former user" in English.
 */
export const FORMER_USER_NAME = "före detta användare";

/** The address an anonymised user keeps: unique, lower-case, and undeliverable (RFC 2606's .invalid). */
export function formerUserEmail(userId: string): string {
  return `former-user-${userId}@anonymised.invalid`;
}

/**
 * Removes the user's name, e-mail and password from their row (decision 0086); the row itself stays so that history
 * keeps pointing at someone. Returns what was there, for the other modules to find it in their own tables.
 */
export async function anonymiseUserRecord(
  tx: Tx,
  userId: string,
  at: Date,
): Promise<{ id: string; organisationId: string; email: string; name: string } | null> {
  const [before] = await tx.select().from(users).where(eq(users.id, userId));
  if (!before || before.anonymisedAt) return null;
  await tx
    .update(users)
    .set({ name: FORMER_USER_NAME, email: formerUserEmail(userId), passwordHash: "", anonymisedAt: at })
    .where(eq(users.id, userId));
  return { id: before.id, organisationId: before.organisationId, email: before.email, name: before.name };
}
