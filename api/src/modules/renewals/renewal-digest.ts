import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { licenceRentals, renewalDigests } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { todayInSweden } from "../../shared/dates.js";
import { groupBy } from "../../shared/group-by.js";
import { yearlyValueMinor } from "../agreements/index.js";
import { baseFeesOn } from "../pricing/index.js";
import { queueMail, usersWanting } from "../notifications/index.js";
import { agreementsEndingWithin, type EndingAgreement } from "./renewal-candidates.js";
import { RENEWAL_DIGEST_MAIL, type DigestLine as WordedLine } from "./renewal.mails.js";
import type { RenewalMailSettings } from "./renewal-reminders.js";
import { weekOf } from "./renewal-thresholds.js";

type DigestLine = EndingAgreement & WordedLine;

/**
 * The Monday digest: each seller's agreements that end within the reminder thresholds (30, 60, 90
 * days), grouped by the nearest one, each with its yearly value (twelve months of its running
 * rentals and base fee, as the dashboard shows it). Once per seller and week with any number of
 * processes: the digest row is inserted first. Sent on the first pass of the week, so a server that
 * was down on Monday sends it when it is back; a seller with nothing ending gets no mail.
 */
export async function queueRenewalDigests(db: Db, now: Date, settings: RenewalMailSettings): Promise<number> {
  const today = todayInSweden(now);
  const thresholds = [...settings.reminderDays].sort((x, y) => x - y);
  const ending = (await agreementsEndingWithin(db, today, thresholds.at(-1) ?? 0)).filter((a) => a.sellerId);
  if (ending.length === 0) return 0;
  const rentals = await db
    .select()
    .from(licenceRentals)
    .where(
      inArray(
        licenceRentals.agreementId,
        ending.map((a) => a.id),
      ),
    );
  const fees = await baseFeesOn(db, today);
  const rentalsOf = groupBy(
    ending.map((a) => a.id),
    rentals,
    (r) => r.agreementId,
  );
  const lines: DigestLine[] = ending.map((a, i) => ({
    ...a,
    // Every agreement here is in force (agreementsEndingWithin reads valid ones only).
    yearlyValueMinor: yearlyValueMinor({ status: "ACTIVE" }, rentalsOf[i]!, fees(a.tier), today),
  }));
  const sellers = await usersWanting(db, "RENEWAL_DIGEST", [...new Set(lines.map((l) => l.sellerId!))]);
  const week = weekOf(today);
  let sent = 0;
  for (const seller of sellers) {
    const mine = lines.filter((l) => l.sellerId === seller.userId);
    sent += await db.transaction(async (tx) => {
      const [won] = await tx
        .insert(renewalDigests)
        .values({ sellerId: seller.userId, weekOf: week, agreements: mine.length })
        .onConflictDoNothing()
        .returning();
      if (!won) return 0;
      await queueMail(tx, RENEWAL_DIGEST_MAIL, seller, {
        groups: groupsOf(mine, thresholds),
        today,
        week,
        portalUrl: settings.portalUrl,
      });
      await recordAudit(tx, null, {
        action: "renewal.digest",
        objectType: "User",
        objectId: seller.userId,
        details: { weekOf: week, agreementIds: mine.map((l) => l.id) },
      });
      return 1;
    });
  }
  return sent;
}

/** The lines grouped by the nearest threshold (each after the one before). */
function groupsOf(lines: DigestLine[], thresholds: number[]) {
  return thresholds.map((days, i) => ({
    days,
    lines: lines.filter((l) => l.daysLeft <= days && (i === 0 || l.daysLeft > thresholds[i - 1]!)),
  }));
}
