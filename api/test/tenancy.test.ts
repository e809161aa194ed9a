import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
let admin: string;
let karin: string;
let bo: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login("admin@aptus.demo");
  karin = await api.login("karin@vastkustfast.demo");
  bo = await api.login("bo@brflinne.demo");
  const orgs = await api.gql(`{ organisations(first: 100) { edges { node { id name users(first: 50) { edges { node { id email } } } properties(first: 50) { edges { node { id name } } } } } } }`, {}, admin);
  for (const { node } of orgs.data.organisations.edges) {
    ids[node.name] = node.id;
    for (const u of node.users.edges) ids[u.node.email] = u.node.id;
    for (const p of node.properties.edges) ids[p.node.name] = p.node.id;
  }
});
afterAll(() => api?.close());

describe("a customer user and another customer's things", () => {
  it("cannot read the other organisation, property or user by id: the answer is the same as for a missing id", async () => {
    const q = `query($o: ID!, $p: ID!, $u: ID!) { organisation(id: $o) { name } property(id: $p) { name } user(id: $u) { email } a: node(id: $o) { id } b: node(id: $p) { id } c: node(id: $u) { id } }`;
    const other = await api.gql(q, { o: ids["Brf Linnégatan 12"], p: ids["Linnégatan 12"], u: ids["bo@brflinne.demo"] }, karin);
    const missing = await api.gql(
      q,
      { o: "T3JnYW5pc2F0aW9uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMQ", p: "UHJvcGVydHk6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAx", u: "VXNlcjowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDE" },
      karin,
    );
    expect(other.errors).toBeUndefined();
    expect(other.data).toEqual({ organisation: null, property: null, user: null, a: null, b: null, c: null });
    expect(other.data).toEqual(missing.data);
  });

  it("cannot see them in lists", async () => {
    const r = await api.gql(`{ organisations(first: 100) { edges { node { name } } } properties(first: 100) { totalCount edges { node { name } } } users(first: 100) { edges { node { email } } } }`, {}, karin);
    const names = r.data.organisations.edges.map((e: any) => e.node.name);
    expect(names).toContain("Västkustens Fastigheter AB");
    expect(names).not.toContain("Brf Linnégatan 12");
    expect(names).not.toContain("Älvstrandens Hyresbostäder AB");
    expect(r.data.properties.edges.map((e: any) => e.node.name).sort()).toEqual(["Kv. Kungsladugård 7", "Kv. Majorna 12", "Kv. Masthugget 4"]);
    expect(r.data.users.edges.map((e: any) => e.node.email).sort()).toEqual(["kalle@vastkustfast.demo", "karin@vastkustfast.demo"]);
  });

  it("cannot list the other organisation's users or properties through a filter", async () => {
    const r = await api.gql(
      `query($o: ID!) { users(organisationId: $o) { totalCount } properties(filter: { customerId: $o }) { totalCount } }`,
      { o: ids["Brf Linnégatan 12"] },
      karin,
    );
    expect(r.data).toEqual({ users: { totalCount: 0 }, properties: { totalCount: 0 } });
  });

  it("cannot write into the other organisation: the answer is NOT_FOUND, and nothing is written", async () => {
    const r = await api.gql(
      `mutation($i: CreatePropertyInput!) { createProperty(input: $i) { property { id } userErrors { code field } } }`,
      { i: { customerId: ids["Västkustens Fastigheter AB"], name: "Inbrott", streetAddress: "X 1", postalCode: "41101", city: "Gbg", apartments: 1 } },
      bo,
    );
    expect(r.data.createProperty).toEqual({ property: null, userErrors: [{ code: "NOT_FOUND", field: ["input", "customerId"] }] });
    const u = await api.gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code } } }`,
      { i: { organisationId: ids["Västkustens Fastigheter AB"], name: "Intrång", email: "x@x.example", role: "CUSTOMER_ADMIN", password: "long-enough-password" } },
      bo,
    );
    expect(u.data.createUser).toEqual({ user: null, userErrors: [{ code: "NOT_FOUND" }] });
  });

  it("a customer member cannot create users at all (FORBIDDEN)", async () => {
    const kalle = await api.login("kalle@vastkustfast.demo");
    const r = await api.gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }`,
      { i: { organisationId: ids["Västkustens Fastigheter AB"], name: "N", email: "n@x.example", role: "CUSTOMER_MEMBER", password: "long-enough-password" } },
      kalle,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("a partner", () => {
  it("sees the properties it installs for and their customers, not others", async () => {
    const petra = await api.login("petra@nordsak.demo");
    const r = await api.gql(`{ properties(first: 50) { edges { node { name customer { name } } } } organisations(filter: { kind: CUSTOMER }) { edges { node { name } } } }`, {}, petra);
    expect(r.data.properties.edges.map((e: any) => e.node.name).sort()).toEqual(["Kv. Majorna 12", "Kv. Masthugget 4", "Linnégatan 12"]);
    expect(r.data.organisations.edges.map((e: any) => e.node.name).sort()).toEqual(["Brf Linnégatan 12", "Västkustens Fastigheter AB"]);
  });
});
