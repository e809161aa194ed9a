import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemViewerOf } from "../src/modules/access/access.service.js";
import { terminateAgreement } from "../src/modules/agreements/agreement.service.js";
import { createHanteraAccount } from "../src/modules/agreements/hantera-quota.js";
import { addActionItem, updateActionItem } from "../src/modules/tailoring/action-plan.js";
import { reopenTailoringStep } from "../src/modules/tailoring/tailoring.service.js";
import { clockAt } from "../src/shared/clock.js";
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
  const orgs = await api.gql(
    `{ organisations(first: 100) { edges { node { id name users(first: 50) { edges { node { id email } } } properties(first: 50) { edges { node { id name } } } } } } }`,
    {},
    admin,
  );
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
    const other = await api.gql(
      q,
      { o: ids["Brf Linnégatan 12"], p: ids["Linnégatan 12"], u: ids["bo@brflinne.demo"] },
      karin,
    );
    const missing = await api.gql(
      q,
      {
        o: "T3JnYW5pc2F0aW9uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMQ",
        p: "UHJvcGVydHk6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAx",
        u: "VXNlcjowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDE",
      },
      karin,
    );
    expect(other.errors).toBeUndefined();
    expect(other.data).toEqual({ organisation: null, property: null, user: null, a: null, b: null, c: null });
    expect(other.data).toEqual(missing.data);
  });

  it("cannot see them in lists", async () => {
    const r = await api.gql(
      `{ organisations(first: 100) { edges { node { name } } } properties(first: 100) { totalCount edges { node { name } } } users(first: 100) { edges { node { email } } } }`,
      {},
      karin,
    );
    const names = r.data.organisations.edges.map((e: any) => e.node.name);
    expect(names).toContain("Västkustens Fastigheter AB");
    expect(names).not.toContain("Brf Linnégatan 12");
    expect(names).not.toContain("Älvstrandens Hyresbostäder AB");
    expect(r.data.properties.edges.map((e: any) => e.node.name).sort()).toEqual([
      "Kv. Kungsladugård 7",
      "Kv. Majorna 12",
      "Kv. Masthugget 4",
    ]);
    expect(r.data.users.edges.map((e: any) => e.node.email).sort()).toEqual([
      "kalle@vastkustfast.demo",
      "karin@vastkustfast.demo",
    ]);
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
      {
        i: {
          customerId: ids["Västkustens Fastigheter AB"],
          name: "Inbrott",
          streetAddress: "X 1",
          postalCode: "41101",
          city: "Gbg",
          apartments: 1,
        },
      },
      bo,
    );
    expect(r.data.createProperty).toEqual({
      property: null,
      userErrors: [{ code: "NOT_FOUND", field: ["input", "customerId"] }],
    });
    const u = await api.gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code } } }`,
      {
        i: {
          organisationId: ids["Västkustens Fastigheter AB"],
          name: "Intrång",
          email: "x@x.example",
          role: "CUSTOMER_ADMIN",
          password: "long-enough-password",
        },
      },
      bo,
    );
    expect(u.data.createUser).toEqual({ user: null, userErrors: [{ code: "NOT_FOUND" }] });
  });

  it("a customer member cannot create users at all (FORBIDDEN)", async () => {
    const kalle = await api.login("kalle@vastkustfast.demo");
    const r = await api.gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }`,
      {
        i: {
          organisationId: ids["Västkustens Fastigheter AB"],
          name: "N",
          email: "n@x.example",
          role: "CUSTOMER_MEMBER",
          password: "long-enough-password",
        },
      },
      kalle,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("a partner", () => {
  it("sees the properties it installs for and their customers, not others", async () => {
    const petra = await api.login("petra@nordsak.demo");
    const r = await api.gql(
      `{ properties(first: 50) { edges { node { name customer { name } } } } organisations(filter: { kind: CUSTOMER }) { edges { node { name } } } }`,
      {},
      petra,
    );
    expect(r.data.properties.edges.map((e: any) => e.node.name).sort()).toEqual([
      "Kv. Majorna 12",
      "Kv. Masthugget 4",
      "Linnégatan 12",
    ]);
    expect(r.data.organisations.edges.map((e: any) => e.node.name).sort()).toEqual([
      "Brf Linnégatan 12",
      "Västkustens Fastigheter AB",
    ]);
  });
});

/**
 * Authorisation comes before every rule about the input: a mutation on another tenant's object
 * answers exactly as one on a missing object (NOT_FOUND), however wrong the rest of the input is.
 * An input rule answered first would tell the caller nothing about the object today, but the
 * order is what keeps it so when a rule comes to depend on the object.
 */
describe("a mutation on another tenant's object, with input that breaks a rule", () => {
  const missingId = (type: string) =>
    Buffer.from(`${type}:00000000-0000-0000-0000-000000000001`, "utf8").toString("base64url");
  const idOfType = (id: string) => Buffer.from(id, "base64url").toString("utf8").split(":")[0]!;

  /** The agreement, tailoring, plan or case of another customer, found as the admin sees it. */
  async function things() {
    const r = await api.gql(
      `{ agreements(first: 100) { edges { node { id number tailoring { id } actionPlan { id items { id } } } } } supportCases(first: 100) { edges { node { id number } } } }`,
      {},
      admin,
    );
    const agreement = (n: string) => r.data.agreements.edges.map((e: any) => e.node).find((a: any) => a.number === n);
    const supportCase = (n: string) =>
      r.data.supportCases.edges.map((e: any) => e.node).find((c: any) => c.number === n).id as string;
    return { agreement, supportCase };
  }

  /** A second seller: the demo's agreements are all Sara's, so none of them is this one's. */
  async function otherSeller(): Promise<string> {
    const email = "sven.saljare@aptus.demo";
    const password = "Sven-säljer-lås-i-Göteborg-2026";
    const r = await api.gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code } } }`,
      { i: { organisationId: ids["Aptus Elektronik AB"], name: "Sven Säljare", email, role: "SELLER", password } },
      admin,
    );
    expect(r.data.createUser.userErrors).toEqual([]);
    return api.login(email, password);
  }

  it("answers NOT_FOUND, as for a missing one, before any rule about the input", async () => {
    const { agreement, supportCase } = await things();
    const linne = agreement("TA-2026-0002"); // Brf Linnégatan 12's, partner Nordsäk
    const hisingen = agreement("TA-2023-0001"); // Hisingens Bostäder's, with an action plan
    const majvik = agreement("TA-2026-0004");
    const petra = await api.login("petra@nordsak.demo");
    const sven = await otherSeller();
    const price = { amountMinor: 1, currency: "SEK" };
    const cases: {
      name: string;
      as: string;
      mutation: string;
      input: (id: string) => Record<string, unknown>;
      id: string;
    }[] = [
      {
        name: "rentLicence with a price, by a customer",
        as: karin,
        mutation: "rentLicence(input: $i) { userErrors { code field message } }",
        input: (id) => ({
          agreementId: id,
          kind: "HANTERA",
          quantity: 1,
          agreedPrice: price,
          priceReason: "x",
          startsOn: "2026-06-01",
          endsOn: "2026-01-01",
        }),
        id: linne.id,
      },
      {
        name: "orderAddOn with a price, by a customer",
        as: karin,
        mutation: "orderAddOn(input: $i) { userErrors { code field message } }",
        input: (id) => ({ agreementId: id, kind: "MONITORING", hostedServices: ["BOKNING"], agreedPrice: price }),
        id: linne.id,
      },
      {
        name: "replyToSupportCase without a message, by a customer",
        as: karin,
        mutation: "replyToSupportCase(input: $i) { userErrors { code field message } }",
        input: (id) => ({ caseId: id, body: "   " }),
        id: supportCase("SC-2026-0004"),
      },
      {
        name: "handOverSupportCase without a note, by another installer",
        as: petra,
        mutation: "handOverSupportCase(input: $i) { userErrors { code field message } }",
        input: (id) => ({ caseId: id, to: "VENDOR", note: "   " }),
        id: supportCase("SC-2026-0003"),
      },
      {
        name: "recordSystemReview without attendees, by another seller",
        as: sven,
        mutation: "recordSystemReview(input: $i) { userErrors { code field message } }",
        input: (id) => ({ tailoringId: id, meetingOn: "2026-03-01", attendees: ["  "], findings: [] }),
        id: majvik.tailoring.id,
      },
    ];
    const answers: { name: string; foreign: unknown; missing: unknown }[] = [];
    for (const c of cases) {
      const field = c.mutation.slice(0, c.mutation.indexOf("("));
      const inputType = `${field[0]!.toUpperCase()}${field.slice(1)}Input`;
      const send = async (id: string) => {
        const r = await api.gql(`mutation($i: ${inputType}!) { ${c.mutation} }`, { i: c.input(id) }, c.as);
        return r.errors ?? r.data[field];
      };
      const foreign = await send(c.id);
      const missing = await send(missingId(idOfType(c.id)));
      answers.push({ name: c.name, foreign, missing });
    }

    // Rules the API's argument validation already refuses (blank names and reasons, negative
    // estimates) are the services' too, for scripts and jobs: the same order there.
    const db = api.database.db;
    const clock = clockAt();
    const uuid = (id: string) => Buffer.from(id, "base64url").toString("utf8").split(":")[1]!;
    const missing = "00000000-0000-0000-0000-000000000001";
    const asKarin = (await systemViewerOf(db, "karin@vastkustfast.demo"))!;
    const asSven = (await systemViewerOf(db, "sven.saljare@aptus.demo"))!;
    const calls: { name: string; call: (id: string) => Promise<unknown>; id: string }[] = [
      {
        name: "createHanteraAccount",
        call: (id) => createHanteraAccount(db, asKarin, { agreementId: id, name: " ", email: "x@example.com" }, clock),
        id: uuid(linne.id),
      },
      {
        name: "addActionItem",
        call: (id) =>
          addActionItem(db, asKarin, { actionPlanId: id, title: " ", owner: "CUSTOMER", estimateHours: -1 }, clock),
        id: uuid(hisingen.actionPlan.id),
      },
      {
        name: "updateActionItem",
        call: (id) => updateActionItem(db, asKarin, { actionItemId: id, estimateHours: -1 }, clock),
        id: uuid(hisingen.actionPlan.items[0].id),
      },
      {
        name: "terminateAgreement",
        call: (id) =>
          terminateAgreement(db, asSven, { agreementId: id, terminatesOn: clock.today, reason: " " }, clock),
        id: uuid(majvik.id),
      },
      {
        name: "reopenTailoringStep",
        call: (id) => reopenTailoringStep(db, asSven, { tailoringId: id, step: "REVIEW", reason: " " }, clock),
        id: uuid(majvik.tailoring.id),
      },
    ];
    for (const c of calls) answers.push({ name: c.name, foreign: await c.call(c.id), missing: await c.call(missing) });

    const codes = (a: unknown) =>
      (
        (a as { errors?: { code: string }[] }).errors ??
        (a as { userErrors?: { code: string }[] }).userErrors ??
        []
      ).map((e) => e.code);
    for (const { name, foreign, missing } of answers) expect(foreign, name).toEqual(missing);
    expect(
      answers
        .filter((a) => codes(a.foreign).join() !== "NOT_FOUND")
        .map((a) => `${a.name}: ${codes(a.foreign).join()}`),
    ).toEqual([]);
  });
});
