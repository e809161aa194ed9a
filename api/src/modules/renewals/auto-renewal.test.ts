import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { agreementPeriods, emailOutbox } from "../../db/schema/index.js";
import { daysBetween } from "../../shared/dates.js";
import { codeOf, freshDatabase, okOf } from "../../test-support.js";
import { agreementHistories } from "../audit/audit.service.js";
import { clock, visitWorld } from "../visits/visit.fixture.js";
import { applyAutoRenewals } from "./auto-renewal-job.js";
import { refuseAutoRenewal, setAutoRenewal } from "./auto-renewal.js";
import { withdrawAutoRenewalRefusal } from "./auto-renewal-withdrawal.js";

let database: Database;
let w: Awaited<ReturnType<typeof visitWorld>>;
const settings = { noticeMailDays: 30, portalUrl: "https://trygg.example" };
const portal = settings.portalUrl;

beforeAll(async () => {
  database = await freshDatabase();
  w = await visitWorld(database);
});
afterAll(() => database.close());

/** An active agreement ending on a given day (the fixture's today is 2027-03-01), renewing with a notice. */
async function renewingAgreement(endsOn: string, noticeMonths = 3) {
  const a = await w.agreement("PLUS_500", daysBetween(clock.today, endsOn));
  okOf(await setAutoRenewal(database.db, w.seller, { agreementId: a.id, noticeMonths }, clock));
  return a;
}

const periodsOf = async (id: string) =>
  (await database.db.select().from(agreementPeriods).where(eq(agreementPeriods.agreementId, id)))
    .map((p) => `${p.startsOn}–${p.endsOn}`)
    .sort();

const mailsAbout = async (number: string) =>
  (
    await database.db
      .select({ to: emailOutbox.toAddress, subject: emailOutbox.subject, body: emailOutbox.body })
      .from(emailOutbox)
      .where(like(emailOutbox.subject, `%${number}%`))
  ).sort((x, y) => `${x.subject} ${x.to}`.localeCompare(`${y.subject} ${y.to}`));

describe("automatic renewal on the day the notice period closes", () => {
  it("renews at midnight in Stockholm on the last Sunday of March, when summer time starts", async () => {
    // Ends 27 June; the new period would start 28 June; three months before is Sunday 28 March 2027.
    const a = await renewingAgreement("2027-06-27");
    // 23:59:59 on Saturday in Stockholm (UTC+1) is still the day before.
    expect((await applyAutoRenewals(database.db, new Date("2027-03-27T22:59:59Z"), settings)).renewed).toBe(0);
    expect(await periodsOf(a.id)).toHaveLength(1);
    // Midnight in Stockholm is 23:00 UTC the evening before.
    expect((await applyAutoRenewals(database.db, new Date("2027-03-27T23:00:00Z"), settings)).renewed).toBe(1);
    expect((await periodsOf(a.id)).at(-1)).toBe("2027-06-28–2028-06-27");
  });

  it("renews at midnight in Stockholm on the last Sunday of October, when summer time ends", async () => {
    // Ends 30 January 2028: the notice closes on Sunday 31 October 2027, in summer time (UTC+2) until 03:00.
    const a = await renewingAgreement("2028-01-30");
    expect((await applyAutoRenewals(database.db, new Date("2027-10-30T21:59:59Z"), settings)).renewed).toBe(0);
    expect((await applyAutoRenewals(database.db, new Date("2027-10-30T22:00:00Z"), settings)).renewed).toBe(1);
    expect((await periodsOf(a.id)).at(-1)).toBe("2028-01-31–2029-01-30");
  });

  it("renews once when run twice, and tells the customer's admins in advance and when renewed, each once", async () => {
    const a = await renewingAgreement("2027-07-31");
    // The notice closes 1 May; 30 days before it the customer is told.
    for (const at of ["2027-03-31T10:00:00Z", "2027-04-01T10:00:00Z", "2027-04-01T11:00:00Z"])
      await applyAutoRenewals(database.db, new Date(at), settings);
    const notice = await mailsAbout(a.number);
    expect(notice.map((m) => [m.to, m.subject])).toEqual([
      ["karin@owner.example", `Avtal ${a.number} förnyas automatiskt 2027-05-01`],
    ]);
    expect(notice[0]!.body).toContain("senast 2027-04-30");
    const runs = [];
    for (const at of ["2027-05-01T08:00:00Z", "2027-05-01T09:00:00Z", "2027-06-15T09:00:00Z"])
      runs.push((await applyAutoRenewals(database.db, new Date(at), settings)).renewed);
    expect(runs).toEqual([1, 0, 0]);
    expect(await periodsOf(a.id)).toHaveLength(2);
    expect(new Set((await mailsAbout(a.number)).map((m) => m.subject))).toEqual(
      new Set([`Avtal ${a.number} förnyas automatiskt 2027-05-01`, `Avtal ${a.number} är förnyat automatiskt`]),
    );
    expect(await mailsAbout(a.number)).toHaveLength(2);
    const history = (await agreementHistories(database.db, [a.id]))[0]!.map((e) => e.action);
    expect(history.filter((x) => x === "agreement.autoRenewed")).toHaveLength(1);
    expect(history.filter((x) => x === "agreement.renew")).toHaveLength(1);
  });

  it("catches up after downtime: a notice that closed while the job was down renews on the next pass", async () => {
    const a = await renewingAgreement("2027-08-31");
    expect((await applyAutoRenewals(database.db, new Date("2027-09-03T10:00:00Z"), settings)).renewed).toBe(1);
    expect((await periodsOf(a.id)).at(-1)).toBe("2027-09-01–2028-08-31");
    // Too late to act on, the advance notice is not sent after the fact.
    expect((await mailsAbout(a.number)).map((m) => m.subject)).toEqual([`Avtal ${a.number} är förnyat automatiskt`]);
  });
});

describe("saying no to an automatic renewal", () => {
  it("stops it when the customer's admin says no before the notice closes; the seller is told", async () => {
    const a = await renewingAgreement("2027-09-30");
    okOf(
      await refuseAutoRenewal(database.db, w.customerAdmin, { agreementId: a.id, reason: "Vi byter" }, clock, portal),
    );
    expect((await applyAutoRenewals(database.db, new Date("2027-07-01T10:00:00Z"), settings)).renewed).toBe(0);
    expect(await periodsOf(a.id)).toHaveLength(1);
    expect((await mailsAbout(a.number)).map((m) => m.to)).toEqual(["karin@owner.example", "sara@vendor.example"]);
  });

  it("stops it when the seller says no", async () => {
    const a = await renewingAgreement("2027-10-31");
    okOf(await refuseAutoRenewal(database.db, w.seller, { agreementId: a.id }, clock, portal));
    expect((await applyAutoRenewals(database.db, new Date("2027-08-01T10:00:00Z"), settings)).renewed).toBe(0);
  });

  it("is refused once the notice period has closed, on that very day, and after the renewal", async () => {
    const a = await renewingAgreement("2027-11-30");
    const closing = { ...clock, today: "2027-09-01" };
    const refused = await refuseAutoRenewal(database.db, w.customerAdmin, { agreementId: a.id }, closing, portal);
    expect(codeOf(refused)).toBe("AUTO_RENEWAL_NOTICE_CLOSED");
    okOf(
      await refuseAutoRenewal(
        database.db,
        w.customerAdmin,
        { agreementId: a.id },
        { ...clock, today: "2027-08-31" },
        portal,
      ),
    );
  });

  it("cannot be turned on once the notice for the current end would already have closed", async () => {
    const a = await w.agreement("PLUS_500", 60);
    const r = await setAutoRenewal(database.db, w.seller, { agreementId: a.id, noticeMonths: 3 }, clock);
    expect(codeOf(r)).toBe("AUTO_RENEWAL_NOTICE_CLOSED");
    okOf(await setAutoRenewal(database.db, w.seller, { agreementId: a.id, noticeMonths: 1 }, clock));
  });

  it("is for the customer's admin and the vendor: a partner may not, and a customer admin may not turn it on", async () => {
    const a = await renewingAgreement("2027-12-31");
    const partner = { ...w.customerAdmin, role: "PARTNER_ADMIN" as const, organisationKind: "PARTNER" as const };
    await expect(refuseAutoRenewal(database.db, partner, { agreementId: a.id }, clock, portal)).rejects.toThrow();
    await expect(
      setAutoRenewal(database.db, w.customerAdmin, { agreementId: a.id, noticeMonths: 2 }, clock),
    ).rejects.toThrow();
    const plain = await w.agreement("PLUS_500", 400);
    expect(codeOf(await refuseAutoRenewal(database.db, w.seller, { agreementId: plain.id }, clock, portal))).toBe(
      "AUTO_RENEWAL_NOT_SET",
    );
  });
});

describe("taking back a no to an automatic renewal", () => {
  it("lets the customer's admin who said no take it back before the close; it renews again, the seller is told", async () => {
    const a = await renewingAgreement("2028-02-29");
    const input = { agreementId: a.id, reason: "Vi byter" };
    okOf(await refuseAutoRenewal(database.db, w.customerAdmin, input, clock, portal));
    okOf(await withdrawAutoRenewalRefusal(database.db, w.customerAdmin, { agreementId: a.id }, clock, portal));
    const taken = (await mailsAbout(a.number)).filter((m) => m.subject.includes("förnyas automatiskt igen"));
    expect(taken.map((m) => m.to)).toEqual(["sara@vendor.example"]);
    expect(taken[0]!.body).toContain("Karin");
    const [history = []] = await agreementHistories(database.db, [a.id]);
    expect(history.map((e) => e.action)).toContain("agreement.autoRenewalRefusalWithdrawn");
    // The notice for an end on 29 February 2028 closes on 1 December 2027: the job renews on that day.
    await applyAutoRenewals(database.db, new Date("2027-12-01T10:00:00Z"), settings);
    expect((await periodsOf(a.id)).at(-1)).toBe("2028-03-01–2029-02-28");
  });

  it("is for the side that said no: the seller may not take back the customer's no, nor anyone after the close", async () => {
    const a = await renewingAgreement("2028-03-31");
    okOf(await refuseAutoRenewal(database.db, w.customerAdmin, { agreementId: a.id }, clock, portal));
    const other = await withdrawAutoRenewalRefusal(database.db, w.seller, { agreementId: a.id }, clock, portal);
    expect(codeOf(other)).toBe("AUTO_RENEWAL_REFUSED_BY_OTHER_SIDE");
    const late = { ...clock, today: "2028-01-01" };
    const closed = await withdrawAutoRenewalRefusal(database.db, w.customerAdmin, { agreementId: a.id }, late, portal);
    expect(codeOf(closed)).toBe("AUTO_RENEWAL_NOTICE_CLOSED");
    const none = await renewingAgreement("2028-04-30");
    const nothing = await withdrawAutoRenewalRefusal(database.db, w.seller, { agreementId: none.id }, clock, portal);
    expect(codeOf(nothing)).toBe("AUTO_RENEWAL_NOT_REFUSED");
  });

  it("tells the customer's admins when the vendor takes its own no back", async () => {
    const a = await renewingAgreement("2028-05-31");
    okOf(await refuseAutoRenewal(database.db, w.seller, { agreementId: a.id }, clock, portal));
    okOf(await withdrawAutoRenewalRefusal(database.db, w.admin, { agreementId: a.id }, clock, portal));
    const taken = (await mailsAbout(a.number)).filter((m) => m.subject.includes("förnyas automatiskt igen"));
    expect(taken.map((m) => m.to)).toEqual(["karin@owner.example"]);
  });
});
