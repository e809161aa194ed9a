import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../src/db/client.js";
import { emailOutbox } from "../src/db/schema/index.js";
import { createLogger } from "../src/logger.js";
import { queueEmail } from "../src/modules/notifications/email.service.js";
import { createOutboxSender } from "../src/modules/notifications/outbox-sender.js";
import { startTestSmtpServer } from "../src/modules/notifications/test-smtp-server.js";

/** Two senders, each with its own connection pool as two API processes have, on one PostgreSQL. */
const base = process.env.TEST_DATABASE_URL!;
const name = `trygg_outbox_${randomBytes(5).toString("hex")}`;
let admin: postgres.Sql;
let one: Database;
let two: Database;

beforeAll(async () => {
  admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  one = await openDatabase({ url: url.toString() });
  await one.migrate();
  two = await openDatabase({ url: url.toString() });
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe("the outbox with two senders on one PostgreSQL", () => {
  it("delivers each of 100 mails exactly once, woken by NOTIFY", async () => {
    // The server refuses a few on the way, so retries race too.
    const smtp = await startTestSmtpServer({ refuseFirst: 5 });
    const logger = createLogger("silent");
    const options = { logger, from: "t@example.com", smtpUrl: smtp.url, backoffMs: 50, batchSize: 3, pollMs: 60_000 };
    const senders = [
      createOutboxSender({ ...options, db: one.db, listen: one.listen }),
      createOutboxSender({ ...options, db: two.db, listen: two.listen }),
    ];
    try {
      await Promise.all(senders.map((s) => s.start()));
      for (let i = 0; i < 100; i += 10) {
        await one.db.transaction(async (tx) => {
          for (let j = i; j < i + 10; j++)
            await queueEmail(tx, { to: `n${j}@example.com`, subject: `mail ${j}`, body: `body ${j}` });
        });
      }
      const deadline = Date.now() + 30_000;
      while (smtp.received.length < 100 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300)); // time for a duplicate to show up, if there were one
      const subjects = smtp.received.map((m) => m.subject).sort();
      expect(subjects).toHaveLength(100);
      expect(new Set(subjects).size).toBe(100);
      const rows = await one.db.select({ state: emailOutbox.state }).from(emailOutbox);
      expect(rows.every((r) => r.state === "SENT")).toBe(true);
      expect(smtp.refused()).toBe(5);
    } finally {
      await Promise.all(senders.map((s) => s.stop()));
      await smtp.close();
    }
  });
});
