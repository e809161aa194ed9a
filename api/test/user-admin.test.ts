import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokenCache } from "../src/modules/access/api-token-cache.js";
import { PASSWORD, startTestApi, type TestApi } from "./support.js";

let api: TestApi;
let admin: string;
const userIds: Record<string, string> = {};

const DEACTIVATE = `mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { user { id deactivatedAt } userErrors { code field } } }`;
const CHANGE_ROLE = `mutation($i: ChangeUserRoleInput!) { changeUserRole(input: $i) { user { id role } userErrors { code field } } }`;
const CREATE_TOKEN = `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret apiToken { id expiresAt lastUsedAt } userErrors { code field } } }`;
/** Needs a caller: answers UNAUTHENTICATED for an ended session or token. */
const PROBE = `{ organisations(first: 1) { totalCount } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token userErrors { code message } } }`;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login("admin@aptus.demo");
  const r = await api.gql(`{ users(first: 100) { edges { node { id email } } } }`, {}, admin);
  for (const { node } of r.data.users.edges) userIds[node.email] = node.id;
});
afterAll(() => api?.close());

describe("deactivating a user", () => {
  it("ends the user's sessions and API tokens at once, and log-in answers as for a wrong password", async () => {
    const promoted = await api.gql(
      CHANGE_ROLE,
      { i: { userId: userIds["pelle@nordsak.demo"], role: "PARTNER_ADMIN" } },
      admin,
    );
    expect(promoted.data.changeUserRole.userErrors).toEqual([]);
    const pelle = await api.login("pelle@nordsak.demo");
    const token = await api.gql(CREATE_TOKEN, { i: { name: "CRM" } }, pelle);
    const secret = token.data.createApiToken.secret;
    expect((await api.gql(`{ viewer { user { email } } }`, {}, secret)).data.viewer.user.email).toBe(
      "pelle@nordsak.demo",
    );
    const r = await api.gql(DEACTIVATE, { i: { userId: userIds["pelle@nordsak.demo"] } }, admin);
    expect(r.data.deactivateUser.userErrors).toEqual([]);
    expect(r.data.deactivateUser.user.deactivatedAt).toEqual(expect.any(String));
    for (const t of [pelle, secret])
      expect((await api.gql(PROBE, {}, t)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const right = await api.gql(LOGIN, { i: { email: "pelle@nordsak.demo", password: PASSWORD } });
    const wrong = await api.gql(LOGIN, { i: { email: "pelle@nordsak.demo", password: "not-his-password" } });
    expect(right.data.login).toEqual(wrong.data.login);
    expect(right.data.login.userErrors[0].code).toBe("INVALID_CREDENTIALS");
  });

  it("lets a customer admin deactivate a colleague but not another organisation's user, and is audited", async () => {
    const eva = await api.login("eva@alvstranden.demo");
    const other = await api.gql(DEACTIVATE, { i: { userId: userIds["kalle@vastkustfast.demo"] } }, eva);
    expect(other.data.deactivateUser.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "userId"] }]);
    const karin = await api.login("karin@vastkustfast.demo");
    const own = await api.gql(DEACTIVATE, { i: { userId: userIds["kalle@vastkustfast.demo"] } }, karin);
    expect(own.data.deactivateUser.userErrors).toEqual([]);
    const audit = await api.gql(`{ auditEvents(first: 5) { edges { node { action } } } }`, {}, admin);
    expect(audit.data.auditEvents.edges.map((e: any) => e.node.action)).toContain("user.deactivate");
    const kalle = await api.login("kalle@vastkustfast.demo").catch(() => null);
    expect(kalle).toBeNull();
  });

  it("refuses to remove the last admin of an organisation", async () => {
    const karin = await api.login("karin@vastkustfast.demo");
    const self = await api.gql(DEACTIVATE, { i: { userId: userIds["karin@vastkustfast.demo"] } }, karin);
    expect(self.data.deactivateUser.userErrors).toEqual([{ code: "LAST_ADMIN", field: ["input", "userId"] }]);
    const demote = await api.gql(CHANGE_ROLE, { i: { userId: userIds["admin@aptus.demo"], role: "SELLER" } }, admin);
    expect(demote.data.changeUserRole.userErrors).toEqual([{ code: "LAST_ADMIN", field: ["input", "userId"] }]);
  });
});

describe("changing a role", () => {
  it("must fit the organisation's kind, and ends the user's sessions", async () => {
    const misfit = await api.gql(
      CHANGE_ROLE,
      { i: { userId: userIds["lars@lasteknikvast.demo"], role: "CUSTOMER_ADMIN" } },
      admin,
    );
    expect(misfit.data.changeUserRole.userErrors).toEqual([
      { code: "ROLE_NOT_ALLOWED_FOR_ORGANISATION", field: ["input", "role"] },
    ]);
    const sara = await api.login("sara.saljare@aptus.demo");
    const r = await api.gql(CHANGE_ROLE, { i: { userId: userIds["sara.saljare@aptus.demo"], role: "SUPPORT" } }, admin);
    expect(r.data.changeUserRole).toEqual({
      user: { id: userIds["sara.saljare@aptus.demo"], role: "SUPPORT" },
      userErrors: [],
    });
    expect((await api.gql(PROBE, {}, sara)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(
      (await api.gql(`{ viewer { user { role } } }`, {}, await api.login("sara.saljare@aptus.demo"))).data.viewer.user
        .role,
    ).toBe("SUPPORT");
  });

  it("is for admins: a member cannot change roles", async () => {
    const r = await api.gql(
      CHANGE_ROLE,
      { i: { userId: userIds["bo@brflinne.demo"], role: "CUSTOMER_MEMBER" } },
      await api.login("tomas.tekniker@aptus.demo"),
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("API tokens", () => {
  it("take an optional expiry of at most a year, stop working after it, and show when they were last used", async () => {
    const lars = await api.login("lars@lasteknikvast.demo");
    const tooFar = await api.gql(
      CREATE_TOKEN,
      { i: { name: "Far", expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString() } },
      lars,
    );
    expect(tooFar.data.createApiToken.userErrors).toEqual([{ code: "INVALID_EXPIRY", field: ["input", "expiresAt"] }]);
    const past = await api.gql(CREATE_TOKEN, { i: { name: "Past", expiresAt: "2020-01-01T00:00:00Z" } }, lars);
    expect(past.data.createApiToken.userErrors).toEqual([{ code: "INVALID_EXPIRY", field: ["input", "expiresAt"] }]);
    const soon = await api.gql(
      CREATE_TOKEN,
      { i: { name: "Soon", expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() } },
      lars,
    );
    const { secret, apiToken } = soon.data.createApiToken;
    expect(apiToken.expiresAt).toEqual(expect.any(String));
    expect((await api.gql(`{ viewer { user { email } } }`, {}, secret)).data.viewer.user.email).toBe(
      "lars@lasteknikvast.demo",
    );
    const seen = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on ApiToken { lastUsedAt } } }`,
      { id: apiToken.id },
      lars,
    );
    expect(seen.data.node.lastUsedAt).toEqual(expect.any(String));
    // the clock cannot be wound forward over HTTP: the expiry is moved into the past instead
    await api.database.db.execute(
      sql`update api_tokens set expires_at = now() - interval '1 second' where name = 'Soon'`,
    );
    // The API token cache keeps a token at most until its expiry as it was made; only this test moves
    // an expiry afterwards, so it forgets what the cache holds.
    apiTokenCache.clear();
    expect((await api.gql(PROBE, {}, secret)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
