import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { organisations, users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { ROLES_BY_KIND, holds, type Role, type Viewer, requireRole } from "../../shared/viewer.js";
import { apiTokenCache, endUserAccess } from "../access/index.js";
import { anotherAdminRemains } from "./board-leave.js";
import { administeredOrganisations } from "./registered-customer-administration.js";
import { PartyErrors } from "./party.errors.js";
import { ORGANISATION_ADMINS, USER_CREATORS } from "./party.roles.js";

type UserRow = typeof users.$inferSelect;

/**
 * The user to manage, with its organisation locked: two admins removing each other at once queue
 * here, so the last-admin check sees the other's change. Admins manage anyone; partner and
 * customer admins their own organisation, a partner admin also the customers it registered (others answer as
 * missing).
 */
async function lockUser(
  tx: Tx,
  viewer: Viewer,
  userId: string,
): Promise<{ user: UserRow; kind: keyof typeof ROLES_BY_KIND } | null> {
  const [target] = await tx
    .select()
    .from(users)
    .where(and(administeredOrganisations(viewer, users.organisationId), eq(users.id, userId)));
  if (!target) return null;
  const [org] = await tx
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, target.organisationId))
    .for("update");
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  return { user: user!, kind: org!.kind };
}

const notFound = () => userError(PartyErrors.NOT_FOUND, "No such user.", ["input", "userId"]);
const lastAdmin = () =>
  userError(PartyErrors.LAST_ADMIN, "This is the organisation's last active admin: make another user admin first.", [
    "input",
    "userId",
  ]);

export async function deactivateUser(db: Db, viewer: Viewer, input: { userId: string }): Promise<Result<UserRow>> {
  requireRole(viewer, USER_CREATORS);
  const result = await mutate(db, async (tx) => {
    const found = await lockUser(tx, viewer, input.userId);
    if (!found) return notFound();
    const { user } = found;
    if (user.deactivatedAt)
      return userError(PartyErrors.ALREADY_DEACTIVATED, "The user is already deactivated.", ["input", "userId"]);
    if (holds(user, ORGANISATION_ADMINS) && !(await anotherAdminRemains(tx, user))) return lastAdmin();
    const now = new Date();
    const [row] = await tx
      .update(users)
      .set({ deactivatedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id))
      .returning();
    await endUserAccess(tx, user.id, now);
    await recordAudit(tx, viewer, {
      action: "user.deactivate",
      objectType: "User",
      objectId: user.id,
      organisationId: user.organisationId,
      details: { email: user.email },
    });
    return ok(row!);
  });
  // Once committed: the user's API tokens were revoked with the change.
  apiTokenCache.forgetUser(input.userId);
  return result;
}

export async function changeUserRole(
  db: Db,
  viewer: Viewer,
  input: { userId: string; role: Role },
): Promise<Result<UserRow>> {
  requireRole(viewer, USER_CREATORS);
  const result = await mutate(db, async (tx) => {
    const found = await lockUser(tx, viewer, input.userId);
    if (!found) return notFound();
    const { user, kind } = found;
    if (!ROLES_BY_KIND[kind].includes(input.role)) {
      return userError(
        PartyErrors.ROLE_NOT_ALLOWED_FOR_ORGANISATION,
        `A ${kind.toLowerCase()} user can have the roles ${ROLES_BY_KIND[kind].join(", ")}, not ${input.role}.`,
        ["input", "role"],
      );
    }
    if (user.deactivatedAt)
      return userError(PartyErrors.ALREADY_DEACTIVATED, "The user is deactivated.", ["input", "userId"]);
    if (user.role === input.role) return ok(user);
    if (
      holds(user, ORGANISATION_ADMINS) &&
      !holds({ role: input.role }, ORGANISATION_ADMINS) &&
      !(await anotherAdminRemains(tx, user))
    )
      return lastAdmin();
    const [row] = await tx
      .update(users)
      .set({ role: input.role, version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id))
      .returning();
    await endUserAccess(tx, user.id, new Date());
    await recordAudit(tx, viewer, {
      action: "user.changeRole",
      objectType: "User",
      objectId: user.id,
      organisationId: user.organisationId,
      details: { from: user.role, to: input.role },
    });
    return ok(row!);
  });
  // Once committed: the user's API tokens were revoked with the change.
  apiTokenCache.forgetUser(input.userId);
  return result;
}
