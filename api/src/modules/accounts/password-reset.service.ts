import { and, eq, isNull } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../../db/client.js";
import { passwordResets } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { hashPassword } from "../../shared/password.js";
import { hashToken, newSecret } from "../../shared/secret-token.js";
import { mutate } from "../../shared/transaction.js";
import { apiTokenCache, endUserAccess } from "../access/index.js";
import { queueMail } from "../notifications/index.js";
import {
  PartyErrors,
  findActiveUserByEmail,
  passwordProblem,
  setUserPassword,
  userWithKind,
} from "../parties/index.js";
import { NO_ACCOUNT_MAIL, PASSWORD_RESET_MAIL } from "./account.mails.js";
import { AccountErrors } from "./accounts.errors.js";
import { RESET_ANSWER_FLOOR_MS, RESET_LINK_MINUTES } from "./account-lifetimes.js";
import type { AccountSettings } from "./invitation.service.js";
import type { ResetThrottle } from "./reset-throttle.js";

const RESET_PREFIX = "tgr_";

/**
 * Someone at the log-in page asks for a reset link. The answer is the same whether or not the
 * address has an account, and so is the work: both paths count the request, make and hash a token,
 * write one row of record and queue one mail in one transaction. A known address gets the link; an
 * unknown one a mail saying there is no account (so its owner, not the asker, learns that).
 */
export async function requestPasswordReset(
  db: Db,
  deps: { throttle: ResetThrottle; settings: AccountSettings; answerAfterMs?: number },
  request: { ip: string; requestId: string | null },
  input: { email: string },
): Promise<void> {
  const started = performance.now();
  const email = input.email.trim().toLowerCase();
  await deps.throttle.attempt(email, request.ip);
  const { now, portalUrl } = deps.settings;
  const token = newSecret(RESET_PREFIX);
  const tokenHash = hashToken(token);
  await db.transaction(async (tx) => {
    const user = await findActiveUserByEmail(tx, email);
    if (!user) {
      // Kept without the address typed (it is no one's account, perhaps a stranger's), to show a guesser's pace.
      await recordAudit(tx, null, {
        action: "passwordReset.requestUnknown",
        objectType: "PasswordResetRequest",
        objectId: randomUUID(),
        details: { ip: request.ip, requestId: request.requestId },
      });
      // No one's account, so no one's language: Swedish, the portal's first.
      await queueMail(tx, NO_ACCOUNT_MAIL, { email, language: "SV" }, { address: email, portalUrl });
      return;
    }
    // The row is the known address's record of the request, as the audit entry is the unknown one's:
    // one insert on each path, so neither answers slower.
    await tx.insert(passwordResets).values({
      userId: user.id,
      tokenHash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
      ipAddress: request.ip,
      requestId: request.requestId,
    });
    await queueMail(tx, PASSWORD_RESET_MAIL, user, {
      name: user.name,
      link: `${portalUrl}/reset-password/${token}`,
      minutes: RESET_LINK_MINUTES,
    });
  });
  // The two paths differ by what the database does for a foreign key and an index or two, which a patient
  // guesser could average out; no answer comes sooner than the floor, so both take the same time.
  const wait = (deps.answerAfterMs ?? RESET_ANSWER_FLOOR_MS) - (performance.now() - started);
  if (wait > 0) await sleep(wait);
}

/**
 * The link's holder sets a new password. The link is used up, every other link of the user too,
 * and every session and API token of the user ends: whoever knew the old password is out.
 */
export async function completePasswordReset(
  db: Db,
  settings: AccountSettings,
  input: { token: string; password: string },
): Promise<Result<{ email: string }>> {
  const tokenHash = hashToken(input.token);
  const invalid = userError(AccountErrors.RESET_LINK_INVALID, "The link is not valid, or it has already been used.", [
    "input",
    "token",
  ]);
  const [reset] = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash));
  const owner = reset && !reset.usedAt ? await userWithKind(db, reset.userId) : null;
  if (!reset || !owner || owner.user.deactivatedAt) return invalid;
  if (reset.expiresAt <= settings.now)
    return userError(AccountErrors.RESET_LINK_EXPIRED, "The link has expired; ask for a new one.", ["input", "token"]);
  const { user } = owner;
  const weak = passwordProblem(input.password, { email: user.email, name: user.name });
  if (weak) return userError(PartyErrors[weak.code], weak.message, ["input", "password"]);
  const passwordHash = await hashPassword(input.password);
  const result = await mutate(db, async (tx) => {
    // Used up here, conditionally: of two tabs sending the same link, one wins.
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: settings.now })
      .where(and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (!used) return invalid;
    await tx
      .update(passwordResets)
      .set({ usedAt: settings.now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await setUserPassword(tx, user.id, passwordHash);
    await endUserAccess(tx, user.id, settings.now);
    await recordAudit(tx, null, {
      action: "passwordReset.complete",
      objectType: "User",
      objectId: user.id,
      organisationId: user.organisationId,
      details: { resetId: reset.id },
    });
    return ok({ email: user.email });
  });
  // Once committed, so that no request reads a token as it was and caches it again.
  if ("ok" in result) apiTokenCache.forgetUser(user.id);
  return result;
}
