import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, tableCounts, type TestApi } from "./support.js";

/** Corrections over HTTP: the tenant boundary and the stale version as a client sees them, nothing written. */
let api: TestApi;
let karin: string;
let admin: string;
const ids: Record<string, string> = {};

const UPDATE_PROPERTY = `mutation($i: UpdatePropertyInput!) {
  updateProperty(input: $i) { property { id version apartments } userErrors { code field } } }`;
const UPDATE_ORGANISATION = `mutation($i: UpdateOrganisationInput!) {
  updateOrganisation(input: $i) { organisation { id version } userErrors { code field } } }`;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login("admin@aptus.demo");
  karin = await api.login("karin@vastkustfast.demo");
  const orgs = await api.gql(
    `{ organisations(first: 100) { edges { node { id name properties(first: 50) { edges { node { id name } } } } } } }`,
    {},
    admin,
  );
  for (const { node } of orgs.data.organisations.edges) {
    ids[node.name] = node.id;
    for (const p of node.properties.edges) ids[p.node.name] = p.node.id;
  }
});
afterAll(() => api?.close());

describe("correcting records over HTTP", () => {
  it("answers another customer's property and organisation as missing ones, and writes nothing", async () => {
    const before = await tableCounts(api);
    const foreign = await api.gql(
      UPDATE_PROPERTY,
      { i: { propertyId: ids["Linnégatan 12"], expectedVersion: 1, name: "X" } },
      karin,
    );
    const missing = await api.gql(
      UPDATE_PROPERTY,
      {
        i: {
          propertyId: "UHJvcGVydHk6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAx",
          expectedVersion: 1,
          name: "X",
        },
      },
      karin,
    );
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data).toEqual(missing.data);
    expect(foreign.data.updateProperty.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "propertyId"] }]);
    const org = await api.gql(
      UPDATE_ORGANISATION,
      { i: { organisationId: ids["Brf Linnégatan 12"], expectedVersion: 1, name: "X" } },
      karin,
    );
    expect(org.data.updateOrganisation.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "organisationId"] }]);
    expect(await tableCounts(api)).toEqual(before);
  });

  it("refuses a second edit from the same version with STALE_VERSION", async () => {
    const propertyId = ids["Linnégatan 12"];
    const first = await api.gql(UPDATE_PROPERTY, { i: { propertyId, expectedVersion: 1, apartments: 25 } }, admin);
    expect(first.data.updateProperty.property).toMatchObject({ version: 2, apartments: 25 });
    const second = await api.gql(UPDATE_PROPERTY, { i: { propertyId, expectedVersion: 1, apartments: 30 } }, admin);
    expect(second.data.updateProperty).toEqual({
      property: null,
      userErrors: [{ code: "STALE_VERSION", field: ["input", "expectedVersion"] }],
    });
  });
});
