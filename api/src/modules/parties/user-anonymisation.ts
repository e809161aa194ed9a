import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { type userLanguage, users } from "../../db/schema/index.js";

/**
 * What an anonymised user is called (decision 0086), in each language a reader may read Trygg in. The Swedish one is
 * stored as the name itself, so a place that knows nothing of anonymisation still shows no one's name; every place
 * a name reaches a reader (the API's names, the protocol's PDF and mail, the portal) words it in that reader's
 * language through `nameFor`.
 */
const FORMER_USER_NAMES = { SV: "före detta användare", EN: "former user" } as const satisfies Record<
  (typeof userLanguage.enumValues)[number],
  string
>;
export const FORMER_USER_NAME = FORMER_USER_NAMES.SV;

/** A user's name as a reader reads it: an anonymised user's in the reader's language. */
export function nameFor(language: (typeof userLanguage.enumValues)[number], name: string, former: boolean): string {
  return former ? FORMER_USER_NAMES[language] : name;
}

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
    .set({
      name: FORMER_USER_NAME,
      email: formerUserEmail(userId),
      passwordHash: "",
      anonymisedAt: at,
      version: sql`${users.version} + 1`,
    })
    .where(eq(users.id, userId));
  return { id: before.id, organisationId: before.organisationId, email: before.email, name: before.name };
}
