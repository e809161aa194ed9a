import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, tableCounts, type TestApi } from "./support.js";

/** A partner signs up a customer of its own, registers its properties and proposes an agreement (decision 0082). */
let api: TestApi;
const token: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  for (const [k, email] of Object.entries({
    petra: "petra@nordsak.demo",
    pelle: "pelle@nordsak.demo",
    lars: "lars@lasteknikvast.demo",
    karin: "karin@vastkustfast.demo",
    sara: "sara.saljare@aptus.demo",
  }))
    token[k] = await api.login(email);
});
afterAll(async () => {
  await api?.close();
});

const CREATE_ORG = `mutation($i: CreateOrganisationInput!) {
  createOrganisation(input: $i) { organisation { id name kind } userErrors { code field } }
}`;
const CREATE_PROPERTY = `mutation($i: CreatePropertyInput!) {
  createProperty(input: $i) { property { id name installer { name } } userErrors { code field } }
}`;
const PROPOSE = `mutation($i: ProposeAgreementInput!) {
  proposeAgreement(input: $i) { proposal { id status partner { name } customer { name } } userErrors { code field } }
}`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Organisation { name } } }`;
const ORGS = `{ organisations(first: 100, filter: { kind: CUSTOMER }) { edges { node { id name } } } }`;

const property = (customerId: string, over: Record<string, unknown> = {}) => ({
  customerId,
  name: "Ekgatan 4",
  streetAddress: "Ekgatan 4",
  postalCode: "41301",
  city: "Göteborg",
  apartments: 24,
  ...over,
});

async function idOf(name: string, who: string) {
  const r = await api.gql(ORGS, {}, token[who]);
  return r.data.organisations.edges.find((e: { node: { name: string } }) => e.node.name === name)?.node.id as
    string | undefined;
}

describe("a partner's own customer", () => {
  let customer: string;
  let propertyId: string;

  it("is registered by the partner admin, and only as a customer", async () => {
    const r = await api.gql(
      CREATE_ORG,
      { i: { kind: "CUSTOMER", name: "Brf Eken", organisationNumber: "769640-1236" } },
      token.petra,
    );
    expect(r.data.createOrganisation.userErrors).toEqual([]);
    customer = r.data.createOrganisation.organisation.id;
    const partner = await api.gql(
      CREATE_ORG,
      { i: { kind: "PARTNER", name: "Nordsäk Syd AB", organisationNumber: "556999-0012" } },
      token.petra,
    );
    expect(partner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const staff = await api.gql(
      CREATE_ORG,
      { i: { kind: "CUSTOMER", name: "Brf Ek 2", organisationNumber: "769650-0029" } },
      token.pelle,
    );
    expect(staff.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("is in its partner's scope at once, and in no other partner's or customer's", async () => {
    expect(await idOf("Brf Eken", "petra")).toBe(customer);
    expect(await idOf("Brf Eken", "pelle")).toBe(customer);
    expect(await idOf("Brf Eken", "lars")).toBeUndefined();
    expect((await api.gql(NODE, { id: customer }, token.lars)).data.node).toBeNull();
    expect((await api.gql(NODE, { id: customer }, token.karin)).data.node).toBeNull();
  });

  it("gets its properties from the partner, as their installer; another partner registers none for it", async () => {
    const r = await api.gql(CREATE_PROPERTY, { i: property(customer) }, token.petra);
    expect(r.data.createProperty.userErrors).toEqual([]);
    expect(r.data.createProperty.property.installer.name).toBe("Nordsäk Säkerhet AB");
    propertyId = r.data.createProperty.property.id;
    const foreign = await api.gql(CREATE_PROPERTY, { i: property(customer) }, token.lars);
    expect(foreign.data.createProperty.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "customerId"] }]);
    const lasteknik = (await api.gql(`{ viewer { user { organisation { id } } } }`, {}, token.lars)).data.viewer.user
      .organisation.id;
    const otherInstaller = await api.gql(
      CREATE_PROPERTY,
      { i: property(customer, { installerId: lasteknik }) },
      token.petra,
    );
    expect(otherInstaller.data.createProperty.userErrors).toEqual([
      { code: "INVALID_INPUT", field: ["input", "installerId"] },
    ]);
  });

  it("does not open the partner's other customers, those it only installs for or the vendor registered", async () => {
    const vastkusten = await idOf("Västkustens Fastigheter AB", "petra");
    expect(vastkusten).toBeDefined();
    const r = await api.gql(CREATE_PROPERTY, { i: property(vastkusten!) }, token.petra);
    expect(r.data.createProperty.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "customerId"] }]);
  });

  it("gets an agreement proposed by its partner, and by no other", async () => {
    const wish = { customerId: customer, tier: "BRF", propertyIds: [propertyId], wishedStartOn: "2099-01-01" };
    const r = await api.gql(PROPOSE, { i: wish }, token.petra);
    expect(r.data.proposeAgreement.userErrors).toEqual([]);
    expect(r.data.proposeAgreement.proposal).toMatchObject({
      status: "PROPOSED",
      partner: { name: "Nordsäk Säkerhet AB" },
      customer: { name: "Brf Eken" },
    });
    const foreign = await api.gql(PROPOSE, { i: wish }, token.lars);
    expect(foreign.data.proposeAgreement.userErrors[0].code).toBe("NOT_FOUND");
    const seller = await api.gql(
      `{ agreementProposals(first: 50) { edges { node { customer { name } } } } }`,
      {},
      token.sara,
    );
    expect(seller.data.agreementProposals.edges.map((e: any) => e.node.customer.name)).toContain("Brf Eken");
  });

  it("gets no new property or support case from its partner once deactivated: ORGANISATION_DEACTIVATED, nothing written", async () => {
    const admin = await api.login("admin@aptus.demo");
    const org = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Organisation { version } } }`,
      { id: customer },
      admin,
    );
    const gone = await api.gql(
      `mutation($i: DeactivateOrganisationInput!) { deactivateOrganisation(input: $i) { userErrors { code } } }`,
      { i: { organisationId: customer, expectedVersion: org.data.node.version, reason: "Flyttade" } },
      admin,
    );
    expect(gone.data.deactivateOrganisation.userErrors).toEqual([]);
    const before = await tableCounts(api);
    const p = await api.gql(CREATE_PROPERTY, { i: property(customer, { name: "Ekgatan 6" }) }, token.petra);
    expect(p.data.createProperty).toEqual({
      property: null,
      userErrors: [{ code: "ORGANISATION_DEACTIVATED", field: ["input", "customerId"] }],
    });
    const c = await api.gql(
      `mutation($i: OpenSupportCaseInput!) { openSupportCase(input: $i) { supportCase { id } userErrors { code field } } }`,
      { i: { customerId: customer, propertyId, category: "TECHNICAL", subject: "Porten", description: "Låser inte." } },
      token.petra,
    );
    expect(c.data.openSupportCase).toEqual({
      supportCase: null,
      userErrors: [{ code: "ORGANISATION_DEACTIVATED", field: ["input", "customerId"] }],
    });
    expect({ ...(await tableCounts(api)), sessions: 0 }).toEqual({ ...before, sessions: 0 });
  });
});
