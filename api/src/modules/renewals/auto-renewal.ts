import { and, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import { autoRenewalRefusals, autoRenewals, autoRenewalSteps } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { findAgreement, isValid, type AgreementRecord } from "../agreements/index.js";
import { mailAutoRenewalRefused } from "./auto-renewal-mail.js";
import { mayStillRefuse, noticeClosesOn } from "./auto-renewal-terms.js";
import { RenewalErrors as E } from "./renewals.errors.js";
import { AUTO_RENEWAL_REFUSERS, AUTO_RENEWAL_SETTERS } from "./renewals.roles.js";

/** The agreement's automatic renewal and the "no" said to it at its current end, if any. */
export async function autoRenewalOf(db: DbOrTx, a: Pick<AgreementRecord, "id" | "endsOn">) {
  const [setting] = await db.select().from(autoRenewals).where(eq(autoRenewals.agreementId, a.id));
  if (!setting) return null;
  const [refusal] = await db
    .select()
    .from(autoRenewalRefusals)
    .where(and(eq(autoRenewalRefusals.agreementId, a.id), eq(autoRenewalRefusals.endsOn, a.endsOn)));
  return {
    setting,
    refusal: refusal ?? null,
    endsOn: a.endsOn,
    closesOn: noticeClosesOn(a.endsOn, setting.noticeMonths),
  };
}

const missing = () => userError(E.NOT_FOUND, "No such agreement.", ["input", "agreementId"]);
const closed = (closesOn: string) =>
  userError(E.AUTO_RENEWAL_NOTICE_CLOSED, `The notice period closed on ${closesOn}; it is too late for this end.`);

/** The setting's row, locked: the job takes the same lock, so a change or a "no" and the renewal never cross. */
async function lockSetting(tx: Tx, agreementId: string) {
  const [row] = await tx.select().from(autoRenewals).where(eq(autoRenewals.agreementId, agreementId)).for("update");
  return row ?? null;
}

/**
 * The seller or an admin turns automatic renewal on with a notice in months, changes the notice, or turns it off
 * (null). Turning it on is refused once the notice for the current end would already have closed: the customer must
 * have had the whole notice period to say no.
 */
export async function setAutoRenewal(
  db: DbOrTx,
  viewer: Viewer,
  input: { agreementId: string; noticeMonths: number | null },
  clock: Clock,
): Promise<Result<AgreementRecord>> {
  requireRole(viewer, AUTO_RENEWAL_SETTERS);
  return mutate(db, async (tx) => {
    const a = await findAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return missing();
    const before = await lockSetting(tx, a.id);
    const months = input.noticeMonths;
    if (months === null) {
      if (before) await tx.delete(autoRenewals).where(eq(autoRenewals.agreementId, a.id));
    } else {
      if (!Number.isInteger(months) || months < 1 || months > 24)
        return userError(E.INVALID_INPUT, "The notice is 1–24 whole months.", ["input", "noticeMonths"]);
      if (!isValid(a.status) || a.terminatedOn)
        return userError(E.AGREEMENT_NOT_RENEWABLE, `A ${a.status.toLowerCase()} agreement does not renew.`);
      if (!mayStillRefuse(clock.today, a.endsOn, months)) return closed(noticeClosesOn(a.endsOn, months));
      await tx
        .insert(autoRenewals)
        .values({ agreementId: a.id, noticeMonths: months, setById: viewer.userId })
        .onConflictDoUpdate({
          target: autoRenewals.agreementId,
          set: { noticeMonths: months, setById: viewer.userId, setAt: new Date() },
        });
    }
    await recordAudit(tx, viewer, {
      action: "agreement.autoRenewalSet",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
      details: { noticeMonths: months, before: before?.noticeMonths ?? null },
    });
    return ok(a);
  });
}

/**
 * Either side says no ("säg upp") to the renewal at the current end, before the notice period closes; the agreement
 * then ends with its period, as one not renewed does. After the close, or once the job has renewed, it is too late.
 */
export async function refuseAutoRenewal(
  db: DbOrTx,
  viewer: Viewer,
  input: { agreementId: string; reason?: string | null },
  clock: Clock,
  portalUrl: string,
): Promise<Result<AgreementRecord>> {
  requireRole(viewer, AUTO_RENEWAL_REFUSERS);
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > 500)
    return userError(E.INVALID_INPUT, "The reason is at most 500 characters.", ["input", "reason"]);
  return mutate(db, async (tx) => {
    const a = await findAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return missing();
    const setting = await lockSetting(tx, a.id);
    if (!setting) return userError(E.AUTO_RENEWAL_NOT_SET, `Agreement ${a.number} does not renew automatically.`);
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
    const closesOn = noticeClosesOn(a.endsOn, setting.noticeMonths);
    if (renewed || !mayStillRefuse(clock.today, a.endsOn, setting.noticeMonths)) return closed(closesOn);
    const [refusal] = await tx
      .insert(autoRenewalRefusals)
      .values({ agreementId: a.id, endsOn: a.endsOn, refusedById: viewer.userId, reason })
      .onConflictDoNothing()
      .returning();
    // A second "no" to the same end changes nothing and tells no one again.
    if (!refusal) return ok(a);
    const mailed = await mailAutoRenewalRefused(tx, a, viewer, reason, portalUrl);
    await recordAudit(tx, viewer, {
      action: "agreement.autoRenewalRefused",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
      details: { endsOn: a.endsOn, closesOn, reason, mailed },
    });
    return ok(a);
  });
}
