import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, emailOutbox } from "../src/db/schema/index.js";
import { startTestApi, tableCounts, type TestApi } from "./support.js";

/** "Återaktivera": an admin brings a deactivated user back instead of inviting them anew. */
let api: TestApi;
let admin: string;
let karin: string;
const userIds: Record<string, string> = {};

const USER = `query($id: ID!) { node(id: $id) { ... on User { deactivatedAt version } } }`;
const DEACTIVATE = `mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { userErrors { code } } }`;
const REACTIVATE = `mutation($i: ReactivateUserInput!) { reactivateUser(input: $i) {
  user { id deactivatedAt version } userErrors { code field } } }`;

const versionOf = async (email: string) => (await api.gql(USER, { id: userIds[email] }, admin)).data.node.version;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login("admin@aptus.demo");
  karin = await api.login("karin@vastkustfast.demo");
  const r = await api.gql(`{ users(first: 100) { edges { node { id email } } } }`, {}, admin);
  for (const { node } of r.data.users.edges) userIds[node.email] = node.id;
});
afterAll(() => api?.close());

describe("reactivating a user", () => {
  it("lets the organisation's admin bring a colleague back at the version read: log-in works, mailed, audited", async () => {
    const kalle = userIds["kalle@vastkustfast.demo"]!;
    expect((await api.gql(DEACTIVATE, { i: { userId: kalle } }, karin)).data.deactivateUser.userErrors).toEqual([]);
    const version = await versionOf("kalle@vastkustfast.demo");
    // Another organisation's admin learns nothing; a stale version writes nothing.
    const eva = await api.login("eva@alvstranden.demo");
    const before = await tableCounts(api);
    const other = await api.gql(REACTIVATE, { i: { userId: kalle, expectedVersion: version } }, eva);
    expect(other.data.reactivateUser.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "userId"] }]);
    const stale = await api.gql(REACTIVATE, { i: { userId: kalle, expectedVersion: version - 1 } }, karin);
    expect(stale.data.reactivateUser.userErrors).toEqual([
      { code: "STALE_VERSION", field: ["input", "expectedVersion"] },
    ]);
    expect({ ...(await tableCounts(api)), sessions: 0 }).toEqual({ ...before, sessions: 0 });

    const done = await api.gql(REACTIVATE, { i: { userId: kalle, expectedVersion: version } }, karin);
    expect(done.data.reactivateUser).toEqual({
      user: { id: kalle, deactivatedAt: null, version: version + 1 },
      userErrors: [],
    });
    await expect(api.login("kalle@vastkustfast.demo")).resolves.toEqual(expect.any(String));
    const [mail] = await api.database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, "kalle@vastkustfast.demo"))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(1);
    expect(mail!.subject).toBe("Ditt konto i Trygg är aktiverat igen");
    const audits = await api.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "user.reactivate"), eq(auditEvents.objectType, "User")));
    expect(audits).toHaveLength(1);
    const again = await api.gql(REACTIVATE, { i: { userId: kalle, expectedVersion: version + 1 } }, karin);
    expect(again.data.reactivateUser.userErrors).toEqual([
      { code: "USER_NOT_DEACTIVATED", field: ["input", "userId"] },
    ]);
  });

  it("is for admins: a member is refused", async () => {
    const kalle = await api.login("kalle@vastkustfast.demo");
    const r = await api.gql(
      REACTIVATE,
      { i: { userId: userIds["karin@vastkustfast.demo"], expectedVersion: 1 } },
      kalle,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses an anonymised user (invite them instead) and a user whose organisation is deactivated", async () => {
    const eva = userIds["eva@alvstranden.demo"]!;
    await api.database.db.execute(
      sql`update users set deactivated_at = now(), anonymised_at = now() where email = 'eva@alvstranden.demo'`,
    );
    const anonymised = await api.gql(
      REACTIVATE,
      { i: { userId: eva, expectedVersion: await versionOf("eva@alvstranden.demo") } },
      admin,
    );
    expect(anonymised.data.reactivateUser.userErrors).toEqual([
      { code: "USER_ANONYMISED", field: ["input", "userId"] },
    ]);

    const orgs = await api.gql(`{ organisations(first: 100) { edges { node { id name version } } } }`, {}, admin);
    const linne = orgs.data.organisations.edges.find((e: any) => e.node.name === "Brf Linnégatan 12").node;
    const gone = await api.gql(
      `mutation($i: DeactivateOrganisationInput!) { deactivateOrganisation(input: $i) { userErrors { code } } }`,
      { i: { organisationId: linne.id, expectedVersion: linne.version, reason: "Bytte leverantör" } },
      admin,
    );
    expect(gone.data.deactivateOrganisation.userErrors).toEqual([]);
    const bo = await api.gql(
      REACTIVATE,
      { i: { userId: userIds["bo@brflinne.demo"], expectedVersion: await versionOf("bo@brflinne.demo") } },
      admin,
    );
    expect(bo.data.reactivateUser.userErrors).toEqual([
      { code: "ORGANISATION_DEACTIVATED", field: ["input", "userId"] },
    ]);
  });
});
