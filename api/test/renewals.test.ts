import { describe, expect, it } from "vitest";
import { applyLapses, queueRenewalReminders } from "../src/modules/renewals/index.js";
import { addDaysIso, todayInSweden } from "../src/shared/dates.js";
import { demoForProcesses } from "./api-processes.js";

/**
 * Issue 21's "exactly once across two processes and a restart", on PostgreSQL: two connection pools
 * stand for two API processes, running the renewal jobs at the same instant on one database, and a
 * third, opened after both closed, stands for the restarted server.
 */
const w = demoForProcesses("trygg_renewals");
const settings = { reminderDays: [90, 60, 30], portalUrl: "https://trygg.example" };
const now = new Date();
const today = todayInSweden(now);

const reminderMails = async () =>
  (await w.sql`select to_address, subject from email_outbox where subject like 'Avtal % löper ut om %'`).map(
    (r) => `${r.to_address} ${r.subject}`,
  );

describe("renewal reminders on PostgreSQL", () => {
  it("go out exactly once when two processes run the job at the same instant, and not again after a restart", async () => {
    // Three active agreements brought to 25, 55 and 85 days before their end: each has one reminder due.
    const active = await w.sql`select a.id, max(p.ends_on) as ends_on from agreements a
      join agreement_periods p on p.agreement_id = a.id
      where a.activated_at is not null and a.terminated_on is null
      group by a.id having max(p.ends_on) >= ${addDaysIso(today, 100)}::date order by a.number limit 3`;
    expect(active).toHaveLength(3);
    for (const [i, a] of active.entries())
      await w.sql`update agreement_periods set ends_on = ${addDaysIso(today, 25 + 30 * i)}::date
        where agreement_id = ${a.id} and ends_on = ${a.ends_on}`;

    const queued = await w.twoProcesses((db) => queueRenewalReminders(db, now, settings));
    const mails = await reminderMails();
    expect(queued.reduce((n, q) => n + q, 0)).toBe(mails.length);
    expect(new Set(mails).size).toBe(mails.length);
    const rows = await w.sql`select agreement_id, days_before, recipients from renewal_reminders`;
    expect(rows.reduce((n, r) => n + Number(r.recipients), 0)).toBe(mails.length);
    const ours = rows.filter((r) => active.some((a) => a.id === r.agreement_id));
    expect(ours.map((r) => Number(r.days_before)).sort()).toEqual([30, 60, 90]);
    expect(ours.every((r) => Number(r.recipients) > 0)).toBe(true);

    // The restarted server: a new process with nothing in memory, the same instant and the next hour.
    const restarted = await w.open();
    try {
      expect(await queueRenewalReminders(restarted.db, now, settings)).toBe(0);
      expect(await queueRenewalReminders(restarted.db, new Date(now.getTime() + 3600_000), settings)).toBe(0);
    } finally {
      await restarted.close();
    }
    expect(await reminderMails()).toEqual(mails);
  });
});

describe("the lapse job on PostgreSQL", () => {
  it("applies each ended agreement once with two processes at once, and nothing more after a restart", async () => {
    const [a] = await w.sql`select a.id from agreements a join agreement_periods p on p.agreement_id = a.id
      where a.activated_at is not null and a.terminated_on is null
      group by a.id having min(p.starts_on) < ${addDaysIso(today, -10)}::date
        and max(p.ends_on) > ${today}::date order by a.number desc limit 1`;
    await w.sql`update agreements set terminated_on = ${addDaysIso(today, -2)}::date, termination_reason = 'test'
      where id = ${a!.id}`;

    const runs = await w.twoProcesses((db) => applyLapses(db, now));
    const lapses = await w.sql`select agreement_id from agreement_lapses`;
    expect(runs.reduce((n, r) => n + r.applied, 0)).toBe(lapses.length);
    expect(lapses.map((l) => l.agreement_id)).toContain(a!.id);
    const audits = await w.sql`select object_id from audit_events where action = 'agreement.lapse'`;
    expect(audits.map((e) => e.object_id).sort()).toEqual(lapses.map((l) => l.agreement_id).sort());
    const mails =
      await w.sql`select to_address, subject from email_outbox where subject like 'Supportavtal % har upphört'`;

    const restarted = await w.open();
    try {
      expect((await applyLapses(restarted.db, now)).applied).toBe(0);
    } finally {
      await restarted.close();
    }
    expect(await w.sql`select agreement_id from agreement_lapses`).toHaveLength(lapses.length);
    expect(await w.sql`select 1 from email_outbox where subject like 'Supportavtal % har upphört'`).toHaveLength(
      mails.length,
    );
  });
});
