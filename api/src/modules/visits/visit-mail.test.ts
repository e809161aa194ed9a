import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { serviceVisits, users } from "../../db/schema/index.js";
import { createLogger } from "../../logger.js";
import { FORMER_USER_NAME } from "../parties/index.js";
import { codeOf, freshDatabase, okOf } from "../../test-support.js";
import { createOutboxSender } from "../notifications/outbox-sender.js";
import { startTestSmtpServer } from "../notifications/test-smtp-server.js";
import { recordVisitCheck } from "./visit-checks.js";
import { DEFAULT_PDF_RENDER_TIMEOUT_SECONDS, setPdfRenderTimeout } from "./protocol-pdf.js";
import { sendVisitProtocol } from "./visit-mail.js";
import { renderProtocolPdf } from "./visit-pdf.js";
import { completeServiceVisit } from "./visit-protocol.js";
import { protocolDocument } from "./visit-protocol-document.js";
import { at, clock, dataUrl, day, spinningPng, visitWorld } from "./visit.fixture.js";
import { findVisit, scheduleServiceVisit } from "./visit.service.js";

let database: Database;
let w: Awaited<ReturnType<typeof visitWorld>>;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;

// A 1×1 PNG, the smallest drawn signature.
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

beforeAll(async () => {
  database = await freshDatabase();
  w = await visitWorld(database);
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  await database.close();
});

async function completedVisit(agreementId: string, when: Date, sizeMb: number, signed: boolean) {
  const v = okOf(
    await scheduleServiceVisit(
      w.db,
      w.seller,
      { agreementId, propertyId: w.propertyId, technicianId: w.technician.userId, scheduledAt: when },
      clock,
    ),
  );
  for (const kind of ["DATABASE_REVIEW", "ROUTINES", "HARDWARE_AND_VERSIONS", "BACKUP_ROUTINES"] as const) {
    okOf(
      await recordVisitCheck(
        w.db,
        w.technician,
        {
          visitId: v.id,
          kind,
          result: kind === "ROUTINES" ? "NEEDS_ACTION" : "OK",
          note: kind === "ROUTINES" ? "Rutin för återlämning av brickor saknas på Äppelträdet." : "",
        },
        clock,
      ),
    );
  }
  okOf(
    await recordVisitCheck(
      w.db,
      w.technician,
      { visitId: v.id, kind: "DATABASE_SIZE", result: "OK", databaseSizeMb: sizeMb },
      clock,
    ),
  );
  return okOf(
    await completeServiceVisit(
      w.db,
      w.technician,
      { visitId: v.id, signature: signed ? { signedByName: "Karin Åström", imageDataUrl: PNG } : null },
      clock,
    ),
  );
}

async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  // Table cells wrap long titles over lines; the reader cares about the words.
  return text.replace(/\s+/g, " ");
}

const hasPdf = (m: { attachments: { contentType: string }[] }) =>
  m.attachments.some((x) => x.contentType === "application/pdf");

describe("the protocol PDF and its e-mail", () => {
  it("renders vendor, agreement, property, date, technician, the five checks, the size trend and the signature, Swedish letters intact", async () => {
    const a = await w.agreement("PLUS_500", 800);
    await completedVisit(a.id, at(day(0)), 1200, false);
    const v = await completedVisit(a.id, at(day(366)), 1500, true);
    const doc = await protocolDocument(w.db, v, a);
    const pdf = await renderProtocolPdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Kept for looking at: pdftoppm -png $TMPDIR/trygg-visit-protocol.pdf
    writeFileSync(join(tmpdir(), "trygg-visit-protocol.pdf"), pdf);
    const text = await pdfText(pdf);
    for (const expected of [
      "Aptus Elektronik AB",
      a.number,
      "Kvarteret Äppelträdet",
      "Göteborg",
      day(366),
      "Tomas Tekniker",
      "Genomgång av databasen",
      "Genomgång av rutiner",
      "Kontroll av hårdvara och programversioner",
      "Kontroll av backuprutiner",
      "Databasens storlek och förändring",
      "Behöver åtgärdas",
      "återlämning av brickor",
      "sedan förra besöket",
      "Signerat av Karin Åström",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/\+300 MB/);
  });

  it("is refused before completion, then mailed to the customer's admins and the partner with the PDF and the .ics attached", async () => {
    const a = await w.agreement();
    const open = okOf(
      await scheduleServiceVisit(
        w.db,
        w.seller,
        { agreementId: a.id, propertyId: w.propertyId, technicianId: w.technician.userId, scheduledAt: at(day(3)) },
        clock,
      ),
    );
    expect(codeOf(await sendVisitProtocol(w.db, w.technician, { visitId: open.id }, clock))).toBe(
      "VISIT_NOT_COMPLETED",
    );
    const v = await completedVisit(a.id, at(day(4)), 900, true);
    const sent = okOf(await sendVisitProtocol(w.db, w.technician, { visitId: v.id }, clock));
    expect(sent.recipients.sort()).toEqual(["karin@owner.example", "petra@partner.example"]);
    expect((await findVisit(w.db, w.admin, v.id, clock))?.visit.protocolSentAt).toBeInstanceOf(Date);

    const sender = createOutboxSender({
      db: w.db,
      logger: createLogger("silent"),
      from: "trygg@example.com",
      smtpUrl: smtp.url,
    });
    await sender.deliverPending();
    // The booking sent its own mail (with an .ics); the protocol's are those with the PDF.
    const mails = smtp.received.filter((m) => m.subject?.includes(a.number) && hasPdf(m));
    expect(mails.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text).sort()).toEqual([
      "karin@owner.example",
      "petra@partner.example",
    ]);
    const mail = mails[0]!;
    // "supportbesök" is the word for the annual visit everywhere, in the mail, its files and the PDF.
    expect(mail.subject).toContain("Protokoll från supportbesök");
    expect(mail.text).toContain("det årliga supportbesöket");
    expect(`${mail.subject} ${mail.text} ${mail.attachments.map((x) => x.filename).join(" ")}`).not.toMatch(/service/i);
    expect(mail.text).toContain("Kvarteret Äppelträdet");
    const pdf = mail.attachments.find((x) => x.contentType === "application/pdf")!;
    const ics = mail.attachments.find((x) => x.contentType.startsWith("text/calendar"))!;
    expect(pdf.filename).toBe(`supportbesok-protokoll-${a.number}-${day(4)}.pdf`);
    const text = await pdfText(pdf.content);
    expect(text).toContain("Signerat av Karin Åström");
    expect(text).toContain("Protokoll från årligt supportbesök");
    expect(text).not.toMatch(/servicebes/i);
    const cal = ics.content.toString("utf8");
    expect(cal).toContain("BEGIN:VEVENT");
    expect(cal).toContain(`SUMMARY:Supportbesök ${a.number}`);
    expect(cal).not.toMatch(/servicebes/i);
    expect(cal).toContain(`DTSTART:${day(4).replaceAll("-", "")}T073000Z`);
    expect(cal).toContain(`UID:service-visit-${v.id}@trygg`);
  });

  it("makes the PDF before its transaction: the database (PGlite has one connection) answers while a slow PDF is made, and a failed one writes nothing", async () => {
    const a = await w.agreement();
    const v = await completedVisit(a.id, at(day(5)), 950, true);
    // As an old row holds it, stored before signatures were decoded: the PDF spins until its deadline.
    await w.db
      .update(serviceVisits)
      .set({ signaturePng: dataUrl(spinningPng()) })
      .where(eq(serviceVisits.id, v.id));
    setPdfRenderTimeout(3);
    try {
      const sending = sendVisitProtocol(w.db, w.technician, { visitId: v.id }, clock);
      await new Promise((r) => setTimeout(r, 1_000));
      const started = Date.now();
      await w.db.execute(sql`select 1`);
      expect(Date.now() - started).toBeLessThan(500);
      expect(await sending).toMatchObject({ errors: [{ code: "PROTOCOL_PDF_FAILED", field: ["input", "visitId"] }] });
    } finally {
      setPdfRenderTimeout(DEFAULT_PDF_RENDER_TIMEOUT_SECONDS);
    }
    expect((await findVisit(w.db, w.admin, v.id, clock))?.visit.protocolSentAt).toBeNull();
  });

  it("goes to each reader in their own language: an English partner admin gets an English mail and PDF", async () => {
    await w.db.update(users).set({ language: "EN" }).where(eq(users.email, "petra@partner.example"));
    try {
      const a = await w.agreement();
      const v = await completedVisit(a.id, at(day(6)), 990, true);
      okOf(await sendVisitProtocol(w.db, w.technician, { visitId: v.id }, clock));
      const sender = createOutboxSender({
        db: w.db,
        logger: createLogger("silent"),
        from: "trygg@example.com",
        smtpUrl: smtp.url,
      });
      await sender.deliverPending();
      const mailTo = (to: string) =>
        smtp.received.find(
          (m) => m.subject?.includes(a.number) && hasPdf(m) && (Array.isArray(m.to) ? m.to[0] : m.to)?.text === to,
        )!;
      const english = mailTo("petra@partner.example");
      expect(english.subject).toBe(`Support visit protocol ${a.number}, Kvarteret Äppelträdet ${day(6)}`);
      expect(english.text).toContain("Here is the protocol of the annual support visit");
      const pdf = english.attachments.find((x) => x.contentType === "application/pdf")!;
      expect(pdf.filename).toBe(`support-visit-protocol-${a.number}-${day(6)}.pdf`);
      const text = await pdfText(pdf.content);
      expect(text).toContain("Annual support visit protocol");
      expect(text).toContain("Signed by Karin Åström");
      expect(text).not.toContain("Protokoll");
      const swedish = mailTo("karin@owner.example");
      expect(swedish.subject).toContain("Protokoll från supportbesök");
      const svPdf = swedish.attachments.find((x) => x.contentType === "application/pdf")!;
      expect(await pdfText(svPdf.content)).toContain("Protokoll från årligt supportbesök");
    } finally {
      await w.db.update(users).set({ language: "SV" }).where(eq(users.email, "petra@partner.example"));
    }
  });

  it("names an anonymised technician in each reader's language: 'former user' in an English mail and PDF", async () => {
    const a = await w.agreement();
    const v = await completedVisit(a.id, at(day(7)), 995, true);
    const [tech] = await w.db.select().from(users).where(eq(users.id, w.technician.userId));
    await w.db.update(users).set({ language: "EN" }).where(eq(users.email, "petra@partner.example"));
    await w.db
      .update(users)
      .set({ name: FORMER_USER_NAME, anonymisedAt: new Date() })
      .where(eq(users.id, w.technician.userId));
    try {
      okOf(await sendVisitProtocol(w.db, w.admin, { visitId: v.id }, clock));
      await createOutboxSender({
        db: w.db,
        logger: createLogger("silent"),
        from: "trygg@example.com",
        smtpUrl: smtp.url,
      }).deliverPending();
      const mailTo = (to: string) =>
        smtp.received.find(
          (m) => m.subject?.includes(day(7)) && hasPdf(m) && (Array.isArray(m.to) ? m.to[0] : m.to)?.text === to,
        )!;
      const english = mailTo("petra@partner.example");
      expect(english.text).toContain("former user");
      expect(english.text).not.toContain("före detta");
      const pdf = await pdfText(english.attachments.find((x) => x.contentType === "application/pdf")!.content);
      expect(pdf).toContain("former user");
      expect(pdf).not.toContain("före detta");
      const swedish = mailTo("karin@owner.example");
      expect(swedish.text).toContain("före detta användare");
    } finally {
      await w.db.update(users).set({ language: "SV" }).where(eq(users.email, "petra@partner.example"));
      await w.db.update(users).set({ name: tech!.name, anonymisedAt: null }).where(eq(users.id, w.technician.userId));
    }
  });
});
