import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreements, emailOutbox, users } from "../src/db/schema/index.js";
import { createLogger } from "../src/logger.js";
import { queueEmail } from "../src/modules/notifications/email.service.js";
import { createOutboxSender } from "../src/modules/notifications/outbox-sender.js";
import { startTestSmtpServer } from "../src/modules/notifications/test-smtp-server.js";
import { PROTOCOL_MAIL } from "../src/modules/visits/protocol.mails.js";
import { BOUNCED_ADDRESS, seedBouncedMail } from "../src/seed/demo-bounced-mail.js";
import { startTestApi, type TestApi } from "./support.js";

/** What each role's dashboard asks for what needs doing: visits to book and failed e-mail. */
let api: TestApi;
const tokens: Record<string, string> = {};
const LOGINS = {
  admin: "admin@aptus.demo",
  sara: "sara.saljare@aptus.demo",
  tomas: "tomas.tekniker@aptus.demo",
  petra: "petra@nordsak.demo",
  karin: "karin@vastkustfast.demo",
  maja: "maja@majvik.demo",
  hanna: "hanna@hisingen.demo",
};

beforeAll(async () => {
  api = await startTestApi();
  for (const [who, email] of Object.entries(LOGINS)) tokens[who] = await api.login(email);
});
afterAll(() => api?.close());

const TO_BOOK = `{ visitsToBook(first: 100) { totalCount edges { node { proposedOn late agreement { number customer { name } } } } } }`;
const OWN = `{ agreements(first: 100) { edges { node { number customer { name } visitToBook { proposedOn visitId } } } } }`;

describe("visits to book", () => {
  it("lists the due, unbooked annual visit for its seller, the admin and support; not for another tenant", async () => {
    for (const who of ["sara", "admin", "tomas"]) {
      const r = await api.gql(TO_BOOK, {}, tokens[who]);
      const customers = r.data.visitsToBook.edges.map((e: any) => e.node.agreement.customer.name);
      expect(customers, who).toEqual(["Majviks Fastigheter AB"]);
      expect(r.data.visitsToBook.totalCount).toBe(1);
      expect(r.data.visitsToBook.edges[0].node.late).toBe(false);
    }
    for (const who of ["petra", "karin", "hanna"]) {
      const r = await api.gql(TO_BOOK, {}, tokens[who]);
      expect(r.data.visitsToBook, who).toMatchObject({ totalCount: 0, edges: [] });
    }
    // Hisingen's visits are all booked, so nothing is due there.
    const hanna = await api.gql(OWN, {}, tokens.hanna);
    expect(hanna.data.agreements.edges.map((e: any) => e.node.visitToBook)).toEqual([null]);
  });

  it("tells the customer its visit is due, and drops it from every list once booked", async () => {
    const own = await api.gql(OWN, {}, tokens.maja);
    const [agreement] = own.data.agreements.edges.map((e: any) => e.node);
    expect(agreement.visitToBook.visitId).toBeNull();
    const { proposedOn } = agreement.visitToBook;
    const detail = await api.gql(
      `{ agreements(first: 1) { edges { node { id properties { id } } } } viewer { user { id } } }`,
      {},
      tokens.maja,
    );
    const node = detail.data.agreements.edges[0].node;
    const tomasId = (await api.gql(`{ viewer { user { id } } }`, {}, tokens.tomas)).data.viewer.user.id;
    const booked = await api.gql(
      `mutation($i: ScheduleServiceVisitInput!) { scheduleServiceVisit(input: $i) { serviceVisit { visitedOn } userErrors { code } } }`,
      {
        i: {
          agreementId: node.id,
          propertyId: node.properties[0].id,
          technicianId: tomasId,
          scheduledAt: `${proposedOn}T08:00:00Z`,
        },
      },
      tokens.sara,
    );
    expect(booked.data.scheduleServiceVisit.userErrors).toEqual([]);
    expect((await api.gql(TO_BOOK, {}, tokens.sara)).data.visitsToBook.totalCount).toBe(0);
    const after = await api.gql(OWN, {}, tokens.maja);
    expect(after.data.agreements.edges[0].node.visitToBook).toBeNull();
    // Her next visit is now the booked one, in her own calendar and in no one else's.
    const upcoming = `{ serviceVisits(filter: { upcoming: true }, first: 1) { edges { node { visitedOn agreement { customer { name } } technician { name } property { name } } } } }`;
    const next = (await api.gql(upcoming, {}, tokens.maja)).data.serviceVisits.edges[0].node;
    expect(next).toEqual({
      visitedOn: proposedOn,
      agreement: { customer: { name: "Majviks Fastigheter AB" } },
      technician: { name: "Tomas Tekniker" },
      property: { name: "Kv. Sjöbacken 3" },
    });
    const karins = (
      await api.gql(
        `{ serviceVisits(first: 100) { edges { node { agreement { customer { name } } } } } }`,
        {},
        tokens.karin,
      )
    ).data.serviceVisits.edges;
    expect(karins.every((e: any) => e.node.agreement.customer.name === "Västkustens Fastigheter AB")).toBe(true);
  });
});

const FAILED = `{ emails(filter: { state: [FAILED] }, first: 100) { totalCount edges { node { id to subject state attempts lastError createdAt } } } }`;
const RETRY = `mutation($i: RetryEmailInput!) { retryEmail(input: $i) { email { id state attempts } userErrors { code field message } } }`;

describe("the e-mail outbox for admins", () => {
  it("shows failed mail to admins only", async () => {
    const r = await api.gql(FAILED, {}, tokens.admin);
    expect(r.data.emails.edges.map((e: any) => e.node.to)).toEqual(["styrelsen@brflinne.dmeo"]);
    expect(r.data.emails.edges[0].node).toMatchObject({
      state: "FAILED",
      attempts: 10,
      lastError: expect.stringContaining("Domain not found"),
    });
    for (const who of ["sara", "tomas", "petra", "karin"]) {
      const denied = await api.gql(FAILED, {}, tokens[who]);
      expect(denied.errors?.[0]?.extensions?.code, who).toBe("FORBIDDEN");
      expect(denied.data?.emails ?? null).toBeNull();
    }
    const sections = async (who: string) =>
      (await api.gql(`{ viewer { sections } }`, {}, tokens[who])).data.viewer.sections;
    expect(await sections("admin")).toContain("EMAIL_OUTBOX");
    for (const who of ["sara", "tomas", "petra", "karin"]) expect(await sections(who)).not.toContain("EMAIL_OUTBOX");
  });

  it("sends a failed mail again when an admin retries it: delivered by the SMTP server, audited; others may not", async () => {
    // The demo's own mail goes out first (logged only), so the server's one refusal is ours.
    await createOutboxSender({
      db: api.database.db,
      logger: createLogger("silent"),
      from: "trygg@example.com",
    }).deliverPending();
    const smtp = await startTestSmtpServer({ refuseFirst: 1 });
    const sender = createOutboxSender({
      db: api.database.db,
      logger: createLogger("silent"),
      from: "trygg@example.com",
      smtpUrl: smtp.url,
      maxAttempts: 1,
    });
    try {
      await queueEmail(api.database.db, {
        to: "karin@vastkustfast.demo",
        subject: "Kvitto på ärende 4711",
        body: "Vi har tagit emot ert ärende.",
      });
      await sender.deliverPending();
      expect(smtp.refused()).toBe(1);
      const failed = (await api.gql(FAILED, {}, tokens.admin)).data.emails.edges
        .map((e: any) => e.node)
        .find((m: any) => m.subject === "Kvitto på ärende 4711");
      expect(failed).toMatchObject({
        state: "FAILED",
        attempts: 1,
        lastError: expect.stringContaining("Mailbox temporarily unavailable"),
      });

      const denied = await api.gql(RETRY, { i: { emailId: failed.id } }, tokens.sara);
      expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

      const retried = await api.gql(RETRY, { i: { emailId: failed.id } }, tokens.admin);
      expect(retried.data.retryEmail).toEqual({
        email: { id: failed.id, state: "PENDING", attempts: 0 },
        userErrors: [],
      });
      expect(await sender.deliverPending()).toBe(1);
      expect(smtp.received.map((m) => m.subject)).toEqual(["Kvitto på ärende 4711"]);
      const sent = await api.gql(
        `{ emails(filter: { state: [SENT] }, first: 100) { edges { node { id sentAt lastError } } } }`,
        {},
        tokens.admin,
      );
      expect(sent.data.emails.edges.map((e: any) => e.node)).toContainEqual({
        id: failed.id,
        sentAt: expect.any(String),
        lastError: null,
      });

      const again = await api.gql(RETRY, { i: { emailId: failed.id } }, tokens.admin);
      expect(again.data.retryEmail).toMatchObject({
        email: null,
        userErrors: [{ code: "EMAIL_NOT_FAILED", field: ["input", "emailId"] }],
      });
      const missing = await api.gql(RETRY, { i: { emailId: "bm90LWFuLWlk" } }, tokens.admin);
      expect(missing.data.retryEmail.userErrors.map((e: any) => e.code)).toEqual(["NOT_FOUND"]);

      const audit = await api.gql(
        `{ auditEvents(filter: { action: "email.retry" }, first: 10) { edges { node { objectType details } } } }`,
        {},
        tokens.admin,
      );
      expect(audit.data.auditEvents.edges.map((e: any) => e.node)).toEqual([
        {
          objectType: "EmailMessage",
          details: expect.objectContaining({ to: "karin@vastkustfast.demo", attempts: 1 }),
        },
      ]);
    } finally {
      await sender.stop();
      await smtp.close();
    }
  });
});

describe("accounts locked out by the log-in limits", () => {
  const LOCKOUTS = `{ loginLockouts { user { email } fromEveryAddress lockedUntil } }`;
  const UNLOCK = `mutation($i: UnlockLoginInput!) { unlockLogin(input: $i) { user { email } userErrors { code field } } }`;
  const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`;

  it("shows the admin who is locked out and lets the admin unlock them, audited; no one else", async () => {
    expect((await api.gql(LOCKOUTS, {}, tokens.admin)).data.loginLockouts).toEqual([]);
    for (let i = 0; i < 5; i++)
      await api.gql(LOGIN, { i: { email: "Karin@vastkustfast.demo", password: "fel lösenord" } });
    const refused = await api.gql(LOGIN, { i: { email: LOGINS.karin, password: "trygg-demo-2026" } });
    expect(refused.errors?.[0]?.extensions?.code).toBe("TOO_MANY_REQUESTS");

    const locked = (await api.gql(LOCKOUTS, {}, tokens.admin)).data.loginLockouts;
    expect(locked).toEqual([
      { user: { email: LOGINS.karin }, fromEveryAddress: false, lockedUntil: expect.any(String) },
    ]);
    expect(new Date(locked[0].lockedUntil).getTime()).toBeGreaterThan(Date.now());
    for (const who of ["sara", "tomas", "petra", "karin"]) {
      expect((await api.gql(LOCKOUTS, {}, tokens[who])).errors?.[0]?.extensions?.code, who).toBe("FORBIDDEN");
    }

    const karinId = (await api.gql(`{ viewer { user { id } } }`, {}, tokens.karin)).data.viewer.user.id;
    expect((await api.gql(UNLOCK, { i: { userId: karinId } }, tokens.sara)).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect((await api.gql(UNLOCK, { i: { userId: karinId } }, tokens.admin)).data.unlockLogin).toEqual({
      user: { email: LOGINS.karin },
      userErrors: [],
    });
    expect((await api.gql(LOCKOUTS, {}, tokens.admin)).data.loginLockouts).toEqual([]);
    const back = await api.gql(LOGIN, { i: { email: LOGINS.karin, password: "trygg-demo-2026" } });
    expect(back.data.login.token).toEqual(expect.any(String));

    expect((await api.gql(UNLOCK, { i: { userId: karinId } }, tokens.admin)).data.unlockLogin.userErrors).toEqual([
      { code: "NOT_LOCKED_OUT", field: ["input", "userId"] },
    ]);
    expect(
      (await api.gql(UNLOCK, { i: { userId: "bm90LWFuLWlk" } }, tokens.admin)).data.unlockLogin.userErrors.map(
        (e: any) => e.code,
      ),
    ).toEqual(["NOT_FOUND"]);
    const audit = await api.gql(
      `{ auditEvents(filter: { action: "user.unlockLogin" }, first: 10) { edges { node { objectType details } } } }`,
      {},
      tokens.admin,
    );
    expect(audit.data.auditEvents.edges.map((e: any) => e.node)).toEqual([
      { objectType: "User", details: expect.objectContaining({ email: LOGINS.karin, everywhere: false }) },
    ]);
  });
});

describe("the demo's bounced mail", () => {
  it("is worded by the protocol's own mail kind, in the language its reader reads Trygg in", async () => {
    const failed = (await api.gql(FAILED, {}, tokens.admin)).data.emails.edges.map((e: any) => e.node);
    const seeded = failed.find((m: any) => m.to === BOUNCED_ADDRESS);
    const [facts] = await api.database.db
      .select({ number: agreements.number })
      .from(agreements)
      .innerJoin(users, eq(users.organisationId, agreements.customerId))
      .where(eq(users.email, "bo@brflinne.demo"));
    const on = seeded.subject.slice(-10);
    const words = { on, property: "Linnégatan 12", number: facts!.number, technician: "x", vendor: "x" };
    expect(seeded.subject).toBe(PROTOCOL_MAIL.words.SV(words).subject);
    // The same seed step for a board that reads Trygg in English words the mail in English.
    await api.database.db.update(users).set({ language: "EN" }).where(eq(users.email, "bo@brflinne.demo"));
    const id = await seedBouncedMail(api.database.db, on);
    const [english] = await api.database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(english!.subject).toBe(PROTOCOL_MAIL.words.EN(words).subject);
    expect(english!.body).toContain("Tomas Tekniker");
    expect(english!.state).toBe("FAILED");
  });
});
