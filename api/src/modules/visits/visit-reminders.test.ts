import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { emailOutbox, visitReminders } from "../../db/schema/index.js";
import { freshDatabase, okOf } from "../../test-support.js";
import { proposedVisitDates } from "./visit-proposals.js";
import type { Logger } from "../../logger.js";
import { dueReminder, queueDueReminders, startVisitReminders } from "./visit-reminders.js";
import { at, clock, day, visitWorld } from "./visit.fixture.js";
import { rescheduleServiceVisit, scheduleServiceVisit } from "./visit.service.js";

let database: Database;
let w: Awaited<ReturnType<typeof visitWorld>>;

beforeAll(async () => {
  database = await freshDatabase();
  w = await visitWorld(database);
});
afterAll(() => database.close());

describe("proposals", () => {
  it("start on the agreed end date and repeat yearly up to the agreement's last day, leap days kept", () => {
    expect(proposedVisitDates("2028-02-29", "2031-03-01")).toEqual([
      "2028-02-29",
      "2029-02-28",
      "2030-02-28",
      "2031-02-28",
    ]);
    expect(proposedVisitDates("2027-06-01", "2027-05-31")).toEqual([]);
  });
});

describe("reminders 14 days and 1 day before a booked visit", () => {
  it("picks the reminder by days ahead", () => {
    expect([20, 15, 14, 2, 1, 0, -1].map(dueReminder)).toEqual([null, null, 14, 14, 1, 1, null]);
  });

  it("are queued once each for the customer's admins and the technician, even with two processes at once; a rebooking reminds again", async () => {
    const a = await w.agreement();
    const v = okOf(
      await scheduleServiceVisit(
        w.db,
        w.seller,
        { agreementId: a.id, propertyId: w.propertyId, technicianId: w.technician.userId, scheduledAt: at(day(30)) },
        clock,
      ),
    );
    const mailsFor = async () =>
      (await w.db.select().from(emailOutbox)).filter(
        (m) => m.subject.includes(a.number) && m.subject.startsWith("Påminnelse"),
      );

    expect(await queueDueReminders(w.db, at(day(10)))).toBe(0);
    // Two API processes run the job at the same moment: the reminder row lets only one queue mail.
    const [x, y] = await Promise.all([queueDueReminders(w.db, at(day(16))), queueDueReminders(w.db, at(day(16)))]);
    expect(x + y).toBe(2);
    expect(await queueDueReminders(w.db, at(day(17)))).toBe(0);
    expect((await mailsFor()).map((m) => m.toAddress).sort()).toEqual(["karin@owner.example", "tomas@vendor.example"]);
    expect((await mailsFor())[0]!.body).toContain("om 14 dagar");
    // "supportbesök", the word the portal and the brochure use for the annual visit.
    for (const m of await mailsFor()) {
      expect(m.subject).toMatch(/^Påminnelse: supportbesök /);
      expect(m.body).toContain("Det årliga supportbesöket");
      expect(`${m.subject} ${m.body}`).not.toMatch(/servicebes/i);
    }

    await queueDueReminders(w.db, at(day(29)));
    expect((await mailsFor()).length).toBe(4);
    expect((await mailsFor()).some((m) => m.body.includes("i morgon"))).toBe(true);

    okOf(
      await rescheduleServiceVisit(
        w.db,
        w.seller,
        { visitId: v.id, scheduledAt: at(day(40)), reason: "Flyttat", expectedVersion: v.version },
        clock,
        at(day(0)),
      ),
    );
    await queueDueReminders(w.db, at(day(29)));
    expect((await mailsFor()).length).toBe(6);
    expect((await w.db.select().from(visitReminders).where(eq(visitReminders.visitId, v.id))).length).toBe(3);
  });
});

describe("the reminder loop", () => {
  it("never runs two passes at once, goes on after a failed one, and waits for a pass under way when stopped", async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    let finished = 0;
    const errors: string[] = [];
    const logger = { info: () => {}, error: (_o: unknown, msg: string) => errors.push(msg) } as unknown as Logger;
    // Each pass takes 30 ms, six times the interval; the first one fails.
    const slowPass = async () => {
      passes++;
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 30));
      running--;
      finished++;
      if (passes === 1) throw new Error("database away");
      return 0;
    };
    const loop = startVisitReminders(database.db, logger, 5, slowPass);
    await expect.poll(() => passes, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    await loop.stop();
    // stop() returned only after the pass under way ended, and no pass starts after it.
    expect(finished).toBe(passes);
    const stoppedAt = passes;
    await new Promise((r) => setTimeout(r, 50));
    expect(passes).toBe(stoppedAt);
    expect(most).toBe(1);
    expect(errors).toEqual(["visit reminders failed"]);
  });
});
