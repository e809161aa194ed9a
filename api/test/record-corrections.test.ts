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

  it("cancels or rebooks a visit only with the version it was read at: none is refused, a stale one is STALE_VERSION", async () => {
    const tomas = await api.login("tomas.tekniker@aptus.demo");
    const list = await api.gql(
      `{ serviceVisits(first: 100, filter: { upcoming: true }) { edges { node { id state version } } } }`,
      {},
      tomas,
    );
    const visit = list.data.serviceVisits.edges.map((e: any) => e.node).find((v: any) => v.state === "BOOKED");
    const cancel = (i: object) =>
      api.gql(
        `mutation($i: CancelServiceVisitInput!) { cancelServiceVisit(input: $i) { userErrors { code field } } }`,
        { i },
        tomas,
      );
    const reschedule = (i: object) =>
      api.gql(
        `mutation($i: RescheduleServiceVisitInput!) { rescheduleServiceVisit(input: $i) { userErrors { code field } } }`,
        { i },
        tomas,
      );
    const propose = (i: object) =>
      api.gql(
        `mutation($i: ProposeNewVisitTimesInput!) { proposeNewVisitTimes(input: $i) { userErrors { code field } } }`,
        { i },
        tomas,
      );
    const later = new Date(Date.now() + 20 * 86_400_000).toISOString();
    const unversioned = [
      await cancel({ visitId: visit.id, reason: "Utan version" }),
      await reschedule({ visitId: visit.id, scheduledAt: later }),
      await propose({ visitId: visit.id, times: [later] }),
    ];
    for (const r of unversioned) expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const stale = await cancel({ visitId: visit.id, reason: "Gammal sida", expectedVersion: visit.version + 1 });
    expect(stale.data.cancelServiceVisit.userErrors).toEqual([
      { code: "STALE_VERSION", field: ["input", "expectedVersion"] },
    ]);
    const after = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on ServiceVisit { state version } } }`,
      { id: visit.id },
      tomas,
    );
    expect(after.data.node).toEqual({ state: "BOOKED", version: visit.version });
  });
});
