import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations, users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { colleagueScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { queueMail } from "../notifications/index.js";
import { PartyErrors as E } from "./party.errors.js";
import { USER_CREATORS } from "./party.roles.js";
import { USER_REACTIVATED_MAIL } from "./user-reactivation.mails.js";

type UserRow = typeof users.$inferSelect;

/**
 * "Återaktivera": an admin brings a deactivated user back, so a colleague who returns keeps their account, history
 * and password instead of being invited anew. Scoped like the other user changes: vendor admins anyone, partner and
 * customer admins their own organisation (another's user answers as missing). Not an anonymised user (nothing of
 * the person is left to bring back: invite them), and not while the organisation itself is deactivated (the vendor
 * reactivates it first). What the deactivation ended stays ended: sessions and API tokens. The user is mailed.
 */
export async function reactivateUser(
  db: Db,
  viewer: Viewer,
  input: { userId: string; expectedVersion: number },
  portalUrl: string,
): Promise<Result<UserRow>> {
  requireRole(viewer, USER_CREATORS);
  return mutate(db, async (tx) => {
    const [target] = await tx
      .select({ organisationId: users.organisationId })
      .from(users)
      .where(and(colleagueScope(viewer), eq(users.id, input.userId)));
    if (!target) return userError(E.NOT_FOUND, "No such user.", ["input", "userId"]);
    // The organisation's row first, as every user change takes it: a deactivation of it waits for this, or we for it.
    const [org] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.id, target.organisationId))
      .for("update");
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (user!.version !== input.expectedVersion)
      return userError(
        E.STALE_VERSION,
        `Someone else changed the user meanwhile (version ${user!.version}, you had ${input.expectedVersion}). Reload and try again.`,
        ["input", "expectedVersion"],
      );
    if (user!.anonymisedAt)
      return userError(E.USER_ANONYMISED, "The user was anonymised; invite the person again instead.", [
        "input",
        "userId",
      ]);
    if (!user!.deactivatedAt)
      return userError(E.USER_NOT_DEACTIVATED, "The user is not deactivated.", ["input", "userId"]);
    if (org!.deactivatedAt)
      return userError(E.ORGANISATION_DEACTIVATED, `${org!.name} is deactivated; reactivate the organisation first.`, [
        "input",
        "userId",
      ]);
    const [row] = await tx
      .update(users)
      .set({ deactivatedAt: null, version: sql`${users.version} + 1` })
      .where(eq(users.id, user!.id))
      .returning();
    await recordAudit(tx, viewer, {
      action: "user.reactivate",
      objectType: "User",
      objectId: user!.id,
      organisationId: user!.organisationId,
      details: { email: user!.email, before: { deactivatedAt: user!.deactivatedAt }, after: { deactivatedAt: null } },
    });
    await queueMail(tx, USER_REACTIVATED_MAIL, row!, { name: row!.name, organisationName: org!.name, portalUrl });
    return ok(row!);
  });
}
