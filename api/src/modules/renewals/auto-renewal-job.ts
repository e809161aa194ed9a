import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { agreements, autoRenewalRefusals, autoRenewals, autoRenewalSteps } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { clockAt, type Clock } from "../../shared/clock.js";
import { addDaysIso, todayInSweden } from "../../shared/dates.js";
import { isRenewable, renewAgreementOnItsOwn, selectAgreements, type AgreementRecord } from "../agreements/index.js";
import { mailAutoRenewalNotice, mailAutoRenewed } from "./auto-renewal-mail.js";
import { noticeClosesOn } from "./auto-renewal-terms.js";
import { nextPeriod } from "./renewal-quote-pricing.js";

export interface AutoRenewalSettings {
  /** Days before the notice closes at which the customer's admins are told (AUTO_RENEWAL_NOTICE_MAIL_DAYS). */
  noticeMailDays: number;
  portalUrl: string;
}

/** The renewal rule refused (the agreement changed since it was read): the step is rolled back for the next pass. */
class RuleRefused extends Error {}

/**
 * The automatic renewals due today (Europe/Stockholm), and the advance notices. Each agreement is its own
 * transaction, in the lapse job's way: the setting's row is claimed with FOR UPDATE SKIP LOCKED (another process at
 * it is left alone; a "no" being said waits), the "no" is read again under the lock, and a marker row per end and
 * step is inserted first, so only the transaction whose insert wins renews or mails. A pass after downtime renews
 * every agreement whose notice closed meanwhile (not its notice, which would come too late to act on).
 */
export async function applyAutoRenewals(
  db: Db,
  now: Date,
  settings: AutoRenewalSettings,
): Promise<{ noticed: number; renewed: number; refusedByRule: number }> {
  const clock = clockAt(todayInSweden(now));
  const set = await db.select().from(autoRenewals);
  const records = set.length
    ? await selectAgreements(
        db,
        inArray(
          agreements.id,
          set.map((s) => s.agreementId),
        ),
        clock,
      )
    : [];
  const result = { noticed: 0, renewed: 0, refusedByRule: 0 };
  for (const a of records) {
    if (!isRenewable(a.status) || a.terminatedOn) continue;
    const months = set.find((s) => s.agreementId === a.id)!.noticeMonths;
    const closesOn = noticeClosesOn(a.endsOn, months);
    if (clock.today >= closesOn) {
      const done = await renewOne(db, a, clock, settings).catch((e: unknown) => {
        if (e instanceof RuleRefused) return "refused" as const;
        throw e;
      });
      if (done === "refused") result.refusedByRule++;
      else result.renewed += done;
    } else if (clock.today >= addDaysIso(closesOn, -settings.noticeMailDays)) {
      result.noticed += await noticeOne(db, a, closesOn, settings);
    }
  }
  return result;
}

type Setting = typeof autoRenewals.$inferSelect;

/**
 * Locks the setting and reads the "no" said to this end after the lock; then, if the step is still due by the locked
 * setting (its notice may have changed since the pass read it), inserts the step's marker. Null unless it won.
 */
async function claim(tx: Tx, a: AgreementRecord, step: "NOTICE" | "RENEWED", due: (s: Setting) => boolean) {
  const [setting] = await tx
    .select()
    .from(autoRenewals)
    .where(eq(autoRenewals.agreementId, a.id))
    .for("update", { skipLocked: true });
  if (!setting) return null;
  const [refused] = await tx
    .select({ at: autoRenewalRefusals.refusedAt })
    .from(autoRenewalRefusals)
    .where(and(eq(autoRenewalRefusals.agreementId, a.id), eq(autoRenewalRefusals.endsOn, a.endsOn)));
  if (refused || !due(setting)) return null;
  const [won] = await tx
    .insert(autoRenewalSteps)
    .values({ agreementId: a.id, endsOn: a.endsOn, step })
    .onConflictDoNothing()
    .returning();
  return won ? setting : null;
}

async function renewOne(db: Db, a: AgreementRecord, clock: Clock, settings: AutoRenewalSettings): Promise<number> {
  return db.transaction(async (tx) => {
    const due = (s: Setting) => clock.today >= noticeClosesOn(a.endsOn, s.noticeMonths);
    const setting = await claim(tx, a, "RENEWED", due);
    if (!setting) return 0;
    const closesOn = noticeClosesOn(a.endsOn, setting.noticeMonths);
    const period = nextPeriod(a.endsOn);
    const renewed = await renewAgreementOnItsOwn(
      tx,
      { agreementId: a.id, endsOn: period.endsOn, carryOverRentals: true, fromEndsOn: a.endsOn },
      clock,
    );
    if ("errors" in renewed) throw new RuleRefused(renewed.errors.map((e) => e.code).join(", "));
    const mailed = await mailAutoRenewed(tx, a, { closesOn, ...period }, settings.portalUrl);
    await recordAudit(tx, null, {
      action: "agreement.autoRenewed",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
      details: { renewedFromEnd: a.endsOn, closesOn, ...period, noticeMonths: setting.noticeMonths, mailed },
    });
    return 1;
  });
}

async function noticeOne(db: Db, a: AgreementRecord, closesOn: string, settings: AutoRenewalSettings) {
  return db.transaction(async (tx) => {
    const setting = await claim(tx, a, "NOTICE", (s) => noticeClosesOn(a.endsOn, s.noticeMonths) === closesOn);
    if (!setting) return 0;
    const period = nextPeriod(a.endsOn);
    const mailed = await mailAutoRenewalNotice(tx, a, { closesOn, ...period }, settings.portalUrl);
    await recordAudit(tx, null, {
      action: "agreement.autoRenewalNotice",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
      details: { endsOn: a.endsOn, closesOn, mailed },
    });
    return 1;
  });
}
