import type { Db, DbOrTx } from "../../db/client.js";
import { renewalReminders } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { todayInSweden, type IsoDate } from "../../shared/dates.js";
import { toGlobalId } from "../../shared/ids.js";
import { hostingRunning } from "../agreements/index.js";
import { checksStoppingWith } from "../monitoring/index.js";
import { queueMailToEach, recipientsOf, usersWanting } from "../notifications/index.js";
import { agreementsEndingWithin, type EndingAgreement } from "./renewal-candidates.js";
import { RENEWAL_REMINDER_MAIL } from "./renewal.mails.js";
import { reminderToSend } from "./renewal-thresholds.js";

export interface RenewalMailSettings {
  /** Days before the end at which a reminder goes out (RENEWAL_REMINDER_DAYS). */
  reminderDays: readonly number[];
  portalUrl: string;
  /** Days before an automatic renewal's notice closes at which the customer is told (AUTO_RENEWAL_NOTICE_MAIL_DAYS). */
  autoRenewalNoticeMailDays?: number;
  /** How long before its end an agreement counts as expiring (AGREEMENT_EXPIRING_WINDOW_DAYS), as the API's status. */
  expiringWindowDays?: number;
}

/**
 * Queues the renewal reminders due now to the seller, the customer's admins and the signing partner's
 * admins (those who have not turned RENEWAL_REMINDER off). Exactly once per agreement, end and
 * threshold with any number of API processes and restarts: the reminder row is inserted first and
 * only the transaction whose insert wins queues the mail, beside it, in the outbox.
 */
export async function queueRenewalReminders(db: Db, now: Date, settings: RenewalMailSettings): Promise<number> {
  const today = todayInSweden(now);
  const ending = await agreementsEndingWithin(db, today, Math.max(0, ...settings.reminderDays));
  let sent = 0;
  for (const a of ending) {
    const days = reminderToSend(a.daysLeft, settings.reminderDays, a.nearestSent);
    if (days !== null) sent += await remind(db, a, days, settings, today);
  }
  return sent;
}

/**
 * The last reminder before the end also names the monitored checks and hosted services that stop on that day if the
 * agreement is not renewed: the brochure's monitoring "pauses them with a notice to the customer — never a silent
 * stop", and this notice goes out once per period with the reminder it rides on.
 */
async function windDownOf(
  tx: DbOrTx,
  a: EndingAgreement,
  daysBefore: number,
  settings: RenewalMailSettings,
  today: IsoDate,
) {
  if (daysBefore !== Math.min(...settings.reminderDays)) return undefined;
  const [checks, hosting] = await Promise.all([checksStoppingWith(tx, a, today), hostingRunning(tx, a.id, today)]);
  return { checks, hosting };
}

async function remind(db: Db, a: EndingAgreement, daysBefore: number, settings: RenewalMailSettings, today: IsoDate) {
  return db.transaction(async (tx) => {
    const people = [
      ...(await usersWanting(tx, "RENEWAL_REMINDER", a.sellerId ? [a.sellerId] : [])),
      ...(await recipientsOf(tx, "RENEWAL_REMINDER", a.partnerId ? [a.customerId, a.partnerId] : [a.customerId])),
    ];
    const to = [...new Set(people.map((p) => p.email))];
    const [won] = await tx
      .insert(renewalReminders)
      .values({ agreementId: a.id, endsOn: a.endsOn, daysBefore, recipients: to.length })
      .onConflictDoNothing()
      .returning();
    if (!won) return 0;
    const windDown = await windDownOf(tx, a, daysBefore, settings, today);
    await queueMailToEach(tx, RENEWAL_REMINDER_MAIL, people, {
      windDown,
      number: a.number,
      customerName: a.customerName,
      daysLeft: a.daysLeft,
      endsOn: a.endsOn,
      agreementUrl: `${settings.portalUrl}/agreements/${encodeURIComponent(toGlobalId("Agreement", a.id))}`,
      accountUrl: `${settings.portalUrl}/account`,
    });
    await recordAudit(tx, null, {
      action: "agreement.renewalReminder",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
      details: {
        endsOn: a.endsOn,
        daysBefore,
        daysLeft: a.daysLeft,
        recipients: to,
        ...(windDown ? { checksStopping: windDown.checks.length, hostingStopping: windDown.hosting.length } : {}),
      },
    });
    return to.length;
  });
}
