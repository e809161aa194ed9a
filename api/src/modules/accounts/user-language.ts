import type { Db } from "../../db/client.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import type { Viewer } from "../../shared/viewer.js";
import { setUserLanguage, type Language } from "../parties/index.js";
import { AccountErrors } from "./accounts.errors.js";

/**
 * The caller chooses the language Trygg speaks to them in (decision 0075): the portal after the next log-in and
 * at once, and every e-mail and protocol made for them. Only one's own: a language is a person's choice, not an
 * admin's.
 */
export async function setMyLanguage(db: Db, viewer: Viewer, language: Language) {
  return mutate(db, async (tx): Promise<Result<NonNullable<Awaited<ReturnType<typeof setUserLanguage>>>["after"]>> => {
    const changed = await setUserLanguage(tx, viewer.userId, language);
    if (!changed) return userError(AccountErrors.NOT_FOUND, "No such user.");
    if (changed.before.language !== language)
      await recordAudit(tx, viewer, {
        action: "user.setLanguage",
        objectType: "User",
        objectId: viewer.userId,
        organisationId: changed.before.organisationId,
        details: { before: { language: changed.before.language }, after: { language } },
      });
    return ok(changed.after);
  });
}
