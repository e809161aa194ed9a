import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { auditEvents, emailOutbox, properties, supportCaseMessages, supportCases } from "../../db/schema/index.js";
import { seedDemo } from "../../seed/demo.js";
import { freshDatabase, okOf } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import { systemViewerOf } from "../access/access.service.js";
import { createAttachmentLimits, type AttachmentLimits } from "./attachment-limits.js";
import { escalateSilentInstallers } from "./installer-escalation.js";
import { MS_PER_HOUR } from "./support-calendar.js";
import { supportCalendar } from "./support-calendar.service.js";
import { findSupportCase, openSupportCase } from "./support-case.service.js";
import { replyToSupportCase, setSupportCaseStatus } from "./support-case-thread.service.js";

let database: Database;
let limits: AttachmentLimits;
const v: Record<string, Viewer> = {};
const property: Record<string, string> = {};

beforeAll(async () => {
  database = await freshDatabase();
  await seedDemo(database.db);
  limits = createAttachmentLimits(database.db);
  for (const [k, email] of Object.entries({
    tomas: "tomas.tekniker@aptus.demo",
    petra: "petra@nordsak.demo",
    karin: "karin@vastkustfast.demo",
    bo: "bo@brflinne.demo",
    britt: "britt@brfkastanjen.demo",
  }))
    v[k] = (await systemViewerOf(database.db, email))!;
  for (const p of await database.db.select().from(properties)) property[p.name] = p.id;
}, 120_000);
afterAll(() => database.close());

const open = (who: string, input: Partial<Parameters<typeof openSupportCase>[2]>, now = new Date()) =>
  openSupportCase(
    database.db,
    v[who]!,
    { category: "TECHNICAL", subject: "Porten", description: "Porten i trapphus B.", ...input },
    now,
    limits,
  );

const afterKastanjen = () => new Date(Date.now() + 400 * 86_400_000); // Brf Kastanjen's agreement has ended then

describe("severity sets the priority and both targets with the tier (the targets table)", () => {
  it("gives 'Hela systemet ur funktion' URGENT and 1/8 open hours on 500+, 2/16 on BRF, HIGH and 4/40 with no agreement", async () => {
    const cases = [
      okOf(await open("karin", { severity: "SYSTEM_DOWN" })),
      okOf(await open("bo", { severity: "SYSTEM_DOWN" })),
      okOf(await open("britt", { severity: "SYSTEM_DOWN" }, afterKastanjen())),
    ];
    expect(cases.map((c) => [c.severity, c.priority, c.responseTargetHours, c.resolutionTargetHours])).toEqual([
      ["SYSTEM_DOWN", "URGENT", 1, 8],
      ["SYSTEM_DOWN", "URGENT", 2, 16],
      ["SYSTEM_DOWN", "HIGH", 4, 40],
    ]);
  });

  it("gives a question NORMAL and the slowest targets, and keeps today's targets for a client that gives no severity", async () => {
    const question = [
      okOf(await open("karin", { severity: "QUESTION" })),
      okOf(await open("bo", { severity: "QUESTION" })),
      okOf(await open("britt", { severity: "QUESTION" }, afterKastanjen())),
    ];
    expect(question.map((c) => [c.priority, c.responseTargetHours, c.resolutionTargetHours])).toEqual([
      ["NORMAL", 8, 40],
      ["NORMAL", 16, 80],
      ["NORMAL", 24, 120],
    ]);
    const unsaid = [okOf(await open("karin", {})), okOf(await open("bo", { severity: null }))];
    expect(unsaid.map((c) => [c.severity, c.priority, c.responseTargetHours, c.resolutionTargetHours])).toEqual([
      ["PARTIAL", "HIGH", 4, 24],
      ["PARTIAL", "HIGH", 8, 40],
    ]);
  });

  it("counts both deadlines in open hours from the opening", async () => {
    const at = new Date("2026-03-07T11:00:00+01:00"); // a Saturday: both count from Monday's opening
    const c = okOf(await open("britt", { severity: "SYSTEM_DOWN" }, at));
    const calendar = await supportCalendar(database.db);
    expect(c.responseDueAt!.getTime()).toBe(calendar.deadline(at.getTime(), c.responseTargetHours * MS_PER_HOUR));
    expect(c.resolutionDueAt!.getTime()).toBe(calendar.deadline(at.getTime(), c.resolutionTargetHours * MS_PER_HOUR));
    expect(c.resolutionDueAt!.getTime()).toBeGreaterThan(c.responseDueAt!.getTime());
  });
});

describe("the resolution clock", () => {
  it("stops when the case is resolved, and a customer who reopens it goes on from there, the resolved time paused", async () => {
    const calendar = await supportCalendar(database.db);
    const opened = new Date("2026-03-09T09:00:00+01:00"); // Monday, open
    const resolved = new Date("2026-03-09T11:00:00+01:00");
    const reopened = new Date("2026-03-11T10:00:00+01:00");
    const c = okOf(await open("bo", { severity: "PARTIAL" }, opened));
    okOf(await setSupportCaseStatus(database.db, v.tomas!, { caseId: c.id, status: "RESOLVED" }, resolved));
    const whileResolved = (await findSupportCase(database.db, v.tomas!, c.id))!;
    expect(whileResolved.resolvedAt).toEqual(resolved);
    okOf(await replyToSupportCase(database.db, v.bo!, { caseId: c.id, body: "Det hjälpte inte." }, reopened, limits));
    const again = (await findSupportCase(database.db, v.tomas!, c.id))!;
    expect([again.status, again.resolvedAt]).toEqual(["OPEN", null]);
    const used = calendar.openMsBetween(opened.getTime(), resolved.getTime());
    const target = again.resolutionTargetHours * MS_PER_HOUR;
    expect(again.resolutionDueAt!.getTime()).toBe(calendar.deadline(reopened.getTime(), target - used));
  });

  it("stands still while the case waits on the customer and keeps the resolution's moment when it is closed", async () => {
    const opened = new Date("2026-03-16T09:00:00+01:00");
    const c = okOf(await open("bo", {}, opened));
    okOf(await setSupportCaseStatus(database.db, v.tomas!, { caseId: c.id, status: "WAITING_ON_CUSTOMER" }, opened));
    expect((await findSupportCase(database.db, v.tomas!, c.id))!.resolutionDueAt).toBeNull();
    const resolvedAt = new Date("2026-03-17T09:00:00+01:00");
    okOf(await setSupportCaseStatus(database.db, v.tomas!, { caseId: c.id, status: "RESOLVED" }, resolvedAt));
    okOf(await setSupportCaseStatus(database.db, v.tomas!, { caseId: c.id, status: "CLOSED" }, new Date()));
    expect((await findSupportCase(database.db, v.tomas!, c.id))!.resolvedAt).toEqual(resolvedAt);
  });
});

describe("a silent installer's case comes back to the vendor (escalation)", () => {
  const programming = (now: Date) =>
    open("karin", { category: "PROGRAMMING", propertyId: property["Kv. Masthugget 4"], severity: "SYSTEM_DOWN" }, now);

  it("hands an unanswered case to the vendor's queue once its response deadline has passed, with a note and a mail", async () => {
    const opened = new Date("2026-04-13T09:00:00+02:00"); // Monday, open: due 10:00 (500+, one open hour)
    const c = okOf(await programming(opened));
    expect([c.routedTo, c.responseDueAt]).toEqual(["PARTNER", new Date("2026-04-13T10:00:00+02:00")]);
    expect(await escalateSilentInstallers(database.db, new Date("2026-04-13T09:59:59+02:00"))).toBe(0);
    const at = new Date("2026-04-13T10:00:00+02:00");
    expect(await escalateSilentInstallers(database.db, at)).toBeGreaterThanOrEqual(1);
    const e = (await findSupportCase(database.db, v.tomas!, c.id))!;
    expect([e.routedTo, e.routingReason, e.escalatedAt, e.partnerId]).toEqual([
      "VENDOR",
      "ESCALATED",
      at,
      v.petra!.organisationId,
    ]);
    const notes = await database.db.select().from(supportCaseMessages).where(eq(supportCaseMessages.caseId, c.id));
    expect(notes.map((n) => [n.internal, n.handover, n.authorUserId])).toEqual([[true, true, null]]);
    expect(notes[0]!.body).toContain("Nordsäk");
    const [audit] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, c.id), eq(auditEvents.action, "supportCaseEscalated")));
    expect(audit).toBeDefined();
    const mails = await database.db
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.subject, `Eskalerat ärende ${c.number}%`));
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.map((m) => m.toAddress).every((a) => a.endsWith("@aptus.demo"))).toBe(true);
    const toPartner = await database.db
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.subject, `Ärende ${c.number} har gått till Aptus support%`));
    expect(toPartner.map((m) => m.toAddress.endsWith("@nordsak.demo"))).toContain(true);
    // Swept again, it is not taken twice.
    expect(await escalateSilentInstallers(database.db, new Date("2026-04-14T10:00:00+02:00"))).toBe(0);
  });

  it("leaves a case the installer answered, or one waiting on the customer", async () => {
    const opened = new Date("2026-04-20T09:00:00+02:00");
    const answered = okOf(await programming(opened));
    okOf(await replyToSupportCase(database.db, v.petra!, { caseId: answered.id, body: "Vi tittar." }, opened, limits));
    const waiting = okOf(await programming(opened));
    okOf(
      await setSupportCaseStatus(
        database.db,
        v.petra!,
        { caseId: waiting.id, status: "WAITING_ON_CUSTOMER" },
        new Date("2026-04-20T09:30:00+02:00"),
      ),
    );
    await escalateSilentInstallers(database.db, new Date("2026-04-27T09:00:00+02:00"));
    const rows = await database.db
      .select({ id: supportCases.id, routedTo: supportCases.routedTo, escalatedAt: supportCases.escalatedAt })
      .from(supportCases)
      .where(eq(supportCases.openedAt, opened));
    expect(rows.map((r) => [r.routedTo, r.escalatedAt])).toEqual([
      ["PARTNER", null],
      ["PARTNER", null],
    ]);
  });
});
