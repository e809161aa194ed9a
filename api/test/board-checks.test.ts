import { describe, expect, it } from "vitest";
import { queueBoardChecks } from "../src/modules/accounts/board-checks.js";
import { demoForProcesses } from "./api-processes.js";

/**
 * The yearly board check ("Stämmer din styrelse i Trygg?") exactly once per association and meeting year, on
 * PostgreSQL: two pools stand for two API processes running the job at the same instant, a third, opened after both
 * closed, for the restarted server (as the renewal reminders' test does).
 */
const w = demoForProcesses("trygg_board_checks");
const settings = { portalUrl: "https://trygg.example" };
const april = new Date("2027-04-02T06:00:00Z");

const checkMails = async () =>
  (await w.sql`select to_address, body from email_outbox where subject = 'Stämmer din styrelse i Trygg?'`).map((r) => ({
    to: String(r.to_address),
    body: String(r.body),
  }));

describe("the yearly board check", () => {
  it("goes to each association's admins exactly once with two processes and a restart, and again next year", async () => {
    // The BRFs hold their meetings in March; the other customers have said nothing.
    await w.sql`update organisations set annual_meeting_month = 3 where kind = 'CUSTOMER' and name like 'Brf %'`;
    const admins = await w.sql`select u.email, o.name from users u join organisations o on o.id = u.organisation_id
      where o.name like 'Brf %' and u.role = 'CUSTOMER_ADMIN' and u.deactivated_at is null order by u.email`;
    expect(admins.length).toBeGreaterThan(0);

    // Not in the meeting's month itself.
    expect(await w.twoProcesses((db) => queueBoardChecks(db, new Date("2027-03-20T10:00:00Z"), settings))).toEqual([
      0, 0,
    ]);

    const queued = await w.twoProcesses((db) => queueBoardChecks(db, april, settings));
    const mails = await checkMails();
    expect(queued.reduce((n, q) => n + q, 0)).toBe(mails.length);
    expect(mails.map((m) => m.to).sort()).toEqual(admins.map((a) => String(a.email)));
    // The current list and the one link to start the handover.
    expect(mails[0]!.body).toContain("https://trygg.example/board-handover");
    expect(mails[0]!.body).toMatch(/kundadministratör/);

    const restarted = await w.open();
    try {
      expect(await queueBoardChecks(restarted.db, april, settings)).toBe(0);
      expect(await queueBoardChecks(restarted.db, new Date("2027-05-15T10:00:00Z"), settings)).toBe(0);
      expect(await queueBoardChecks(restarted.db, new Date("2028-04-01T10:00:00Z"), settings)).toBe(mails.length);
    } finally {
      await restarted.close();
    }
    const years = await w.sql`select year, count(*)::int as n from board_checks group by year order by year`;
    expect(years.map((r) => [r.year, r.n])).toEqual([
      [2027, new Set(admins.map((a) => a.name)).size],
      [2028, new Set(admins.map((a) => a.name)).size],
    ]);
  });
});
