import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { emailOutbox, properties, supportCaseAttachments, supportCasePauses } from "../../db/schema/index.js";
import { seedDemo } from "../../seed/demo.js";
import { codeOf, freshDatabase, okOf } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import { systemViewerOf } from "../access/access.service.js";
import { createOrganisation, createUser } from "../parties/party.service.js";
import { createAttachmentLimits, type AttachmentLimits } from "./attachment-limits.js";
import { changeCalendarException } from "./calendar-change.js";
import { readClock } from "./response-clock.js";
import { MS_PER_HOUR } from "./support-calendar.js";
import { setCalendarException, supportCalendar } from "./support-calendar.service.js";
import { clockFacts, clockOfCase, pausesOf } from "./case-clock.js";
import {
  findAttachment,
  findMessage,
  findSupportCase,
  listSupportCases,
  openSupportCase,
  visibleAttachmentsOf,
  visibleMessagesOf,
} from "./support-case.service.js";
import { handOverSupportCase, replyToSupportCase, setSupportCaseStatus } from "./support-case-thread.service.js";

let database: Database;
let limits: AttachmentLimits;
const v: Record<string, Viewer> = {};
const property: Record<string, string> = {};
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").toString("base64");

beforeAll(async () => {
  database = await freshDatabase();
  await seedDemo(database.db);
  limits = createAttachmentLimits(database.db);
  for (const [k, email] of Object.entries({
    admin: "admin@aptus.demo",
    tomas: "tomas.tekniker@aptus.demo",
    petra: "petra@nordsak.demo",
    lars: "lars@lasteknikvast.demo",
    karin: "karin@vastkustfast.demo",
    eva: "eva@alvstranden.demo",
    bo: "bo@brflinne.demo",
    britt: "britt@brfkastanjen.demo",
  })) {
    v[k] = (await systemViewerOf(database.db, email))!;
  }
  for (const p of await database.db.select().from(properties)) property[p.name] = p.id;
  // A customer that never had an agreement, so that cases on fixed past dates are uncovered.
  const testgarden = okOf(
    await createOrganisation(database.db, v.admin!, {
      kind: "CUSTOMER",
      name: "Brf Testgården",
      organisationNumber: "769634-5672",
    }),
  );
  okOf(
    await createUser(database.db, v.admin!, {
      organisationId: testgarden.id,
      name: "Tea Testare",
      email: "tea@testgarden.demo",
      role: "CUSTOMER_ADMIN",
      password: "a-long-test-password",
    }),
  );
  v.tea = (await systemViewerOf(database.db, "tea@testgarden.demo"))!;
}, 120_000);
afterAll(() => database.close());

const open = (who: string, input: Partial<Parameters<typeof openSupportCase>[2]>, now = new Date()) =>
  openSupportCase(
    database.db,
    v[who]!,
    {
      category: "TECHNICAL",
      subject: "Dörren låser inte",
      description: "Porten i trapphus B går inte i lås.",
      ...input,
    },
    now,
    limits,
  );

describe("routing", () => {
  it("sends programming and daily operation to the installer: the agreement's partner, else the property's installer", async () => {
    const onAgreement = okOf(
      await open("karin", { category: "PROGRAMMING", propertyId: property["Kv. Masthugget 4"] }),
    );
    expect([onAgreement.routedTo, onAgreement.routingReason, onAgreement.partnerId]).toEqual([
      "PARTNER",
      "INSTALLER_ON_AGREEMENT",
      v.petra!.organisationId,
    ]);
    // Kungsladugård 7 is no longer covered (its agreement was terminated): its installer answers.
    const byProperty = okOf(
      await open("karin", { category: "DAILY_OPERATION", propertyId: property["Kv. Kungsladugård 7"] }),
    );
    expect([byProperty.routedTo, byProperty.routingReason, byProperty.partnerId]).toEqual([
      "PARTNER",
      "PROPERTY_INSTALLER",
      v.lars!.organisationId,
    ]);
  });

  it("sends technical, billing and other questions to the vendor, and everything when there is no installer", async () => {
    for (const category of ["TECHNICAL", "BILLING", "OTHER"] as const) {
      const c = okOf(await open("karin", { category }));
      expect([c.routedTo, c.routingReason]).toEqual(["VENDOR", "VENDOR_QUESTION"]);
    }
    const none = okOf(await open("britt", { category: "PROGRAMMING" }));
    expect([none.routedTo, none.routingReason, none.partnerId]).toEqual(["VENDOR", "NO_INSTALLER", null]);
  });

  it("hands a case over to the installer and back, and refuses when there is no installer", async () => {
    const c = okOf(await open("karin", { category: "TECHNICAL" }));
    const handed = okOf(
      await handOverSupportCase(
        database.db,
        v.tomas!,
        { caseId: c.id, to: "PARTNER", note: "Gäller programmering av nya taggar." },
        new Date(),
      ),
    );
    expect([handed.routedTo, handed.routingReason]).toEqual(["PARTNER", "HANDED_OVER"]);
    expect(await findSupportCase(database.db, v.petra!, c.id)).not.toBeNull();
    expect(
      codeOf(
        await handOverSupportCase(database.db, v.tomas!, { caseId: c.id, to: "PARTNER", note: "igen" }, new Date()),
      ),
    ).toBe("ALREADY_ROUTED_THERE");
    okOf(
      await handOverSupportCase(
        database.db,
        v.petra!,
        { caseId: c.id, to: "VENDOR", note: "Detta är ett fel i centralen." },
        new Date(),
      ),
    );
    const noInstaller = okOf(await open("britt", { category: "TECHNICAL" }));
    expect(
      codeOf(
        await handOverSupportCase(
          database.db,
          v.tomas!,
          { caseId: noInstaller.id, to: "PARTNER", note: "x" },
          new Date(),
        ),
      ),
    ).toBe("NO_INSTALLER");
  });
});

describe("who opens a case for whom", () => {
  it("lets a partner open one for its own customers only, and asks support to name the customer", async () => {
    const forOwn = okOf(
      await openSupportCase(
        database.db,
        v.petra!,
        { customerId: v.bo!.organisationId, category: "TECHNICAL", subject: "s", description: "d" },
        new Date(),
        limits,
      ),
    );
    expect(forOwn.customerId).toBe(v.bo!.organisationId);
    expect(
      codeOf(
        await openSupportCase(
          database.db,
          v.petra!,
          { customerId: v.britt!.organisationId, category: "TECHNICAL", subject: "s", description: "d" },
          new Date(),
          limits,
        ),
      ),
    ).toBe("NOT_FOUND");
    expect(
      codeOf(
        await openSupportCase(
          database.db,
          v.tomas!,
          { category: "TECHNICAL", subject: "s", description: "d" },
          new Date(),
          limits,
        ),
      ),
    ).toBe("CUSTOMER_REQUIRED");
    expect(codeOf(await open("karin", { customerId: v.bo!.organisationId }))).toBe("NOT_FOUND");
    expect(codeOf(await open("karin", { propertyId: property["Linnégatan 12"] }))).toBe("NOT_FOUND");
    expect(codeOf(await open("karin", { subject: "   " }))).toBe("SUBJECT_REQUIRED");
  });
});

describe("priority and first-response target", () => {
  it("answers a 500+ agreement in 4 open hours and a BRF agreement in 8, both HIGH; no agreement NORMAL in 16", async () => {
    const plus = okOf(await open("karin", {}));
    const brf = okOf(await open("bo", {}));
    const none = okOf(await open("britt", {}, new Date(Date.now() + 400 * 86_400_000))); // after Brf Kastanjen's agreement has expired
    expect([plus, brf, none].map((c) => [c.priority, c.responseTargetHours, c.agreementId !== null])).toEqual([
      ["HIGH", 4, true],
      ["HIGH", 8, true],
      ["NORMAL", 16, false],
    ]);
  });

  it("counts from the next opening for a case opened on a Saturday, and tells the customer when support opens", async () => {
    const c = okOf(await open("tea", { subject: "Lördagsfråga" }, new Date("2026-03-07T11:00:00+01:00")));
    // Monday 08–17 (9 h) and Tuesday 08–15 (7 h)
    expect(c.responseDueAt!.toISOString()).toBe("2026-03-10T14:00:00.000Z");
    const [receipt] = await database.db
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.subject, `Ärende ${c.number}%`));
    expect(receipt!.toAddress).toBe("tea@testgarden.demo");
    expect(receipt!.body).toContain(c.number);
    expect(receipt!.body).toContain("Du får svar senast tisdag 10 mars kl. 15:00");
    expect(receipt!.body).toContain("Supporten är stängd just nu och öppnar måndag 9 mars kl. 08:00");
  });
});

describe("the clock waits while the case waits on the customer", () => {
  let caseId: string;
  it("pauses, resumes on the customer's answer, and moves the deadline by the paused open time", async () => {
    const c = okOf(await open("tea", { subject: "Paus" }, new Date("2026-03-02T08:00:00+01:00")));
    caseId = c.id;
    expect(c.responseDueAt!.toISOString()).toBe("2026-03-03T14:00:00.000Z"); // 9 h Mon + 7 h Tue → Tue 15:00
    const waiting = okOf(
      await setSupportCaseStatus(
        database.db,
        v.tomas!,
        { caseId, status: "WAITING_ON_CUSTOMER" },
        new Date("2026-03-02T10:00:00+01:00"),
      ),
    );
    expect(waiting.responseDueAt).toBeNull();
    okOf(
      await replyToSupportCase(
        database.db,
        v.tea!,
        { caseId, body: "Här är loggen." },
        new Date("2026-03-04T08:00:00+01:00"),
        limits,
      ),
    );
    const resumed = (await findSupportCase(database.db, v.tea!, caseId))!;
    expect(resumed.status).toBe("OPEN");
    // 2 h used on Monday; 14 h left from Wednesday 08:00 → 9 h Wed, 5 h Thu → Thu 13:00
    expect(resumed.responseDueAt!.toISOString()).toBe("2026-03-05T12:00:00.000Z");
    const pauses = await pausesOf(database.db, [caseId]);
    expect(pauses.map((p) => [p.startedAt.toISOString(), p.endedAt?.toISOString()])).toEqual([
      ["2026-03-02T09:00:00.000Z", "2026-03-04T07:00:00.000Z"],
    ]);
    const reading = readClock(
      await supportCalendar(database.db),
      clockFacts(resumed, pauses),
      { running: true, stoppedAt: null },
      Date.parse("2026-03-04T12:00:00+01:00"),
    );
    expect(reading.usedMs / MS_PER_HOUR).toBe(6);
    expect(reading.leftMs! / MS_PER_HOUR).toBe(10);
  });

  it("recomputes open cases' deadlines in the same transaction when a closed day is added", async () => {
    okOf(
      await changeCalendarException(database.db, v.admin!, (tx, viewer) =>
        setCalendarException(tx, viewer, { date: "2026-03-05", reason: "Personaldag" }),
      ),
    );
    const moved = (await findSupportCase(database.db, v.tea!, caseId))!;
    expect(moved.responseDueAt!.toISOString()).toBe("2026-03-06T12:00:00.000Z"); // Thursday closed → Friday 13:00
    expect(await database.db.select().from(supportCasePauses).where(eq(supportCasePauses.caseId, caseId))).toHaveLength(
      1,
    );
  });
});

describe("the deadline filter", () => {
  it("lists the unanswered open cases overdue or near their deadline, as each case's clock reads them", async () => {
    // Brf Testgården has no agreement: 16 open hours. Weekdays before week 20 open 08:00–17:00.
    const at = (iso: string) => new Date(`${iso}+01:00`);
    const overdue = okOf(await open("tea", { subject: "Måndag" }, at("2026-03-09T08:00:00"))); // 9 + 9 + 4 = 22 h by Wednesday noon
    const near = okOf(await open("tea", { subject: "Tisdag" }, at("2026-03-10T08:00:00"))); // 9 + 4 = 13 h: 81 %
    const fresh = okOf(await open("tea", { subject: "Onsdag" }, at("2026-03-11T08:00:00"))); // 4 h
    const answered = okOf(await open("tea", { subject: "Besvarat" }, at("2026-03-09T08:00:00")));
    okOf(
      await replyToSupportCase(
        database.db,
        v.tomas!,
        { caseId: answered.id, body: "Vi tittar på det." },
        at("2026-03-09T10:00:00"),
        limits,
      ),
    );
    const now = at("2026-03-11T12:00:00").getTime();

    const listed = async (deadline: "OVERDUE" | "NEAR_DEADLINE") => {
      const page = await listSupportCases(
        database.db,
        v.tomas!,
        { customerId: v.tea!.organisationId, deadline },
        { first: 100 },
        now,
      );
      expect(page.totalCount).toBe(page.edges.length);
      return page.edges.map((e) => e.node.id).sort();
    };
    const all = (
      await listSupportCases(database.db, v.tomas!, { customerId: v.tea!.organisationId }, { first: 100 }, now)
    ).edges.map((e) => e.node);
    const calendar = await supportCalendar(database.db);
    const pauses = await pausesOf(
      database.db,
      all.map((c) => c.id),
    );
    const readings = all.map((c) => ({
      id: c.id,
      clock: clockOfCase(
        calendar,
        c,
        pauses.filter((p) => p.caseId === c.id),
        now,
      ),
    }));

    const overdueIds = await listed("OVERDUE");
    const nearIds = await listed("NEAR_DEADLINE");
    expect(overdueIds).toEqual(
      readings
        .filter((r) => r.clock.overdue)
        .map((r) => r.id)
        .sort(),
    );
    expect(nearIds).toEqual(
      readings
        .filter((r) => r.clock.nearDeadline)
        .map((r) => r.id)
        .sort(),
    );
    expect(overdueIds).toContain(overdue.id);
    expect(nearIds).toEqual([near.id]);
    for (const id of [fresh.id, answered.id]) expect([...overdueIds, ...nearIds]).not.toContain(id);
    // Another tenant's overdue case stays out of a customer's own filtered list.
    expect(
      (await listSupportCases(database.db, v.karin!, { deadline: "OVERDUE" }, { first: 100 }, now)).edges.map(
        (e) => e.node.customerId,
      ),
    ).not.toContain(v.tea!.organisationId);
  });
});

describe("tenants and internal notes", () => {
  it("answers another tenant's case, message and attachment as missing, and keeps internal notes from the customer and vendor notes from the partner", async () => {
    const c = okOf(
      await open("karin", {
        category: "PROGRAMMING",
        propertyId: property["Kv. Masthugget 4"],
        attachments: [{ fileName: "skarm.png", contentBase64: PNG }],
      }),
    );
    const reply = okOf(
      await replyToSupportCase(
        database.db,
        v.karin!,
        {
          caseId: c.id,
          body: "Bifogar logg.",
          attachments: [
            { fileName: "a.log", contentBase64: Buffer.from("2026-03-02 door 4 offline\n").toString("base64") },
          ],
        },
        new Date(),
        limits,
      ),
    );
    const vendorNote = okOf(
      await replyToSupportCase(
        database.db,
        v.tomas!,
        { caseId: c.id, body: "Kund har haft samma fel förut.", internal: true },
        new Date(),
        limits,
      ),
    );
    const partnerNote = okOf(
      await replyToSupportCase(
        database.db,
        v.petra!,
        { caseId: c.id, body: "Åker dit i morgon.", internal: true },
        new Date(),
        limits,
      ),
    );

    for (const stranger of [v.eva!, v.britt!, v.lars!]) {
      expect(await findSupportCase(database.db, stranger, c.id)).toBeNull();
      expect(await findMessage(database.db, stranger, reply.id)).toBeNull();
      expect(
        (await listSupportCases(database.db, stranger, {}, { first: 100 }, Date.now())).edges.map((e) => e.node.id),
      ).not.toContain(c.id);
      expect(
        codeOf(await replyToSupportCase(database.db, stranger, { caseId: c.id, body: "hej" }, new Date(), limits)),
      ).toBe("NOT_FOUND");
    }
    const attachments = await visibleAttachmentsOf(database.db, v.admin!, eq(supportCaseAttachments.caseId, c.id));
    expect(attachments.map((a) => a.contentType).sort()).toEqual(["image/png", "text/plain"]);
    // A list never reads the bytes: they leave one file at a time, by the download route.
    expect(attachments.filter((a) => "content" in a)).toEqual([]);
    for (const a of attachments) {
      expect(await findAttachment(database.db, v.karin!, a.id)).not.toBeNull();
      expect(await findAttachment(database.db, v.eva!, a.id)).toBeNull();
      expect(await findAttachment(database.db, v.lars!, a.id)).toBeNull();
    }

    const seen = async (who: Viewer) => (await visibleMessagesOf(database.db, who, [c.id])).map((m) => m.id);
    expect(await seen(v.karin!)).toEqual([reply.id]);
    expect(await seen(v.petra!)).toEqual([reply.id, partnerNote.id]);
    expect(await seen(v.tomas!)).toEqual([reply.id, vendorNote.id, partnerNote.id]);
    expect(await findMessage(database.db, v.petra!, vendorNote.id)).toBeNull();
    await expect(
      replyToSupportCase(database.db, v.karin!, { caseId: c.id, body: "x", internal: true }, new Date(), limits),
    ).rejects.toThrow(/internal notes/);
  });

  it("shows a partner that opened a case for a customer the thread, but not the notes of the installer who answers it", async () => {
    const c = okOf(
      await openSupportCase(
        database.db,
        v.lars!,
        { customerId: v.karin!.organisationId, category: "PROGRAMMING", subject: "Taggar", description: "Åt kunden." },
        new Date(),
        limits,
      ),
    );
    expect([c.routedTo, c.partnerId]).toEqual(["PARTNER", v.petra!.organisationId]);
    const note = okOf(
      await replyToSupportCase(
        database.db,
        v.petra!,
        { caseId: c.id, body: "Kunden är svår.", internal: true },
        new Date(),
        limits,
      ),
    );
    const answer = okOf(
      await replyToSupportCase(
        database.db,
        v.petra!,
        { caseId: c.id, body: "Vi kommer på torsdag." },
        new Date(),
        limits,
      ),
    );
    expect(await findSupportCase(database.db, v.lars!, c.id)).not.toBeNull();
    expect((await visibleMessagesOf(database.db, v.lars!, [c.id])).map((m) => m.id)).toEqual([answer.id]);
    expect(await findMessage(database.db, v.lars!, note.id)).toBeNull();
  });

  it("lets a partner see the cases routed to it, not other partners' or the vendor's", async () => {
    const mine = (await listSupportCases(database.db, v.petra!, {}, { first: 100 }, Date.now())).edges.map(
      (e) => e.node,
    );
    expect(mine.length).toBeGreaterThan(0);
    expect(
      mine.every(
        (c) =>
          (c.routedTo === "PARTNER" && c.partnerId === v.petra!.organisationId) ||
          c.openedByOrganisationId === v.petra!.organisationId,
      ),
    ).toBe(true);
  });
});

describe("attachments", () => {
  it("checks the type by content and the size, whatever the file is called", async () => {
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64)]).toString("base64");
    expect(codeOf(await open("karin", { attachments: [{ fileName: "bild.png", contentBase64: exe }] }))).toBe(
      "ATTACHMENT_TYPE_NOT_ALLOWED",
    );
    expect(codeOf(await open("karin", { attachments: [{ fileName: "x.pdf", contentBase64: "not base64!" }] }))).toBe(
      "ATTACHMENT_NOT_BASE64",
    );
    const big = Buffer.alloc(700 * 1024 + 1, 0x41).toString("base64");
    expect(codeOf(await open("karin", { attachments: [{ fileName: "stor.log", contentBase64: big }] }))).toBe(
      "ATTACHMENT_TOO_LARGE",
    );
    // Together too: the request body is limited to 1 MB, so two files of 400 KB never arrive whole.
    const half = Buffer.alloc(400 * 1024, 0x41).toString("base64");
    expect(
      codeOf(
        await open("karin", {
          attachments: [
            { fileName: "a.log", contentBase64: half },
            { fileName: "b.log", contentBase64: half },
          ],
        }),
      ),
    ).toBe("ATTACHMENT_TOO_LARGE");
    okOf(
      await open("karin", {
        attachments: [{ fileName: "lagom.log", contentBase64: Buffer.alloc(700 * 1024, 0x41).toString("base64") }],
      }),
    );
    const pdf = Buffer.from("%PDF-1.7\n%âãÏÓ\n").toString("base64");
    okOf(await open("karin", { attachments: [{ fileName: "faktura.pdf", contentBase64: pdf }] }));
  });
});
