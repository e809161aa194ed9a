import { and, eq, like, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import {
  addOns,
  agreements,
  auditEvents,
  emailAttachments,
  emailOutbox,
  hanteraAccounts,
  licenceRentals,
  renewalReminders,
  serviceVisits,
} from "../../db/schema/index.js";
import { codeOf, freshDatabase, okOf } from "../../test-support.js";
import { renewAgreement, terminateAgreement } from "../agreements/agreement.service.js";
import { deactivateHanteraAccount } from "../agreements/hantera-quota.js";
import { agreementHistories } from "../audit/audit.service.js";
import { updateNotificationPreferences } from "../notifications/notification-preferences.js";
import { visitIcs } from "../visits/visit-calendar.js";
import { at, clock, day, visitWorld } from "../visits/visit.fixture.js";
import { isOverdue, rescheduleServiceVisit, scheduleServiceVisit, visitProposals } from "../visits/visit.service.js";
import { reconcileMonitoring } from "../monitoring/index.js";
import { applyLapses } from "./lapse-job.js";
import { queueRenewalDigests } from "./renewal-digest.js";
import { queueRenewalReminders } from "./renewal-reminders.js";

let database: Database;
let w: Awaited<ReturnType<typeof visitWorld>>;
const settings = { reminderDays: [90, 60, 30], portalUrl: "https://trygg.example" };

beforeAll(async () => {
  database = await freshDatabase();
  w = await visitWorld(database);
});
afterAll(() => database.close());

/** The mails whose subject mentions the agreement, as (to, subject), in a stable order. */
async function mailsAbout(number: string) {
  const rows = await database.db
    .select({ to: emailOutbox.toAddress, subject: emailOutbox.subject, body: emailOutbox.body, id: emailOutbox.id })
    .from(emailOutbox)
    .where(like(emailOutbox.subject, `%${number}%`));
  return rows.sort((x, y) => `${x.subject} ${x.to}`.localeCompare(`${y.subject} ${y.to}`));
}

describe("renewal reminders", () => {
  it("go to the seller, the customer's admins and the partner's admins once, however often and in parallel the job runs", async () => {
    const a = await w.agreement("PLUS_500", 100);
    await Promise.all([
      queueRenewalReminders(database.db, at(day(10)), settings),
      queueRenewalReminders(database.db, at(day(10)), settings),
    ]);
    expect((await mailsAbout(a.number)).map((m) => [m.to, m.subject])).toEqual(
      ["karin@owner.example", "petra@partner.example", "sara@vendor.example"].map((to) => [
        to,
        `Avtal ${a.number} (Västkust Fastigheter AB) löper ut om 90 dagar, ${day(100)}`,
      ]),
    );
    await queueRenewalReminders(database.db, at(day(11)), settings);
    expect(await mailsAbout(a.number)).toHaveLength(3);
    await queueRenewalReminders(database.db, at(day(40)), settings);
    expect((await mailsAbout(a.number)).filter((m) => m.subject.includes("om 60 dagar"))).toHaveLength(3);
  });

  it("catch up after downtime with only the nearest reminder: 25 days left sends the 30-day one, not 90 or 60", async () => {
    const a = await w.agreement("PLUS_500", 100);
    await queueRenewalReminders(database.db, at(day(75)), settings);
    const sent = await database.db.select().from(renewalReminders).where(eq(renewalReminders.agreementId, a.id));
    expect(sent.map((r) => [r.daysBefore, r.endsOn, r.recipients])).toEqual([[30, day(100), 3]]);
    expect(new Set((await mailsAbout(a.number)).map((m) => m.subject))).toEqual(
      new Set([`Avtal ${a.number} (Västkust Fastigheter AB) löper ut om 25 dagar, ${day(100)}`]),
    );
    const history = (await agreementHistories(database.db, [a.id]))[0]!;
    expect(history.filter((e) => e.action === "agreement.renewalReminder")).toHaveLength(1);
  });

  it("reach an admin who is the agreement's seller", async () => {
    const a = await w.agreement("PLUS_500", 100);
    await database.db.update(agreements).set({ sellerId: w.admin.userId }).where(eq(agreements.id, a.id));
    await queueRenewalReminders(database.db, at(day(75)), settings);
    expect((await mailsAbout(a.number)).map((m) => m.to)).toContain("admin@test.example");
  });

  it("leave out a person who turned RENEWAL_REMINDER off", async () => {
    const a = await w.agreement("PLUS_500", 100);
    okOf(
      await updateNotificationPreferences(database.db, w.customerAdmin, {
        preferences: [{ topic: "RENEWAL_REMINDER", enabled: false }],
      }),
    );
    try {
      await queueRenewalReminders(database.db, at(day(75)), settings);
      expect((await mailsAbout(a.number)).map((m) => m.to)).toEqual(["petra@partner.example", "sara@vendor.example"]);
    } finally {
      okOf(
        await updateNotificationPreferences(database.db, w.customerAdmin, {
          preferences: [{ topic: "RENEWAL_REMINDER", enabled: true }],
        }),
      );
    }
  });
});

describe("an agreement given notice of termination", () => {
  it("is not reminded of a renewal before it ends", async () => {
    const a = await w.agreement("PLUS_500", 300);
    okOf(
      await terminateAgreement(
        database.db,
        w.admin,
        { agreementId: a.id, terminatesOn: day(100), reason: "Flytt" },
        clock,
      ),
    );
    await queueRenewalReminders(database.db, at(day(75)), settings);
    expect(await mailsAbout(a.number)).toEqual([]);
  });
});

describe("the weekly digest", () => {
  it("lists the seller's agreements ending within 90 days with their yearly value, once a week", async () => {
    const a = await w.agreement("PLUS_500", 100);
    await database.db.insert(licenceRentals).values({
      agreementId: a.id,
      kind: "BOOKING",
      quantity: 10,
      monthlyPriceMinor: 100_000,
      startsOn: day(-30),
      endsOn: day(100),
    });
    // 2027-03-15 is a Monday; the 17th is in the same week, the 22nd in the next.
    for (const d of ["2027-03-15", "2027-03-17"]) await queueRenewalDigests(database.db, at(d), settings);
    const digests = () =>
      database.db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.toAddress, "sara@vendor.example"), like(emailOutbox.subject, "Avtal som löper ut%")));
    const [digest, ...more] = await digests();
    expect(more).toEqual([]);
    // Twelve months of the rentals (1 000 kr) and of the 500+ base fee on the demo list (2 950 kr).
    expect(digest!.body).toContain(`${a.number}  Västkust Fastigheter AB  slutar ${day(100)} (86 d)  47 400 kr/år`);
    await queueRenewalDigests(database.db, at("2027-03-22"), settings);
    expect(await digests()).toHaveLength(2);
  });
});

describe("the lapse job", () => {
  it("applies a terminated agreement's end once, however often it runs: add-ons and rentals end, visits are cancelled, accounts above the quota flagged", async () => {
    const a = await w.agreement("PLUS_500", 200);
    await database.db.insert(addOns).values({ agreementId: a.id, kind: "MONITORING", startsOn: day(-30) });
    await database.db.insert(licenceRentals).values({
      agreementId: a.id,
      kind: "HANTERA",
      quantity: 2,
      monthlyPriceMinor: 0,
      startsOn: day(-30),
      endsOn: day(200),
    });
    for (let i = 1; i <= 12; i++)
      await database.db.insert(hanteraAccounts).values({
        agreementId: a.id,
        name: `Konto ${i}`,
        email: `konto${i}@owner.example`,
        createdAt: new Date(Date.UTC(2027, 0, i)),
      });
    const visit = okOf(
      await scheduleServiceVisit(
        database.db,
        w.seller,
        { agreementId: a.id, propertyId: w.propertyId, technicianId: w.technician.userId, scheduledAt: at(day(150)) },
        clock,
      ),
    );
    okOf(
      await terminateAgreement(
        database.db,
        w.admin,
        { agreementId: a.id, terminatesOn: day(100), reason: "Kunden byter leverantör" },
        clock,
      ),
    );
    const first = await applyLapses(database.db, at(day(101)));
    const again = await Promise.all([applyLapses(database.db, at(day(101))), applyLapses(database.db, at(day(102)))]);
    expect(first.applied).toBeGreaterThanOrEqual(1);
    expect(again.map((r) => r.applied)).toEqual([0, 0]);

    const [addOn] = await database.db.select().from(addOns).where(eq(addOns.agreementId, a.id));
    expect([addOn!.endedOn, addOn!.endReason]).toEqual([day(100), "AGREEMENT_TERMINATED"]);
    const [rental] = await database.db.select().from(licenceRentals).where(eq(licenceRentals.agreementId, a.id));
    expect(rental!.endedOn).toBe(day(100));
    const flagged = await database.db.select().from(hanteraAccounts).where(eq(hanteraAccounts.agreementId, a.id));
    expect(flagged.filter((x) => x.overQuotaSince).map((x) => [x.name, x.overQuotaSince])).toEqual([
      ["Konto 11", day(100)],
      ["Konto 12", day(100)],
    ]);
    // The customer chooses: deactivating a flagged account is allowed on the ended agreement, and clears the flag.
    const chosen = okOf(
      await deactivateHanteraAccount(
        database.db,
        w.customerAdmin,
        { hanteraAccountId: flagged.find((x) => x.name === "Konto 12")!.id },
        { ...clock, today: day(101) },
      ),
    );
    expect([chosen.deactivatedAt === null, chosen.overQuotaSince]).toEqual([false, null]);
    const [cancelled] = await database.db.select().from(serviceVisits).where(eq(serviceVisits.id, visit.id));
    expect(cancelled!.cancelledAt).not.toBeNull();
    // Called off, it is never overdue: nobody is asked to go there any more.
    expect(isOverdue(cancelled!, at(day(151)))).toBe(false);

    // The booking's own mails ("Bokat", with the invitation) are the visits module's; the lapse's follow.
    const mails = (await mailsAbout(a.number)).filter((m) => !m.subject.startsWith("Bokat"));
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      ["karin@owner.example", `Inställt: supportbesök ${day(150)} (${a.number})`],
      ["tomas@vendor.example", `Inställt: supportbesök ${day(150)} (${a.number})`],
      ["karin@owner.example", `Supportavtal ${a.number} har upphört`],
    ]);
    expect(mails[2]!.body).toContain("Systemövervakningen har upphört");
    expect(mails[2]!.body).toContain("2 Hantera-konto(n) ligger över nivåns ingående antal");

    const history = (await agreementHistories(database.db, [a.id]))[0]!;
    expect(history.filter((e) => e.action === "agreement.lapse")).toHaveLength(1);
    expect(history.filter((e) => e.action === "serviceVisit.cancel")).toHaveLength(1);
    const lapse = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "agreement.lapse"));
    expect(lapse.filter((e) => e.objectId === a.id)[0]!.details).toMatchObject({
      cause: "TERMINATED",
      endedOn: day(100),
      addOnsEnded: ["MONITORING"],
      visitsCancelled: [visit.id],
    });
  });

  it("cancels a visit with an .ics that has METHOD:CANCEL and the booking's own UID, with a higher SEQUENCE", async () => {
    const a = await w.agreement("PLUS_500", 200);
    const visit = okOf(
      await scheduleServiceVisit(
        database.db,
        w.seller,
        { agreementId: a.id, propertyId: w.propertyId, technicianId: w.technician.userId, scheduledAt: at(day(150)) },
        clock,
      ),
    );
    okOf(
      await terminateAgreement(
        database.db,
        w.admin,
        { agreementId: a.id, terminatesOn: day(20), reason: "Flytt" },
        clock,
      ),
    );
    await applyLapses(database.db, at(day(21)));
    const [mail] = (await mailsAbout(a.number)).filter((m) => m.subject.startsWith("Inställt"));
    const [ics] = await database.db.select().from(emailAttachments).where(eq(emailAttachments.emailId, mail!.id));
    const lines = ics!.content
      .toString("utf8")
      .replace(/\r\n[ \t]/g, "")
      .split("\r\n");
    const booking = visitIcs({
      visitId: visit.id,
      scheduledAt: visit.scheduledAt,
      title: "",
      description: "",
      location: "",
    })
      .replace(/\r\n[ \t]/g, "")
      .split("\r\n");
    const uid = booking.find((l) => l.startsWith("UID:"));
    const sequence = (ls: string[]) => Number(ls.find((l) => l.startsWith("SEQUENCE:"))?.slice(9) ?? 0);
    expect(ics!.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
    expect(lines).toContain("METHOD:CANCEL");
    expect(lines).toContain("STATUS:CANCELLED");
    expect(lines).toContain(uid);
    expect(sequence(lines)).toBeGreaterThan(sequence(booking));
    // A cancelled visit stays cancelled: it cannot be moved back into the calendar.
    const moved = await rescheduleServiceVisit(
      database.db,
      w.admin,
      { visitId: visit.id, scheduledAt: at(day(10)), expectedVersion: visit.version },
      { ...clock, today: day(5) },
      at(day(5)),
    );
    expect(codeOf(moved)).toBe("VISIT_CANCELLED");
  });

  it("leaves an agreement renewed before the job ran as it is", async () => {
    const a = await w.agreement("PLUS_500", 20);
    await database.db.insert(addOns).values({ agreementId: a.id, kind: "MONITORING", startsOn: day(-30) });
    okOf(
      await renewAgreement(
        database.db,
        w.admin,
        { agreementId: a.id, endsOn: day(400), carryOverRentals: true },
        { ...clock, today: day(15) },
      ),
    );
    await applyLapses(database.db, at(day(25)));
    const [addOn] = await database.db.select().from(addOns).where(eq(addOns.agreementId, a.id));
    expect(addOn!.endedOn).toBeNull();
    expect(await mailsAbout(a.number)).toEqual([]);
  });
});

describe("a renewal after the lapse", () => {
  it("clears the flags: every account may stay again", async () => {
    const a = await w.agreement("PLUS_500", 20);
    for (let i = 1; i <= 11; i++)
      await database.db.insert(hanteraAccounts).values({
        agreementId: a.id,
        name: `K${i}`,
        email: `k${i}@owner.example`,
        createdAt: new Date(Date.UTC(2027, 0, i)),
      });
    await applyLapses(database.db, at(day(21)));
    const flagged = async () =>
      (await database.db.select().from(hanteraAccounts).where(eq(hanteraAccounts.agreementId, a.id)))
        .filter((x) => x.overQuotaSince)
        .map((x) => x.name);
    expect(await flagged()).toEqual(["K11"]);
    okOf(
      await renewAgreement(
        database.db,
        w.admin,
        { agreementId: a.id, endsOn: day(400), carryOverRentals: false },
        { ...clock, today: day(22) },
      ),
    );
    expect(await flagged()).toEqual([]);
  });
});

describe("a cancelled visit", () => {
  it("no longer answers its year's proposal, so the year is proposed for booking again", async () => {
    const a = await w.agreement("PLUS_500", 700);
    await w.tailoredTo(a.id, day(60));
    const visit = okOf(
      await scheduleServiceVisit(
        database.db,
        w.seller,
        { agreementId: a.id, propertyId: w.propertyId, technicianId: w.technician.userId, scheduledAt: at(day(60)) },
        clock,
      ),
    );
    expect((await visitProposals(database.db, a))[0]!.visitId).toBe(visit.id);
    await database.db.update(serviceVisits).set({ cancelledAt: new Date() }).where(eq(serviceVisits.id, visit.id));
    expect((await visitProposals(database.db, a))[0]!.visitId).toBeNull();
  });
});

// The advance notice that monitoring and hosting stop with an agreement that is not renewed: "never a silent stop".
const customerMails = async (number: string) =>
  (
    await database.db
      .select({ to: emailOutbox.toAddress, body: emailOutbox.body })
      .from(emailOutbox)
      .where(like(emailOutbox.subject, `%${number}%`))
  ).filter((m) => m.to === "karin@owner.example");

describe("the wind-down notice ahead of an agreement's end", () => {
  it("names the monitored checks and hosted services that stop on the end day, once, with the last reminder", async () => {
    const a = await w.agreement("PLUS_500", 100);
    await database.db.insert(addOns).values([
      { agreementId: a.id, kind: "MONITORING", startsOn: day(-30) },
      { agreementId: a.id, kind: "HOSTING", startsOn: day(-30), hostedServices: ["BOKNING", "HANTERA"] },
    ]);
    // Earlier tests' agreements with monitoring cover the same property past this end: without them, its checks stop.
    await database.db
      .update(addOns)
      .set({ endedOn: day(-1) })
      .where(ne(addOns.agreementId, a.id));
    await reconcileMonitoring(database.db, at(day(0)), day(0));
    await queueRenewalReminders(database.db, at(day(40)), settings);
    const [sixty] = await customerMails(a.number);
    expect(sixty!.body).not.toContain("Övervakningen pausas");
    await queueRenewalReminders(database.db, at(day(75)), settings);
    await queueRenewalReminders(database.db, at(day(76)), settings);
    const notices = (await customerMails(a.number)).filter((m) => m.body.includes("Förnyas avtalet inte stannar"));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain(`Förnyas avtalet inte stannar detta ${day(100)}:`);
    expect(notices[0]!.body).toMatch(
      /- Övervakningen pausas: Multi-access server \(.+\); avbrott meddelas inte längre\./,
    );
    expect(notices[0]!.body).toContain("- Övervakningen pausas: Nightly backup (");
    expect(notices[0]!.body).toContain("- Aptus Hosting (BOKNING, HANTERA) upphör");
  });
});
