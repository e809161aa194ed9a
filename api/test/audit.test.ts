import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, tableCounts, type TestApi } from "./support.js";

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login("admin@aptus.demo");
});
afterAll(() => api?.close());

async function lastEvent() {
  const r = await api.gql(
    `{ auditEvents(first: 1) { edges { node { action objectType objectId via actor { email } details requestId } } } }`,
    {},
    admin,
  );
  return r.data.auditEvents.edges[0].node;
}

describe("the audit trail", () => {
  it("records every mutation: who, what, which object, and through which session or token", async () => {
    const org = await api.gql(
      `mutation { createOrganisation(input: { kind: CUSTOMER, name: "Brf Revision", organisationNumber: "556016-0680" }) { organisation { id } } }`,
      {},
      admin,
    );
    const orgId = org.data.createOrganisation.organisation.id;
    expect(await lastEvent()).toMatchObject({
      action: "organisation.create",
      objectType: "Organisation",
      objectId: orgId,
      via: "SESSION",
      actor: { email: "admin@aptus.demo" },
    });

    const user = await api.gql(
      `mutation($o: ID!) { createUser(input: { organisationId: $o, name: "Rut", email: "rut@revision.example", role: CUSTOMER_ADMIN, password: "long-enough-password" }) { user { id } } }`,
      { o: orgId },
      admin,
    );
    expect(await lastEvent()).toMatchObject({ action: "user.create", objectId: user.data.createUser.user.id });

    const property = await api.gql(
      `mutation($o: ID!) { createProperty(input: { customerId: $o, name: "Revisorn 1", streetAddress: "Gatan 2", postalCode: "41101", city: "Göteborg", apartments: 9 }) { property { id } } }`,
      { o: orgId },
      admin,
    );
    expect(await lastEvent()).toMatchObject({
      action: "property.create",
      objectId: property.data.createProperty.property.id,
      details: { apartments: 9 },
    });

    const petra = await api.login("petra@nordsak.demo");
    expect(await lastEvent()).toMatchObject({ action: "session.start", actor: { email: "petra@nordsak.demo" } });
    const token = await api.gql(
      `mutation { createApiToken(input: { name: "Audit" }) { secret apiToken { id } } }`,
      {},
      petra,
    );
    expect(await lastEvent()).toMatchObject({
      action: "apiToken.create",
      objectId: token.data.createApiToken.apiToken.id,
    });
    await api.gql(
      `mutation($id: ID!) { revokeApiToken(input: { apiTokenId: $id }) { userErrors { code } } }`,
      { id: token.data.createApiToken.apiToken.id },
      token.data.createApiToken.secret,
    );
    expect(await lastEvent()).toMatchObject({ action: "apiToken.revoke", via: "API_TOKEN" });
    await api.gql(`mutation { logout { loggedOut } }`, {}, petra);
    expect(await lastEvent()).toMatchObject({ action: "session.end" });
  });

  it("has no row for a mutation refused with a userError, and no data either", async () => {
    const before = await tableCounts(api);
    const r = await api.gql(
      `mutation { createOrganisation(input: { kind: CUSTOMER, name: "Dubblett", organisationNumber: "556016-0680" }) { userErrors { code } } }`,
      {},
      admin,
    );
    expect(r.data.createOrganisation.userErrors).toEqual([{ code: "ORGANISATION_NUMBER_TAKEN" }]);
    expect(await tableCounts(api)).toEqual(before);
  });

  it("is for admins only", async () => {
    const karin = await api.login("karin@vastkustfast.demo");
    const r = await api.gql(`{ auditEvents { totalCount } }`, {}, karin);
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
