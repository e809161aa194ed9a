import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../src/db/client.js";
import { emailOutbox } from "../src/db/schema/index.js";
import { queueEmail } from "../src/modules/notifications/email.service.js";
import { startTestSmtpServer } from "../src/modules/notifications/test-smtp-server.js";
import { seedDemo } from "../src/seed/demo.js";
import { startApiProcess, type ApiProcess } from "./api-process.js";
import { emptyTestDatabase, PASSWORD } from "./support.js";

/**
 * Two API processes on one PostgreSQL, as behind a load balancer: nothing that must be shared is
 * kept in one process's memory — sessions, log-in limits and the e-mail outbox.
 */
let url: string;
let dropDatabase: (() => Promise<void>) | undefined;
let database: Database;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let one: ApiProcess;
let two: ApiProcess;

beforeAll(async () => {
  ({ url, drop: dropDatabase } = await emptyTestDatabase("trygg_procs"));
  database = await openDatabase({ url });
  await database.migrate();
  await seedDemo(database.db);
  smtp = await startTestSmtpServer();
  const env = {
    DATABASE_URL: url,
    SMTP_URL: smtp.url,
    LOGIN_MAX_FAILURES_PER_ACCOUNT: "3",
    LOGIN_MAX_FAILURES_PER_ADDRESS: "1000",
  };
  [one, two] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
});

afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop()]);
  await smtp?.close();
  await database?.close();
  await dropDatabase?.();
});

const wrongLogin = (api: ApiProcess, email: string) =>
  api.gql(`mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`, {
    i: { email, password: "wrong-password" },
  });

describe("two API processes on one PostgreSQL", () => {
  it("share sessions: a log-in on one works on the other", async () => {
    const token = await one.login("karin@vastkustfast.demo", PASSWORD);
    const r = await two.gql(`{ viewer { user { email } } }`, {}, token);
    expect(r.data?.viewer?.user?.email).toBe("karin@vastkustfast.demo");
  });

  it("share log-in limits, which also survive a restart", async () => {
    for (let i = 0; i < 3; i++) expect((await wrongLogin(i % 2 ? one : two, "eva@alvstranden.demo")).status).toBe(200);
    const onOther = await wrongLogin(one, "eva@alvstranden.demo");
    expect(onOther.status).toBe(429);
    expect(onOther.errors?.[0]?.extensions?.code).toBe("TOO_MANY_REQUESTS");

    await one.stop();
    one = await startApiProcess({
      DATABASE_URL: url,
      SMTP_URL: smtp.url,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: "3",
      LOGIN_MAX_FAILURES_PER_ADDRESS: "1000",
    });
    const afterRestart = await one.gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, {
      i: { email: "eva@alvstranden.demo", password: PASSWORD },
    });
    expect(afterRestart.status).toBe(429);
  });

  it("deliver each of 100 outbox mails exactly once between them", async () => {
    for (let i = 0; i < 100; i += 20) {
      await database.db.transaction(async (tx) => {
        for (let j = i; j < i + 20; j++)
          await queueEmail(tx, { to: `p${j}@example.com`, subject: `process mail ${j}`, body: `body ${j}` });
      });
    }
    const deadline = Date.now() + 30_000;
    const ours = () => smtp.received.filter((m) => m.subject?.startsWith("process mail "));
    while (ours().length < 100 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    const subjects = ours().map((m) => m.subject);
    expect(subjects).toHaveLength(100);
    expect(new Set(subjects).size).toBe(100);
    // Ours only: the demo keeps one mail that bounced for good, for the admin's outbox.
    const states = await database.db
      .select({ state: emailOutbox.state, subject: emailOutbox.subject })
      .from(emailOutbox);
    expect(states.filter((s) => s.subject.startsWith("process mail ") && s.state !== "SENT")).toEqual([]);
  });
});
