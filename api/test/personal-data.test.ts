import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { anonymiseFormerUsers } from "../src/modules/privacy/former-user-anonymisation.js";
import { startTestApi, type TestApi } from "./support.js";

/**
 * Data protection on PostgreSQL (decision 0086): the download, scoped like user administration, and the
 * anonymisation of former users after the retention period — by two processes at once, each user once, nothing of
 * the person left in any table, the history kept and shown as "före detta användare".
 */
let api: TestApi;
let admin: string;
let karin: string;
const userIds: Record<string, string> = {};

const EXPORT = `query($u: ID) { personalData(userId: $u) { data userErrors { code field } } }`;
const MISSING_USER = "VXNlcjowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDE=";

function databaseUrl(): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${api.databaseName}`;
  return url.toString();
}

/** Every row of every table as text: a person's name or address anywhere in the database shows up here. */
async function tablesHolding(text: string): Promise<string[]> {
  const tables = (await api.database.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  )) as unknown as { table_name: string }[];
  const holding: string[] = [];
  for (const { table_name } of tables) {
    const [row] = (await api.database.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table_name)} t where strpos(t::text, ${text}) > 0`,
    )) as unknown as { n: number }[];
    if (row!.n > 0) holding.push(table_name);
  }
  return holding;
}

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login("admin@aptus.demo");
  karin = await api.login("karin@vastkustfast.demo");
  const users = await api.gql(`{ users(first: 100) { edges { node { id email } } } }`, {}, admin);
  for (const { node } of users.data.users.edges) userIds[node.email] = node.id;
});
afterAll(() => api?.close());

describe("downloading personal data", () => {
  it("gives a user their own data as JSON: account, sessions, mails", async () => {
    const r = await api.gql(EXPORT, {}, karin);
    expect(r.errors).toBeUndefined();
    const data = r.data.personalData.data;
    expect(data.user).toMatchObject({ email: "karin@vastkustfast.demo", name: "Karin Fastighetschef" });
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining(["apiTokens", "invitations", "mailsReceived", "supportCaseMessages", "activity"]),
    );
  });

  it("lets an admin download their own organisation's users and the vendor admin anyone's; others answer as missing", async () => {
    const kalle = userIds["kalle@vastkustfast.demo"];
    const petra = userIds["petra@nordsak.demo"];
    expect((await api.gql(EXPORT, { u: kalle }, karin)).data.personalData.data.user.email).toBe(
      "kalle@vastkustfast.demo",
    );
    expect((await api.gql(EXPORT, { u: petra }, admin)).data.personalData.data.user.email).toBe("petra@nordsak.demo");
    const foreign = await api.gql(EXPORT, { u: petra }, karin);
    const missing = await api.gql(EXPORT, { u: MISSING_USER }, karin);
    expect(foreign.data).toEqual(missing.data);
    expect(foreign.data.personalData).toEqual({ data: null, userErrors: [{ code: "NOT_FOUND", field: ["userId"] }] });
    // A member manages nobody: a colleague's data answers as missing too.
    const kalleToken = await api.login("kalle@vastkustfast.demo");
    const colleague = await api.gql(EXPORT, { u: userIds["karin@vastkustfast.demo"] }, kalleToken);
    expect(colleague.data.personalData.userErrors).toEqual([{ code: "NOT_FOUND", field: ["userId"] }]);
  });
});

describe("anonymising former users", () => {
  it("after the retention period, by two processes at once, removes the person from every table and keeps history", async () => {
    const tomas = userIds["tomas.tekniker@aptus.demo"];
    const pelle = userIds["pelle@nordsak.demo"];
    for (const id of [tomas, pelle]) {
      const r = await api.gql(
        `mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { userErrors { code } } }`,
        { i: { userId: id } },
        admin,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data.deactivateUser.userErrors).toEqual([]);
    }
    // Tomas left 25 months ago, Pelle 23: only Tomas's retention period (24 months) has run out.
    await api.database.db.execute(
      sql`update users set deactivated_at = now() - interval '25 months' where email = 'tomas.tekniker@aptus.demo'`,
    );
    await api.database.db.execute(
      sql`update users set deactivated_at = now() - interval '23 months' where email = 'pelle@nordsak.demo'`,
    );
    expect(await tablesHolding("tomas.tekniker@aptus.demo")).toEqual(expect.arrayContaining(["users", "audit_events"]));

    const open = () => openDatabase({ url: databaseUrl(), postgres: { poolSize: 2 } });
    const [p1, p2] = await Promise.all([open(), open()]);
    try {
      const now = new Date();
      const counts = await Promise.all([anonymiseFormerUsers(p1.db, now, 24), anonymiseFormerUsers(p2.db, now, 24)]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      // Idempotent: the next day's pass finds nothing more.
      expect(await anonymiseFormerUsers(p1.db, now, 24)).toBe(0);
    } finally {
      await Promise.all([p1.close(), p2.close()]);
    }

    expect(await tablesHolding("tomas.tekniker@aptus.demo")).toEqual([]);
    expect(await tablesHolding("Tomas Tekniker")).toEqual([]);
    expect(await tablesHolding("pelle@nordsak.demo")).toContain("users");
    const marks = (await api.database.db.execute(
      sql`select count(*)::int as n from audit_events where action = 'user.anonymise'`,
    )) as unknown as { n: number }[];
    expect(marks[0]!.n).toBe(1);

    // The history stays: the user is there, under the former-user name; their log-in is gone.
    const node = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on User { name email formerUser deactivatedAt } } }`,
      { id: tomas },
      admin,
    );
    expect(node.data.node).toMatchObject({ name: "före detta användare", formerUser: true });
    expect(node.data.node.email).toMatch(/@anonymised\.invalid$/);
    await expect(api.login("tomas.tekniker@aptus.demo")).rejects.toThrow();
    const exported = await api.gql(EXPORT, { u: tomas }, admin);
    expect(JSON.stringify(exported.data.personalData.data)).not.toContain("tomas.tekniker@aptus.demo");
  });

  it("shows the former user as the actor of what they did", async () => {
    // Tomas did the demo's visits: what he did stays his.
    await api.database.db.execute(
      sql`update audit_events set action = 'test.formerActor' where id = (select id from audit_events
          where actor_user_id = (select id from users where email like 'former-user-%') limit 1)`,
    );
    const r = await api.gql(
      `{ auditEvents(filter: { action: "test.formerActor" }, first: 1) { edges { node { actorSummary { name formerUser } } } } }`,
      {},
      admin,
    );
    expect(r.data.auditEvents.edges[0].node.actorSummary).toEqual({ name: "före detta användare", formerUser: true });
  });

  it("names the former user in the reader's language: an admin who reads Trygg in English reads 'former user'", async () => {
    await api.database.db.execute(sql`update users set language = 'EN' where email = 'admin@aptus.demo'`);
    try {
      const r = await api.gql(
        `{ auditEvents(filter: { action: "test.formerActor" }, first: 1) { edges { node { actorSummary { name formerUser } } } }
           users(first: 100) { edges { node { name formerUser } } } }`,
        {},
        admin,
      );
      expect(r.data.auditEvents.edges[0].node.actorSummary).toEqual({ name: "former user", formerUser: true });
      const former = r.data.users.edges.map((e: any) => e.node).filter((u: any) => u.formerUser);
      expect(former.length).toBeGreaterThan(0);
      expect(former.every((u: any) => u.name === "former user")).toBe(true);
      // A Swedish reader still reads the Swedish words.
      const sv = await api.gql(`{ users(first: 100) { edges { node { name formerUser } } } }`, {}, karin);
      for (const { node } of sv.data.users.edges) if (node.formerUser) expect(node.name).toBe("före detta användare");
    } finally {
      await api.database.db.execute(sql`update users set language = 'SV' where email = 'admin@aptus.demo'`);
    }
  });
});
