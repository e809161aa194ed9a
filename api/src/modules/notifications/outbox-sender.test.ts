import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { emailOutbox } from "../../db/schema/index.js";
import { createLogger } from "../../logger.js";
import { freshDatabase } from "../../test-support.js";
import { queueEmail } from "./email.service.js";
import { createOutboxSender } from "./outbox-sender.js";
import { startTestSmtpServer } from "./test-smtp-server.js";

const logger = createLogger("silent");
let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.delete(emailOutbox);
});

const stateOf = async (id: string) => (await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;

describe("the e-mail outbox", () => {
  it("delivers a mail with its attachment to a real SMTP server, once, and marks it SENT", async () => {
    const smtp = await startTestSmtpServer();
    try {
      const pdf = Buffer.from("%PDF-1.4\n\u0000\u00ff binary protocol\n", "latin1");
      const id = await database.db.transaction((tx) =>
        queueEmail(tx, {
          to: "seller@example.com",
          subject: "Besöksprotokoll",
          body: "Protokollet bifogas.",
          html: "<p>Protokollet bifogas.</p>",
          attachments: [{ filename: "protokoll.pdf", contentType: "application/pdf", content: pdf }],
        }),
      );
      const sender = createOutboxSender({ db: database.db, logger, from: "trygg@example.com", smtpUrl: smtp.url });
      expect(await sender.deliverPending()).toBe(1);
      expect(await sender.deliverPending()).toBe(0);
      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0]!;
      expect(mail.subject).toBe("Besöksprotokoll");
      expect(mail.text?.trim()).toBe("Protokollet bifogas.");
      expect(mail.html).toContain("<p>Protokollet bifogas.</p>");
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]!.filename).toBe("protokoll.pdf");
      expect(mail.attachments[0]!.contentType).toBe("application/pdf");
      expect(Buffer.compare(mail.attachments[0]!.content, pdf)).toBe(0);
      const row = await stateOf(id);
      expect(row.state).toBe("SENT");
      expect(row.attempts).toBe(1);
      expect(row.sentAt).toBeInstanceOf(Date);
    } finally {
      await smtp.close();
    }
  });

  it("sends nothing for a mail whose transaction rolled back", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await queueEmail(tx, {
          to: "x@example.com",
          subject: "Never",
          body: "-",
          attachments: [{ filename: "a.txt", contentType: "text/plain", content: Buffer.from("a") }],
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await database.db.select().from(emailOutbox)).toHaveLength(0);
  });

  it("retries a refused mail after a back-off and delivers it exactly once", async () => {
    const smtp = await startTestSmtpServer({ refuseFirst: 2 });
    try {
      const id = await queueEmail(database.db, { to: "x@example.com", subject: "Retry", body: "Text" });
      const sender = createOutboxSender({
        db: database.db,
        logger,
        from: "t@example.com",
        smtpUrl: smtp.url,
        backoffMs: 200,
      });
      expect(await sender.deliverPending()).toBe(0);
      let row = await stateOf(id);
      expect(row).toMatchObject({ state: "PENDING", attempts: 1 });
      expect(row.lastError).toMatch(/451|temporarily/i);
      // Not due yet: the back-off holds it.
      expect(await sender.deliverPending()).toBe(0);
      expect((await stateOf(id)).attempts).toBe(1);
      await new Promise((r) => setTimeout(r, 250));
      expect(await sender.deliverPending()).toBe(0); // second refusal, now 400 ms
      await new Promise((r) => setTimeout(r, 450));
      expect(await sender.deliverPending()).toBe(1);
      row = await stateOf(id);
      expect(row).toMatchObject({ state: "SENT", attempts: 3, lastError: null });
      expect(smtp.refused()).toBe(2);
      expect(smtp.received.filter((m) => m.subject === "Retry")).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it("keeps a mail that never gets through as FAILED with its attempts and last error", async () => {
    const id = await queueEmail(database.db, { to: "x@example.com", subject: "Fail", body: "Text" });
    // A port where nothing listens: the SMTP connection is refused at once.
    const sender = createOutboxSender({
      db: database.db,
      logger,
      from: "t@example.com",
      smtpUrl: "smtp://127.0.0.1:1",
      maxAttempts: 3,
      backoffMs: 1,
    });
    for (let i = 0; i < 5; i++) {
      await sender.deliverPending();
      await new Promise((r) => setTimeout(r, 20));
    }
    const row = await stateOf(id);
    expect(row).toMatchObject({ state: "FAILED", attempts: 3, sentAt: null });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it("wakes on LISTEN/NOTIFY when a mail is committed, without waiting for the poll", async () => {
    const smtp = await startTestSmtpServer();
    const sender = createOutboxSender({
      db: database.db,
      logger,
      from: "t@example.com",
      smtpUrl: smtp.url,
      listen: database.listen,
      pollMs: 60_000,
    });
    try {
      await sender.start();
      await new Promise((r) => setTimeout(r, 100));
      await database.db.transaction((tx) => queueEmail(tx, { to: "x@example.com", subject: "Woken", body: "Text" }));
      const deadline = Date.now() + 5_000;
      while (smtp.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(smtp.received.map((m) => m.subject)).toEqual(["Woken"]);
    } finally {
      await sender.stop();
      await smtp.close();
    }
  });
});
