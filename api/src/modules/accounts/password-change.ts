import type { Db } from "../../db/client.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { hashPassword, verifyPassword } from "../../shared/password.js";
import { mutate } from "../../shared/transaction.js";
import type { Viewer } from "../../shared/viewer.js";
import { endOtherSessions, type LoginThrottle } from "../access/index.js";
import { PartyErrors, passwordProblem, setUserPassword, userWithKind } from "../parties/index.js";
import { AccountErrors } from "./accounts.errors.js";

/**
 * A logged-in user changes their password, giving the current one: a session left open on a shared
 * computer does not let someone else take the account over. The attempt counts against the log-in
 * limits, so the current password cannot be guessed here either. The user's other sessions end.
 */
export async function changePassword(
  db: Db,
  deps: { throttle: LoginThrottle; now: Date },
  viewer: Viewer,
  request: { ip: string },
  input: { currentPassword: string; newPassword: string },
): Promise<Result<true>> {
  const found = await userWithKind(db, viewer.userId);
  if (!found) return userError(AccountErrors.NOT_FOUND, "No such user.");
  const { user } = found;
  await deps.throttle.attempt(user.email, request.ip);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    return userError(AccountErrors.WRONG_PASSWORD, "The current password is wrong.", ["input", "currentPassword"]);
  await deps.throttle.succeeded(user.email, request.ip);
  const weak = passwordProblem(input.newPassword, { email: user.email, name: user.name });
  if (weak) return userError(PartyErrors[weak.code], weak.message, ["input", "newPassword"]);
  const passwordHash = await hashPassword(input.newPassword);
  return mutate(db, async (tx) => {
    await setUserPassword(tx, user.id, passwordHash);
    await endOtherSessions(tx, user.id, viewer.sessionId, deps.now);
    await recordAudit(tx, viewer, {
      action: "user.changePassword",
      objectType: "User",
      objectId: user.id,
      organisationId: user.organisationId,
    });
    return ok(true as const);
  });
}
