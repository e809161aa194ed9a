import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { emailOutbox } from "../../db/schema/index.js";
import { createLogger } from "../../logger.js";
import { freshDatabase } from "../../test-support.js";
import { queueEmail } from "./email.service.js";
import { createOutboxSender } from "./outbox-sender.js";

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe("the e-mail outbox", () => {
  it("delivers queued mail once and marks it sent", async () => {
    await queueEmail(database.db, { to: "seller@example.com", subject: "Hej", body: "Text" });
    const sender = createOutboxSender({ db: database.db, logger: createLogger("silent"), from: "trygg@example.com" });
    expect(await sender.deliverPending()).toBe(1);
    expect(await sender.deliverPending()).toBe(0);
    const [row] = await database.db.select().from(emailOutbox);
    expect(row?.sentAt).toBeInstanceOf(Date);
  });

  it("keeps mail that fails, counting attempts, and gives up after five", async () => {
    await queueEmail(database.db, { to: "x@example.com", subject: "Fail", body: "Text" });
    // A port where nothing listens: the SMTP connection is refused at once.
    const sender = createOutboxSender({ db: database.db, logger: createLogger("silent"), from: "t@example.com", smtpUrl: "smtp://127.0.0.1:1" });
    for (let i = 0; i < 6; i++) await sender.deliverPending();
    const rows = await database.db.select().from(emailOutbox);
    const failed = rows.find((r) => r.subject === "Fail")!;
    expect(failed.sentAt).toBeNull();
    expect(failed.attempts).toBe(5);
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
  });
});
