import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";
import { mailIncidents, sweepDueChecks } from "../src/modules/monitoring/index.js";
import { createOutboxSender } from "../src/modules/notifications/outbox-sender.js";
import { startTestSmtpServer } from "../src/modules/notifications/test-smtp-server.js";
import { startMonitoringWorld, type MonitoringWorld, type TestApi } from "./support.js";

/**
 * Issue 20's "who is told": the customer's admins and the installer's admins are e-mailed about an
 * incident through the outbox, after the grouping wait, with reminders and a back-up mail, each once,
 * and each person only the mails they chose.
 */
let w: MonitoringWorld;
let api: TestApi;
let sql: postgres.Sql;
let token: Record<string, string>;
const MIN = 60_000;
const settings = { waitMs: 5 * MIN, reminderMs: 24 * 60 * MIN, portalUrl: "https://trygg.example" };
const at = (d: Date, ms: number) => new Date(d.getTime() + ms);

beforeAll(async () => {
  w = await startMonitoringWorld(["karin", "kalle", "petra", "pelle"]);
  ({ api, sql, token } = w);
});
afterAll(() => w?.close());

/** A check on Kv. Masthugget 4, made by its customer's admin; its ping key. */
async function createCheck(input: Record<string, unknown>) {
  const made = await w.createCheck(input);
  expect(made.userErrors).toEqual([]);
  return made.pingKey!;
}

const ping = (path: string) => w.ping(path);

/** A heartbeat that pinged once and then fell silent 50 minutes ago, swept into DOWN: its incident's start. */
async function outage(name: string) {
  const key = await createCheck({ kind: "HEARTBEAT", name, periodSeconds: 600 });
  expect((await ping(key)).status).toBe(200);
  await sql`update monitoring_checks set expected_at = now() - interval '50 minutes', alert_after = now() - interval '50 minutes' where name = ${name}`;
  await sweepDueChecks(api.database.db, new Date());
  const [i] =
    await sql`select i.started_at from monitoring_incidents i join monitoring_checks c on c.id = i.check_id where c.name = ${name} and i.resolved_at is null`;
  return { key, startedAt: i!.started_at as Date };
}

/** The incident mail queued about one check (not support's own mail about its case), oldest first. */
async function mailsAbout(name: string) {
  const rows = await sql`select to_address, subject, body from email_outbox
    where subject ~ '^(Avbrott|Fortfarande nere|Åter i drift|Backup): ' and subject like ${`%${name} på%`}
    order by created_at, to_address`;
  return rows.map((r) => ({ to: r.to_address as string, subject: r.subject as string, body: r.body as string }));
}

describe("incident e-mail", () => {
  it("mails the customer's and the installer's admins after the wait, reminds once a day, and says when it is back", async () => {
    const name = "Hantera-databasen";
    const { key, startedAt } = await outage(name);
    await mailIncidents(api.database.db, at(startedAt, 4 * MIN), settings);
    expect(await mailsAbout(name)).toEqual([]);

    await mailIncidents(api.database.db, at(startedAt, 5 * MIN), settings);
    const first = await mailsAbout(name);
    // Not the customer's member (Kalle) nor the partner's staff (Pelle): the admins.
    expect(first.map((m) => m.to)).toEqual(["karin@vastkustfast.demo", "petra@nordsak.demo"]);
    expect(first[0]!.subject).toBe("Avbrott: Hantera-databasen på Kv. Masthugget 4 har inte hörts av i tid");
    expect(first[0]!.body).toContain("Anläggning: Kv. Masthugget 4");
    expect(first[0]!.body).toContain("Kontroll: Hantera-databasen");
    expect(first[0]!.body).toMatch(/Nere sedan: [^\n]+ \d\d:\d\d \(svensk tid\)/);
    expect(first[0]!.body).toContain(
      `Övervakningen: https://trygg.example/monitoring?property=${encodeURIComponent(w.property["Kv. Masthugget 4"]!)}`,
    );
    expect(first[0]!.body).toMatch(/Supportärende SC-\d{4}-\d+: https:\/\/trygg\.example\/support\/\S+/);
    expect(first[0]!.body).toContain("https://trygg.example/account");

    await mailIncidents(api.database.db, at(startedAt, 5 * MIN), settings);
    await mailIncidents(api.database.db, at(startedAt, 5 * MIN + 24 * 60 * MIN - 1), settings);
    expect(await mailsAbout(name)).toHaveLength(2);
    await mailIncidents(api.database.db, at(startedAt, 5 * MIN + 24 * 60 * MIN), settings);
    await mailIncidents(api.database.db, at(startedAt, 5 * MIN + 25 * 60 * MIN), settings);
    const reminders = (await mailsAbout(name)).slice(2);
    expect(reminders.map((m) => [m.to, m.subject])).toEqual([
      ["karin@vastkustfast.demo", "Fortfarande nere: Hantera-databasen på Kv. Masthugget 4"],
      ["petra@nordsak.demo", "Fortfarande nere: Hantera-databasen på Kv. Masthugget 4"],
    ]);
    expect(reminders[0]!.body).toContain("är fortfarande nere, nu i 1 dygn");

    expect((await ping(key)).status).toBe(200);
    const smtp = await startTestSmtpServer();
    try {
      await mailIncidents(api.database.db, new Date(), settings);
      await mailIncidents(api.database.db, at(new Date(), 60 * MIN), settings);
      const sender = createOutboxSender({
        db: api.database.db,
        logger: createLogger("silent"),
        from: "trygg@example.com",
        smtpUrl: smtp.url,
      });
      await sender.deliverPending();
      const back = smtp.received.filter((m) => m.subject?.startsWith("Åter i drift: Hantera-databasen"));
      expect(back.map((m) => m.to && "text" in m.to && m.to.text).sort()).toEqual([
        "karin@vastkustfast.demo",
        "petra@nordsak.demo",
      ]);
      expect(back[0]!.text).toMatch(
        /^Hantera-databasen på Kv\. Masthugget 4 är åter i drift sedan .+\.\nAvbrottet varade \d+ min\./,
      );
      expect(
        smtp.received.filter((m) =>
          /^(Avbrott|Fortfarande nere|Åter i drift): Hantera-databasen/.test(m.subject ?? ""),
        ),
      ).toHaveLength(6);
    } finally {
      await smtp.close();
    }
    expect(await mailsAbout(name)).toHaveLength(6);
  });

  it("sends nothing for a failed backup that succeeded again within the wait, and a backup mail for one that did not", async () => {
    const name = "Nattlig backup";
    const key = await createCheck({ kind: "BACKUP_JOB", name, cronExpression: "0 2 * * *" });
    expect((await ping(`${key}/1`)).status).toBe(200);
    const now = new Date();
    await mailIncidents(api.database.db, at(now, 2 * MIN), settings);
    expect((await ping(`${key}?size_bytes=5000000&duration_ms=60000`)).status).toBe(200);
    await mailIncidents(api.database.db, at(now, 60 * MIN), settings);
    await mailIncidents(api.database.db, at(now, 3 * 24 * 60 * MIN), settings);
    expect(await mailsAbout(name)).toEqual([]);

    expect((await ping(`${key}/1`)).status).toBe(200);
    await mailIncidents(api.database.db, at(new Date(), 6 * MIN), settings);
    expect((await mailsAbout(name)).map((m) => [m.to, m.subject])).toEqual([
      ["karin@vastkustfast.demo", "Backup: Nattlig backup på Kv. Masthugget 4 rapporterade fel"],
      ["petra@nordsak.demo", "Backup: Nattlig backup på Kv. Masthugget 4 rapporterade fel"],
    ]);
  });

  it("says in Swedish why a believable-looking backup was not, and keeps the anomaly's code in the API", async () => {
    const name = "Veckobackup";
    const key = await createCheck({ kind: "BACKUP_JOB", name, cronExpression: "0 3 * * 0" });
    // "Success" with neither size nor duration: nothing shows a backup was written (backup-anomaly.ts).
    expect((await ping(key)).status).toBe(200);
    await mailIncidents(api.database.db, at(new Date(), 6 * MIN), settings);
    const [mail] = await mailsAbout(name);
    expect(mail!.subject).toBe(
      "Backup: Veckobackup på Kv. Masthugget 4 rapporterade lyckad backup utan storlek och tid",
    );
    expect(mail!.body).toContain("Vad: rapporterade lyckad backup utan storlek och tid");
    expect(`${mail!.subject}\n${mail!.body}`).not.toMatch(/backup (was|took|reported)|bytes|without/i);
    const [row] = await sql`select c.id from monitoring_checks c where c.name = ${name}`;
    const r = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on MonitoringCheck {
        pings(first: 1) { edges { node { anomaly } } } incidents { reason } } } }`,
      { id: Buffer.from(`MonitoringCheck:${row!.id}`).toString("base64url") },
      token.karin,
    );
    expect(r.data.node.pings.edges[0].node.anomaly).toBe("BACKUP_FIGURES_MISSING");
    expect(r.data.node.incidents).toEqual([{ reason: "BACKUP_FIGURES_MISSING" }]);
  });

  it("leaves out a person who turned that mail off and a deactivated admin; a new admin gets it unasked", async () => {
    const off = await api.gql(
      `mutation($i: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $i) { notificationPreferences { topic enabled } userErrors { code } } }`,
      { i: { preferences: [{ topic: "OUTAGE_STARTED", enabled: false }] } },
      token.karin,
    );
    expect(off.data.updateNotificationPreferences.userErrors).toEqual([]);
    // A new admin has every mail without choosing; a deactivated one gets none.
    await sql`insert into users (organisation_id, email, name, role, password_hash, deactivated_at)
      select organisation_id, e.email, e.name, 'CUSTOMER_ADMIN', '-', e.gone
      from users, (values ('ny@vastkustfast.demo', 'Ny Admin', null::timestamptz), ('slutat@vastkustfast.demo', 'Slutat', now())) as e(email, name, gone)
      where users.email = 'karin@vastkustfast.demo'`;
    const name = "Aptusportalen";
    const { key, startedAt } = await outage(name);
    await mailIncidents(api.database.db, at(startedAt, 10 * MIN), settings);
    expect((await mailsAbout(name)).map((m) => m.to)).toEqual(["ny@vastkustfast.demo", "petra@nordsak.demo"]);
    const [row] =
      await sql`select m.recipients from monitoring_incident_mails m join monitoring_incidents i on i.id = m.incident_id join monitoring_checks c on c.id = i.check_id where c.name = ${name}`;
    expect(row!.recipients).toBe(2);
    // The back-up mail is a topic of its own, still on for Karin.
    expect((await ping(key)).status).toBe(200);
    await mailIncidents(api.database.db, new Date(), settings);
    expect((await mailsAbout(name)).map((m) => [m.to, m.subject.split(":")[0]])).toEqual([
      ["ny@vastkustfast.demo", "Avbrott"],
      ["petra@nordsak.demo", "Avbrott"],
      ["karin@vastkustfast.demo", "Åter i drift"],
      ["ny@vastkustfast.demo", "Åter i drift"],
      ["petra@nordsak.demo", "Åter i drift"],
    ]);
    await sql`delete from users where email in ('ny@vastkustfast.demo', 'slutat@vastkustfast.demo')`;
    await api.gql(
      `mutation($i: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $i) { userErrors { code } } }`,
      { i: { preferences: [{ topic: "OUTAGE_STARTED", enabled: true }] } },
      token.karin,
    );
  });

  it("mails each occasion exactly once when two sweepers on their own connections race over the same incidents", async () => {
    const starts: Date[] = [];
    for (let i = 0; i < 12; i++) starts.push((await outage(`Kapplöpning ${i}`)).startedAt);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${api.databaseName}`;
    const [one, two] = await Promise.all([
      openDatabase({ url: url.toString() }),
      openDatabase({ url: url.toString() }),
    ]);
    try {
      const later = at(new Date(Math.max(...starts.map((s) => s.getTime()))), 10 * MIN);
      for (let round = 0; round < 3; round++)
        await Promise.all([mailIncidents(one.db, later, settings), mailIncidents(two.db, later, settings)]);
      const mails = await sql`select to_address, subject, count(*)::int as n from email_outbox
        where subject like 'Avbrott: Kapplöpning %' group by 1, 2`;
      expect(mails).toHaveLength(24);
      expect(new Set(mails.map((m) => m.n))).toEqual(new Set([1]));
      const occasions = await sql`select count(*)::int as n from monitoring_incident_mails m
        join monitoring_incidents i on i.id = m.incident_id join monitoring_checks c on c.id = i.check_id
        where c.name like 'Kapplöpning %'`;
      expect(occasions[0]!.n).toBe(12);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe("notification preferences over GraphQL", () => {
  const VIEWER = `{ viewer { notificationPreferences { topic enabled } } }`;
  const UPDATE = `mutation($i: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $i) { notificationPreferences { topic enabled } userErrors { code field } } }`;

  it("offers an admin every incident mail, on by default, and a customer member none", async () => {
    const karin = await api.gql(VIEWER, {}, token.petra);
    expect(karin.data.viewer.notificationPreferences).toEqual(
      [
        "OUTAGE_STARTED",
        "OUTAGE_REMINDER",
        "OUTAGE_RECOVERED",
        "BACKUP_STARTED",
        "BACKUP_REMINDER",
        "BACKUP_RECOVERED",
        "RENEWAL_REMINDER",
      ].map((topic) => ({ topic, enabled: true })),
    );
    expect((await api.gql(VIEWER, {}, token.kalle)).data.viewer.notificationPreferences).toEqual([]);
  });

  it("changes the caller's own choices only, keeps topics left out, and refuses what the role never gets", async () => {
    const r = await api.gql(
      UPDATE,
      { i: { preferences: [{ topic: "BACKUP_REMINDER", enabled: false }] } },
      token.petra,
    );
    expect(r.data.updateNotificationPreferences.userErrors).toEqual([]);
    expect(r.data.updateNotificationPreferences.notificationPreferences).toContainEqual({
      topic: "BACKUP_REMINDER",
      enabled: false,
    });
    expect(r.data.updateNotificationPreferences.notificationPreferences.filter((p: any) => !p.enabled)).toHaveLength(1);
    // Karin, of another organisation, is untouched.
    const karin = await api.gql(VIEWER, {}, token.karin);
    expect(karin.data.viewer.notificationPreferences.every((p: any) => p.enabled)).toBe(true);

    const member = await api.gql(
      UPDATE,
      { i: { preferences: [{ topic: "OUTAGE_STARTED", enabled: false }] } },
      token.kalle,
    );
    expect(member.data.updateNotificationPreferences).toEqual({
      notificationPreferences: null,
      userErrors: [{ code: "TOPIC_NOT_AVAILABLE", field: ["input", "preferences", "0", "topic"] }],
    });
    const twice = await api.gql(
      UPDATE,
      {
        i: {
          preferences: [
            { topic: "OUTAGE_STARTED", enabled: false },
            { topic: "OUTAGE_STARTED", enabled: true },
          ],
        },
      },
      token.petra,
    );
    expect(twice.data.updateNotificationPreferences.userErrors).toEqual([
      { code: "DUPLICATE_TOPIC", field: ["input", "preferences", "1"] },
    ]);
    const bad = await api.gql(UPDATE, { i: { preferences: [{ topic: "EVERYTHING", enabled: false }] } }, token.petra);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const anonymous = await api.gql(UPDATE, { i: { preferences: [] } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const [audit] =
      await sql`select details from audit_events where action = 'notification.preferences' order by occurred_at desc limit 1`;
    expect(audit!.details).toEqual({ off: ["BACKUP_REMINDER"], on: [] });
  });
});
