import { and, eq, isNotNull, isNull, not, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import { organisations, users } from "../../db/schema/index.js";
import type { OrganisationKind, Role } from "../../shared/viewer.js";

type UserRow = typeof users.$inferSelect;

/**
 * The users-table side of accounts people open and recover themselves (the accounts module holds
 * the invitations and reset links): parties owns the users, so those rows are written here.
 */

/**
 * An invited person's user, in the accepting transaction; the caller has checked the address is free. A former user
 * of the same organisation (deactivated, not yet anonymised) is re-enabled rather than made anew, so their history
 * stays theirs: how people of a reactivated organisation come back (decision 0091).
 */
export async function addInvitedUser(
  tx: Tx,
  input: { organisationId: string; name: string; email: string; role: Role; passwordHash: string },
): Promise<UserRow> {
  const [again] = await tx
    .update(users)
    .set({
      name: input.name,
      role: input.role,
      passwordHash: input.passwordHash,
      deactivatedAt: null,
      version: sql`${users.version} + 1`,
    })
    .where(formerUserOf(input.organisationId, input.email))
    .returning();
  if (again) return again;
  const [row] = await tx.insert(users).values(input).returning();
  return row!;
}

const formerUserOf = (organisationId: string, email: string) =>
  and(eq(users.email, email), eq(users.organisationId, organisationId), isNotNull(users.deactivatedAt));

export async function setUserPassword(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** The user's language, as the user chose it; answers the row before and after, for the audit. */
export async function setUserLanguage(
  tx: Tx,
  userId: string,
  language: UserRow["language"],
): Promise<{ before: UserRow; after: UserRow } | null> {
  const [before] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!before) return null;
  const [after] = await tx.update(users).set({ language }).where(eq(users.id, userId)).returning();
  return { before, after: after! };
}

/** An active user by e-mail, unscoped: for a reset asked for by someone not logged in. */
export async function findActiveUserByEmail(db: DbOrTx, email: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, email), isNull(users.deactivatedAt)));
  return row ?? null;
}

/** Any user by id, unscoped, with the kind of its organisation. */
export async function userWithKind(
  db: DbOrTx,
  userId: string,
): Promise<{ user: UserRow; kind: OrganisationKind; organisationName: string } | null> {
  const [row] = await db
    .select({ user: users, kind: organisations.kind, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(eq(users.id, userId));
  return row ?? null;
}

/**
 * Whether the address belongs to a user; with an organisation, its own former (deactivated) users do not count:
 * they may be invited back.
 */
export async function emailInUse(db: DbOrTx, email: string, organisationId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), organisationId ? not(formerUserOf(organisationId, email)!) : undefined));
  return !!row;
}

/** An organisation's active users, admins first then by name: the board as it stands. */
export async function activeUsersOf(db: DbOrTx, organisationId: string): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(and(eq(users.organisationId, organisationId), isNull(users.deactivatedAt)))
    .orderBy(users.role, users.name);
}
