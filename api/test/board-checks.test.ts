import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../src/db/client.js";
import { queueBoardChecks } from "../src/modules/accounts/board-checks.js";
import { seedDemo } from "../src/seed/demo.js";
import { emptyTestDatabase } from "./support.js";

/**
 * The yearly board check ("Stämmer din styrelse i Trygg?") exactly once per association and meeting year, on
 * PostgreSQL: two pools stand for two API processes running the job at the same instant, a third, opened after both
 * closed, for the restarted server (as the renewal reminders' test does).
 */
let target: Awaited<ReturnType<typeof emptyTestDatabase>>;
let sql: postgres.Sql;
const settings = { portalUrl: "https://trygg.example" };
const april = new Date("2027-04-02T06:00:00Z");

const open = () => openDatabase({ url: target.url, postgres: { poolSize: 4 } });

beforeAll(async () => {
  target = await emptyTestDatabase("trygg_board_checks");
  const first = await open();
  await first.migrate();
  await seedDemo(first.db);
  await first.close();
  sql = postgres(target.url, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await target?.drop();
});

async function twoProcesses<T>(run: (db: Database["db"]) => Promise<T>): Promise<T[]> {
  const [p1, p2] = await Promise.all([open(), open()]);
  try {
    return await Promise.all([run(p1.db), run(p2.db)]);
  } finally {
    await Promise.all([p1.close(), p2.close()]);
  }
}

const checkMails = async () =>
  (await sql`select to_address, body from email_outbox where subject = 'Stämmer din styrelse i Trygg?'`).map((r) => ({
    to: String(r.to_address),
    body: String(r.body),
  }));

describe("the yearly board check", () => {
  it("goes to each association's admins exactly once with two processes and a restart, and again next year", async () => {
    // The BRFs hold their meetings in March; the other customers have said nothing.
    await sql`update organisations set annual_meeting_month = 3 where kind = 'CUSTOMER' and name like 'Brf %'`;
    const admins = await sql`select u.email, o.name from users u join organisations o on o.id = u.organisation_id
      where o.name like 'Brf %' and u.role = 'CUSTOMER_ADMIN' and u.deactivated_at is null order by u.email`;
    expect(admins.length).toBeGreaterThan(0);

    // Not in the meeting's month itself.
    expect(await twoProcesses((db) => queueBoardChecks(db, new Date("2027-03-20T10:00:00Z"), settings))).toEqual([
      0, 0,
    ]);

    const queued = await twoProcesses((db) => queueBoardChecks(db, april, settings));
    const mails = await checkMails();
    expect(queued.reduce((n, q) => n + q, 0)).toBe(mails.length);
    expect(mails.map((m) => m.to).sort()).toEqual(admins.map((a) => String(a.email)));
    // The current list and the one link to start the handover.
    expect(mails[0]!.body).toContain("https://trygg.example/board-handover");
    expect(mails[0]!.body).toMatch(/kundadministratör/);

    const restarted = await open();
    try {
      expect(await queueBoardChecks(restarted.db, april, settings)).toBe(0);
      expect(await queueBoardChecks(restarted.db, new Date("2027-05-15T10:00:00Z"), settings)).toBe(0);
      expect(await queueBoardChecks(restarted.db, new Date("2028-04-01T10:00:00Z"), settings)).toBe(mails.length);
    } finally {
      await restarted.close();
    }
    const years = await sql`select year, count(*)::int as n from board_checks group by year order by year`;
    expect(years.map((r) => [r.year, r.n])).toEqual([
      [2027, new Set(admins.map((a) => a.name)).size],
      [2028, new Set(admins.map((a) => a.name)).size],
    ]);
  });
});
