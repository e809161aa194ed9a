import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token expiresAt viewer { user { name role } organisation { name kind } } userErrors { code message field } } }`;
const VIEWER = `{ viewer { user { email role } organisation { name } authenticatedWith } }`;

describe("log-in over HTTP", () => {
  it("works with the right password and answers who you are", async () => {
    const r = await api.gql(LOGIN, { i: { email: "karin@vastkustfast.demo", password: "trygg-demo-2026" } });
    expect(r.data.login.userErrors).toEqual([]);
    expect(r.data.login.viewer).toEqual({
      user: { name: "Karin Fastighetschef", role: "CUSTOMER_ADMIN" },
      organisation: { name: "Västkustens Fastigheter AB", kind: "CUSTOMER" },
    });
    const me = await api.gql(VIEWER, {}, r.data.login.token);
    expect(me.data.viewer).toEqual({
      user: { email: "karin@vastkustfast.demo", role: "CUSTOMER_ADMIN" },
      organisation: { name: "Västkustens Fastigheter AB" },
      authenticatedWith: "SESSION",
    });
  });

  it("refuses a wrong password with a clear message that does not say which part was wrong", async () => {
    const wrong = await api.gql(LOGIN, { i: { email: "karin@vastkustfast.demo", password: "wrong-password" } });
    const unknown = await api.gql(LOGIN, { i: { email: "nobody@vastkustfast.demo", password: "trygg-demo-2026" } });
    expect(wrong.data.login).toMatchObject({
      token: null,
      viewer: null,
      userErrors: [{ code: "INVALID_CREDENTIALS", message: "The e-mail address or the password is wrong." }],
    });
    expect(unknown.data.login).toEqual(wrong.data.login);
  });

  it("answers UNAUTHENTICATED without credentials, and null for viewer", async () => {
    const r = await api.gql(`{ organisations { totalCount } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await api.gql(VIEWER)).data.viewer).toBeNull();
  });

  it("ends the session at logout", async () => {
    const token = await api.login("bo@brflinne.demo");
    const out = await api.gql(`mutation { logout { loggedOut userErrors { code } } }`, {}, token);
    expect(out.data.logout).toEqual({ loggedOut: true, userErrors: [] });
    const after = await api.gql(`{ organisations { totalCount } }`, {}, token);
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("no longer accepts an expired session", async () => {
    const token = await api.login("eva@alvstranden.demo");
    expect((await api.gql(`{ properties { totalCount } }`, {}, token)).data.properties.totalCount).toBe(2);
    await api.database.db.execute(
      // Time travel for one session only: the one just made.
      (await import("drizzle-orm"))
        .sql`update sessions set expires_at = now() - interval '1 second' where id = (select id from sessions order by created_at desc limit 1)`,
    );
    const r = await api.gql(`{ properties { totalCount } }`, {}, token);
    expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("partner API tokens", () => {
  it("are made by a partner admin, work as Bearer tokens, and stop working when revoked", async () => {
    const session = await api.login("petra@nordsak.demo");
    const made = await api.gql(
      `mutation { createApiToken(input: { name: "Vårt CRM" }) { secret apiToken { id name prefix revokedAt } userErrors { code } } }`,
      {},
      session,
    );
    const { secret, apiToken } = made.data.createApiToken;
    expect(secret).toMatch(/^tgk_/);
    expect(secret.startsWith(apiToken.prefix)).toBe(true);

    const asPartner = await api.gql(VIEWER, {}, secret);
    expect(asPartner.data.viewer).toMatchObject({
      user: { email: "petra@nordsak.demo" },
      authenticatedWith: "API_TOKEN",
    });
    const listed = await api.gql(
      `{ apiTokens { totalCount edges { node { name lastUsedAt createdBy { name } } } } }`,
      {},
      session,
    );
    expect(listed.data.apiTokens.edges[0].node).toMatchObject({
      name: "Vårt CRM",
      createdBy: { name: "Petra Partner" },
    });
    expect(JSON.stringify(listed)).not.toContain(secret);

    const revoked = await api.gql(
      `mutation($id: ID!) { revokeApiToken(input: { apiTokenId: $id }) { apiToken { revokedAt } userErrors { code } } }`,
      { id: apiToken.id },
      session,
    );
    expect(revoked.data.revokeApiToken.apiToken.revokedAt).toBeTruthy();
    const after = await api.gql(`{ organisations { totalCount } }`, {}, secret);
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot be made by a customer", async () => {
    const token = await api.login("karin@vastkustfast.demo");
    const r = await api.gql(`mutation { createApiToken(input: { name: "x" }) { secret } }`, {}, token);
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("of another partner cannot be revoked: it answers as a missing one", async () => {
    const petra = await api.login("petra@nordsak.demo");
    const lars = await api.login("lars@lasteknikvast.demo");
    const made = await api.gql(
      `mutation { createApiToken(input: { name: "Nordsäk" }) { apiToken { id } } }`,
      {},
      petra,
    );
    const id = made.data.createApiToken.apiToken.id;
    const r = await api.gql(
      `mutation($id: ID!) { revokeApiToken(input: { apiTokenId: $id }) { apiToken { id } userErrors { code } } }`,
      { id },
      lars,
    );
    const missing = await api.gql(
      `mutation($id: ID!) { revokeApiToken(input: { apiTokenId: $id }) { apiToken { id } userErrors { code } } }`,
      { id: "QXBpVG9rZW46MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAx" },
      lars,
    );
    expect(r.data.revokeApiToken).toEqual({ apiToken: null, userErrors: [{ code: "NOT_FOUND" }] });
    expect(r.data.revokeApiToken).toEqual(missing.data.revokeApiToken);
  });
});
