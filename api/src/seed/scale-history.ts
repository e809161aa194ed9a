import { sql } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { agreements, supportCases } from "../db/schema/index.js";
import { effectiveEndDateSql, statusSql } from "../modules/agreements/index.js";
import {
  agreementsEndingWithin,
  DEFAULT_RENEWAL_REMINDER_DAYS,
  hasEnded,
  inExpiringWindow,
  reminderToSend,
  weekOf,
} from "../modules/renewals/index.js";
import { escalationNote, installerDeadlinePassed } from "../modules/support/index.js";
import { clockAt } from "../shared/clock.js";
import { rowsOf } from "../shared/table-rows.js";
import { todayInSweden } from "../shared/dates.js";

/**
 * What the API's daily jobs would have left on a set loaded in bulk by `now`, as if they had run every day of its
 * history (issue 23): each ended agreement's lapse applied (its marker, its rentals ended on its last day), the
 * partners told of each agreement in its expiring window, the renewal reminder due for each agreement ending within
 * the thresholds and this week's digests marked sent, and every case an installer left past its deadline escalated
 * to the vendor's queue. Without it the API's first start on the full set spent minutes catching up (decision 0130),
 * which the bench counted as its pages' cost.
 *
 * Only the jobs' records and state are written, not the mail, audit events and webhooks of days that never ran: the
 * set has no one to read them. Which rows each job takes is the job's own condition, exported by its module, and so is
 * the escalation's note; `scale-views.test.ts` starts every job the API runs on a fresh set and fails if any
 * of them finds work, so a job that changes what it looks for cannot leave this behind unnoticed.
 */
export async function recordJobHistory(tx: Tx, now: Date): Promise<void> {
  const today = todayInSweden(now);
  const status = statusSql(clockAt(today));
  // The lapse job (renewals/lapse-job.ts, agreements/agreement-lapse.ts): the set has no add-ons, Hantera accounts
  // or visits booked after an end, so its marker and the rentals are all a lapse changes here.
  await tx.execute(sql`insert into agreement_lapses (agreement_id, ended_on, cause, applied_at)
    select id, ${effectiveEndDateSql}, ${status}, ${effectiveEndDateSql} + 1
    from ${agreements} where ${hasEnded(today)}`);
  await tx.execute(sql`update licence_rentals r set ended_on = l.ended_on from agreement_lapses l
    where l.agreement_id = r.agreement_id and r.ended_on is null and r.ends_on > l.ended_on`);
  // The expiry notice (renewals/expiry-notice-job.ts), told on the day the window opened.
  const window = clockAt(today).windowDays;
  await tx.execute(sql`insert into agreement_expiry_notices (agreement_id, ends_on, told_at)
    select id, ${effectiveEndDateSql}, ${effectiveEndDateSql} - ${window}::int
    from ${agreements} where ${inExpiringWindow(today, window)}`);
  // The reminders (renewals/renewal-reminders.ts): the one due now for each agreement, sent on its threshold's day.
  const ending = await agreementsEndingWithin(tx, today, Math.max(...DEFAULT_RENEWAL_REMINDER_DAYS));
  const reminders = ending.flatMap((a) => {
    const daysBefore = reminderToSend(a.daysLeft, DEFAULT_RENEWAL_REMINDER_DAYS, a.nearestSent);
    return daysBefore === null ? [] : [{ id: a.id, endsOn: a.endsOn, daysBefore }];
  });
  if (reminders.length > 0)
    await tx.execute(sql`insert into renewal_reminders (agreement_id, ends_on, days_before, recipients, sent_at)
      select r.id, r."endsOn", r."daysBefore", 0, r."endsOn" - r."daysBefore"
      from json_to_recordset(${JSON.stringify(reminders)}::json) as r(id uuid, "endsOn" date, "daysBefore" int)`);
  // This week's digest (renewals/renewal-digest.ts), for each seller with an agreement in it.
  const perSeller = new Map<string, number>();
  for (const a of ending) if (a.sellerId) perSeller.set(a.sellerId, (perSeller.get(a.sellerId) ?? 0) + 1);
  if (perSeller.size > 0)
    await tx.execute(sql`insert into renewal_digests (seller_id, week_of, agreements, sent_at)
      select s.id, ${weekOf(today)}::date, s.n, ${weekOf(today)}::date
      from json_to_recordset(${JSON.stringify([...perSeller].map(([id, n]) => ({ id, n })))}::json) as s(id uuid, n int)`);
  // The escalation (support/installer-escalation.ts), at the moment the installer's deadline passed.
  const passed = installerDeadlinePassed(now);
  const silent = rowsOf(
    await tx.execute(sql`select ${supportCases.id} as id, o.name from ${supportCases}
      left join organisations o on o.id = ${supportCases.partnerId} where ${passed}`),
  ).map((r) => ({ id: r.id as string, body: escalationNote(r.name as string | null) }));
  if (silent.length > 0)
    await tx.execute(sql`insert into support_case_messages (id, case_id, side, internal, handover, body, created_at)
      select md5('trygg-scale-20261206:escalation:' || c.id)::uuid, c.id, 'VENDOR', true, true, e.body, c.response_due_at
      from json_to_recordset(${JSON.stringify(silent)}::json) as e(id uuid, body text) join ${supportCases} c on c.id = e.id`);
  await tx.execute(sql`update ${supportCases} set routed_to = 'VENDOR', routing_reason = 'ESCALATED', assignee_id = null,
      escalated_at = response_due_at, updated_at = response_due_at
    where ${passed}`);
}
