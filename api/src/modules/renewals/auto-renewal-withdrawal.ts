import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { autoRenewalRefusals, autoRenewals, autoRenewalSteps } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { findAgreement, type AgreementRecord } from "../agreements/index.js";
import { userWithKind } from "../parties/index.js";
import { mailAutoRenewalRefusalWithdrawn } from "./auto-renewal-mail.js";
import { mayStillRefuse, noticeClosesOn } from "./auto-renewal-terms.js";
import { RenewalErrors as E } from "./renewals.errors.js";
import { AUTO_RENEWAL_REFUSERS } from "./renewals.roles.js";

/**
 * The two sides of an automatic renewal: the customer (its admins) and the vendor (the seller and the vendor's
 * admins). A "no" belongs to the side that said it, not to the one person: a board member or seller may be away.
 */
export const sideOf = (organisationKind: string) => (organisationKind === "CUSTOMER" ? "CUSTOMER" : "VENDOR");

/** The side of whoever said the "no"; null when the user is gone from the register. */
export async function refusingSide(db: DbOrTx, refusedById: string) {
  const refuser = await userWithKind(db, refusedById);
  return refuser ? sideOf(refuser.kind) : null;
}

/**
 * The side that said no takes it back while the notice period is still open (decision 0091): the agreement then
 * renews on its own on the day the notice closes, as if no one had said no. The "no" is removed (the audit trail
 * keeps it), so either side may say no again before the close. Same row lock as the "no" and the job, so a take-back
 * at 23:59:59 and the renewal at midnight never cross.
 */
export async function withdrawAutoRenewalRefusal(
  db: DbOrTx,
  viewer: Viewer,
  input: { agreementId: string },
  clock: Clock,
  portalUrl: string,
): Promise<Result<AgreementRecord>> {
  requireRole(viewer, AUTO_RENEWAL_REFUSERS);
  return mutate(db, async (tx) => {
    const a = await findAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return userError(E.NOT_FOUND, "No such agreement.", ["input", "agreementId"]);
    const [setting] = await tx.select().from(autoRenewals).where(eq(autoRenewals.agreementId, a.id)).for("update");
    if (!setting) return userError(E.AUTO_RENEWAL_NOT_SET, `Agreement ${a.number} does not renew automatically.`);
    const thisEnd = and(eq(autoRenewalRefusals.agreementId, a.id), eq(autoRenewalRefusals.endsOn, a.endsOn));
    const [refusal] = await tx.select().from(autoRenewalRefusals).where(thisEnd);
    if (!refusal) return userError(E.AUTO_RENEWAL_NOT_REFUSED, `No one has said no to renewing ${a.number}.`);
    const side = sideOf(viewer.organisationKind);
    if ((await refusingSide(tx, refusal.refusedById)) !== side)
      return userError(E.AUTO_RENEWAL_REFUSED_BY_OTHER_SIDE, "Only the side that said no may take it back.");
    const closesOn = noticeClosesOn(a.endsOn, setting.noticeMonths);
    const [renewed] = await tx
      .select()
      .from(autoRenewalSteps)
      .where(
        and(
          eq(autoRenewalSteps.agreementId, a.id),
          eq(autoRenewalSteps.endsOn, a.endsOn),
          eq(autoRenewalSteps.step, "RENEWED"),
        ),
      );
    if (renewed || !mayStillRefuse(clock.today, a.endsOn, setting.noticeMonths))
      return userError(E.AUTO_RENEWAL_NOTICE_CLOSED, `The notice period closed on ${closesOn}; it is too late.`);
    await tx.delete(autoRenewalRefusals).where(thisEnd);
    const mailed = await mailAutoRenewalRefusalWithdrawn(tx, a, viewer, side === "CUSTOMER", closesOn, portalUrl);
    await recordAudit(tx, viewer, {
      action: "agreement.autoRenewalRefusalWithdrawn",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
      details: {
        endsOn: a.endsOn,
        closesOn,
        refusedById: refusal.refusedById,
        refusedAt: refusal.refusedAt,
        reason: refusal.reason,
        mailed,
      },
    });
    return ok(a);
  });
}
