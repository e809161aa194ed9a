import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { AccessErrors as E } from "./access.errors.js";
import { LOCKOUT_KEEPERS } from "./access.roles.js";
import type { LoginThrottle } from "./login-throttle.js";

export type UserRow = typeof users.$inferSelect;

export interface LockedOutUser {
  user: UserRow;
  until: Date;
  everywhere: boolean;
}

/**
 * The users who cannot log in right now because of the log-in limits, soonest free first. Counters
 * for addresses that are nobody's account (someone guessing) are not a person to help, so left out.
 */
export async function lockedOutUsers(db: Db, viewer: Viewer, throttle: LoginThrottle): Promise<LockedOutUser[]> {
  requireRole(viewer, LOCKOUT_KEEPERS);
  const lockouts = await throttle.lockouts();
  if (lockouts.length === 0) return [];
  const rows = await db
    .select()
    .from(users)
    .where(
      inArray(
        users.email,
        lockouts.map((l) => l.email),
      ),
    );
  return lockouts
    .flatMap((l) => {
      const user = rows.find((u) => u.email === l.email);
      return user ? [{ user, until: l.until, everywhere: l.everywhere }] : [];
    })
    .sort((a, b) => a.until.getTime() - b.until.getTime());
}

/** An admin who has made sure it is the user asking lets the account try again, from every address; audited. */
export async function unlockLogin(
  db: Db,
  viewer: Viewer,
  throttle: LoginThrottle,
  input: { userId: string },
): Promise<Result<UserRow>> {
  requireRole(viewer, LOCKOUT_KEEPERS);
  const locked = (await lockedOutUsers(db, viewer, throttle)).find((l) => l.user.id === input.userId);
  if (!locked) {
    const exists = (await db.select({ id: users.id }).from(users).where(eq(users.id, input.userId))).length > 0;
    return exists
      ? userError(E.NOT_LOCKED_OUT, "The user is not locked out.", ["input", "userId"])
      : userError(E.NOT_FOUND, "No such user.", ["input", "userId"]);
  }
  const r = await mutate(db, async (tx) => {
    await recordAudit(tx, viewer, {
      action: "user.unlockLogin",
      objectType: "User",
      objectId: locked.user.id,
      organisationId: locked.user.organisationId,
      details: { email: locked.user.email, lockedUntil: locked.until.toISOString(), everywhere: locked.everywhere },
    });
    return ok(locked.user);
  });
  // Released once the audit row is committed: an unlock is never left unrecorded.
  if ("ok" in r) await throttle.release(locked.user.email);
  return r;
}
