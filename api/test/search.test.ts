import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support.js";

/** Search over HTTP on PostgreSQL 15: the pg_trgm migration, the tenant scope and bad input as a client sees them. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const SEARCH = `query($q: String!, $first: Int) { search(query: $q, first: $first) { kind nodeId title subtitle organisationKind score } }`;

describe("search over HTTP", () => {
  it("finds across typos and links to things node(id) opens", async () => {
    const karin = await api.login("karin@vastkustfast.demo");
    const r = await api.gql(SEARCH, { q: "masthuget" }, karin);
    expect(r.errors).toBeUndefined();
    expect(r.data.search).toEqual([
      expect.objectContaining({
        kind: "PROPERTY",
        title: "Kv. Masthugget 4",
        subtitle: "Masthuggsterrassen 3, 413 18 Göteborg",
      }),
    ]);
    const node = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Property { name } } }`,
      { id: r.data.search[0].nodeId },
      karin,
    );
    expect(node.data.node).toEqual({ name: "Kv. Masthugget 4" });
  });

  it("never answers with another tenant's things", async () => {
    const karin = await api.login("karin@vastkustfast.demo");
    for (const q of ["kastanj", "769623-4561", "alvstranden", "eriksberg", "linnegatan"]) {
      expect((await api.gql(SEARCH, { q }, karin)).data.search).toEqual([]);
    }
    const admin = await api.login("admin@aptus.demo");
    expect((await api.gql(SEARCH, { q: "kastanj" }, admin)).data.search.length).toBeGreaterThan(0);
  });

  it("asks for credentials first", async () => {
    const r = await api.gql(SEARCH, { q: "kastanj" }, null);
    expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it.each([
    ["", "QUERY_EMPTY"],
    ["x".repeat(500), "QUERY_TOO_LONG"],
    ["ab\ncd", "QUERY_CONTROL_CHARACTERS"],
  ])("refuses %j with BAD_USER_INPUT (%s), never an internal error", async (q, reason) => {
    const r = await api.gql(SEARCH, { q }, await api.login("admin@aptus.demo"));
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason,
      field: "query",
      requestId: expect.any(String),
    });
    expect(r.errors![0]!.message).not.toMatch(/internal|stack/i);
  });

  it("refuses a NUL character at the API's boundary (the one text rule) before search sees it", async () => {
    const r = await api.gql(SEARCH, { q: "ab\u0000cd" }, await api.login("admin@aptus.demo"));
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: ["q"],
      requestId: expect.any(String),
    });
    expect(r.errors![0]!.message).not.toMatch(/internal|stack/i);
  });
});
