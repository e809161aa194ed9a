import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, tableCounts, type TestApi } from "./support.js";

let api: TestApi;
let admin: string;
let seller: string;
const agreementOf: Record<string, { id: string; version: number; status: string }> = {};

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login("admin@aptus.demo");
  seller = await api.login("sara.saljare@aptus.demo");
  const r = await api.gql(
    `{ agreements(first: 100) { edges { node { id number version status customer { name } } } } }`,
    {},
    admin,
  );
  for (const { node } of r.data.agreements.edges) {
    const key = `${node.customer.name}:${node.status}`;
    agreementOf[key] = node;
  }
});
afterAll(() => api?.close());

const CREATE_ACCOUNT = `mutation($i: CreateHanteraAccountInput!) { createHanteraAccount(input: $i) { hanteraAccount { id } userErrors { code message } } }`;

describe("the Hantera quota under concurrency", () => {
  it("ends with exactly the quota when 20 requests race for the last places", async () => {
    const brf = agreementOf["Brf Linnégatan 12:ACTIVE"]!;
    const bo = await api.login("bo@brflinne.demo");
    const before = await api.gql(
      `query($id: ID!) { agreement(id: $id) { hanteraAccountQuota hanteraQuota { used } } }`,
      { id: brf.id },
      bo,
    );
    const { hanteraAccountQuota: quota, hanteraQuota } = before.data.agreement;
    expect(quota).toBe(5);
    const free = quota - hanteraQuota.used;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.gql(
          CREATE_ACCOUNT,
          { i: { agreementId: brf.id, name: `Racer ${i}`, email: `racer${i}@brflinne.demo` } },
          bo,
        ),
      ),
    );
    const created = results.filter((r) => r.data.createHanteraAccount.hanteraAccount);
    const refused = results.filter((r) => r.data.createHanteraAccount.userErrors[0]?.code === "HANTERA_QUOTA_REACHED");
    expect(created).toHaveLength(free);
    expect(refused).toHaveLength(20 - free);
    const after = await api.gql(
      `query($id: ID!) { agreement(id: $id) { hanteraQuota { used } hanteraAccounts { active } } }`,
      { id: brf.id },
      bo,
    );
    expect(after.data.agreement.hanteraQuota.used).toBe(quota);
    expect(after.data.agreement.hanteraAccounts.filter((a: any) => a.active)).toHaveLength(quota);
  });
});

describe("agreements across tenants", () => {
  it("a customer sees only its own agreements; another's answers as missing", async () => {
    const karin = await api.login("karin@vastkustfast.demo");
    const list = await api.gql(`{ agreements(first: 50) { edges { node { customer { name } } } } }`, {}, karin);
    expect(new Set(list.data.agreements.edges.map((e: any) => e.node.customer.name))).toEqual(
      new Set(["Västkustens Fastigheter AB"]),
    );
    const other = agreementOf["Brf Linnégatan 12:ACTIVE"]!.id;
    const r = await api.gql(
      `query($id: ID!) { agreement(id: $id) { number } node(id: $id) { id } }`,
      { id: other },
      karin,
    );
    expect(r.data).toEqual({ agreement: null, node: null });
  });

  it("node(id) refetches the parts of an agreement only for those who may see the agreement", async () => {
    const bo = await api.login("bo@brflinne.demo");
    const karin = await api.login("karin@vastkustfast.demo");
    const own = await api.gql(
      `query($id: ID!) { agreement(id: $id) { hanteraAccounts { id name } } }`,
      { id: agreementOf["Brf Linnégatan 12:ACTIVE"]!.id },
      bo,
    );
    const account = own.data.agreement.hanteraAccounts[0];
    const Q = `query($id: ID!) { node(id: $id) { id ... on HanteraAccount { name } } }`;
    expect((await api.gql(Q, { id: account.id }, bo)).data.node).toEqual(account);
    expect((await api.gql(Q, { id: account.id }, karin)).data.node).toBeNull();
  });

  it("a customer admin cannot act on another customer's agreement: NOT_FOUND, nothing written", async () => {
    const karin = await api.login("karin@vastkustfast.demo");
    const before = await tableCounts(api);
    const r = await api.gql(
      CREATE_ACCOUNT,
      {
        i: {
          agreementId: agreementOf["Älvstrandens Hyresbostäder AB:EXPIRING"]!.id,
          name: "Intrång",
          email: "x@x.example",
        },
      },
      karin,
    );
    expect(r.data.createHanteraAccount).toEqual({
      hanteraAccount: null,
      userErrors: [{ code: "NOT_FOUND", message: "No such agreement." }],
    });
    expect(await tableCounts(api)).toEqual(before);
  });

  it("a customer member reads but cannot act", async () => {
    const kalle = await api.login("kalle@vastkustfast.demo");
    const own = agreementOf["Västkustens Fastigheter AB:ACTIVE"]!.id;
    expect(
      (await api.gql(`query($id: ID!) { agreement(id: $id) { number } }`, { id: own }, kalle)).data.agreement.number,
    ).toMatch(/^TA-/);
    const r = await api.gql(CREATE_ACCOUNT, { i: { agreementId: own, name: "N", email: "n@x.example" } }, kalle);
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a partner sees the agreements it signed and no others", async () => {
    const petra = await api.login("petra@nordsak.demo");
    const list = await api.gql(
      `{ agreements(first: 50) { edges { node { partner { name } customer { name } } } } }`,
      {},
      petra,
    );
    expect(list.data.agreements.edges.map((e: any) => e.node.partner.name)).toEqual(
      expect.arrayContaining(["Nordsäk Säkerhet AB"]),
    );
    expect(list.data.agreements.edges.every((e: any) => e.node.partner.name === "Nordsäk Säkerhet AB")).toBe(true);
  });

  it("a partner cannot renew (sellers and admins change agreements)", async () => {
    const petra = await api.login("petra@nordsak.demo");
    const r = await api.gql(
      `mutation($id: ID!) { renewAgreement(input: { agreementId: $id, endsOn: "2099-01-01" }) { agreement { id } } }`,
      { id: agreementOf["Västkustens Fastigheter AB:ACTIVE"]!.id },
      petra,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("renewing over HTTP", () => {
  it("a seller renews an expiring agreement: new period, history kept, status ACTIVE, STALE_VERSION on a second try with the old version", async () => {
    const a = agreementOf["Älvstrandens Hyresbostäder AB:EXPIRING"]!;
    const q = await api.gql(
      `query($id: ID!) { agreement(id: $id) { endsOn version lapsePreview { benefit } } }`,
      { id: a.id },
      seller,
    );
    expect(q.data.agreement.lapsePreview.map((i: any) => i.benefit)).toEqual(
      expect.arrayContaining(["ANNUAL_VISIT", "HOSTING", "HANTERA_ACCOUNTS", "LICENCE_RENTAL"]),
    );
    const RENEW = `mutation($i: RenewAgreementInput!) { renewAgreement(input: $i) { agreement { status version endsOn periods { sequence startsOn endsOn } licenceRentals { carriedOver } } userErrors { code field } } }`;
    const input = {
      agreementId: a.id,
      endsOn: "2099-12-31",
      carryOverRentals: true,
      expectedVersion: q.data.agreement.version,
    };
    const r = await api.gql(RENEW, { i: input }, seller);
    expect(r.data.renewAgreement.userErrors).toEqual([]);
    expect(r.data.renewAgreement.agreement.status).toBe("ACTIVE");
    expect(r.data.renewAgreement.agreement.periods).toHaveLength(2);
    expect(r.data.renewAgreement.agreement.licenceRentals.some((x: any) => x.carriedOver)).toBe(true);
    const again = await api.gql(RENEW, { i: input }, seller);
    expect(again.data.renewAgreement.userErrors).toEqual([
      { code: "STALE_VERSION", field: ["input", "expectedVersion"] },
    ]);
  });

  it("the agreement's history shows renewals and its parts' changes, with who did them", async () => {
    const a = agreementOf["Älvstrandens Hyresbostäder AB:EXPIRING"]!;
    const r = await api.gql(
      `query($id: ID!) { agreement(id: $id) { history { action actor { name } } } }`,
      { id: a.id },
      seller,
    );
    const actions = r.data.agreement.history.map((e: any) => e.action);
    expect(actions[0]).toBe("agreement.renew");
    expect(r.data.agreement.history[0].actor.name).toBe("Sara Säljare");
    expect(actions).toEqual(
      expect.arrayContaining([
        "agreement.create",
        "agreement.activate",
        "hanteraAccount.create",
        "addOn.order",
        "licenceRental.create",
      ]),
    );
  });

  it("hosting on an expired agreement answers AGREEMENT_REQUIRED", async () => {
    const r = await api.gql(
      `mutation($id: ID!) { orderAddOn(input: { agreementId: $id, kind: HOSTING, hostedServices: [BOKNING] }) { addOn { id } userErrors { code } } }`,
      { id: agreementOf["Brf Kastanjen:EXPIRED"]!.id },
      admin,
    );
    expect(r.data.orderAddOn.userErrors).toEqual([{ code: "AGREEMENT_REQUIRED" }]);
  });

  it("filters by status", async () => {
    const r = await api.gql(
      `{ agreements(filter: { status: [DRAFT, TERMINATED] }) { edges { node { status } } } }`,
      {},
      admin,
    );
    expect(r.data.agreements.edges.map((e: any) => e.node.status).sort()).toEqual(["DRAFT", "TERMINATED"]);
  });
});
