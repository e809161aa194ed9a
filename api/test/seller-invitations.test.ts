import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EMAILS, startTestApi, type TestApi } from "./support.js";

/**
 * Sellers register a new customer, its properties and its users themselves (issue 22, decision 0112): a seller invites
 * the people of a customer organisation through the admins' invitation flow, with a customer's roles only, and nobody
 * of the vendor's staff or of a partner.
 */
let api: TestApi;
const token: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  for (const k of ["admin", "karin"] as const) token[k] = await api.login(DEMO_EMAILS[k]);
  token.sara = await api.login("sara.saljare@aptus.demo");
});
afterAll(async () => {
  await api?.close();
});

const CREATE_ORG = `mutation($i: CreateOrganisationInput!) {
  createOrganisation(input: $i) { organisation { id } userErrors { code field } }
}`;
const INVITE = `mutation($i: InviteUserInput!) {
  inviteUser(input: $i) { invitation { id email role expiresAt organisation { name } } userErrors { code field } }
}`;
const RESEND = `mutation($i: InvitationInput!) { resendInvitation(input: $i) { invitation { id } userErrors { code } } }`;
const REVOKE = `mutation($i: InvitationInput!) { revokeInvitation(input: $i) { invitation { id } userErrors { code } } }`;
const INVITATIONS = `query($o: ID) { invitations(first: 50, organisationId: $o) { edges { node { id email } } } }`;
const CAN_INVITE = `query($id: ID!) { node(id: $id) { ... on Organisation { viewerCanInviteUsers viewerCanAdministerUsers } } }`;

async function organisationNamed(name: string): Promise<string> {
  const r = await api.gql(
    `query($s: String) { organisations(first: 50, filter: { search: $s }) { edges { node { id name } } } }`,
    { s: name },
    token.admin,
  );
  return r.data.organisations.edges.find((e: any) => e.node.name === name).node.id;
}

describe("a seller and the users of a customer", () => {
  let customer: string;
  beforeAll(async () => {
    const r = await api.gql(
      CREATE_ORG,
      { i: { kind: "CUSTOMER", name: "Brf Hasseln", organisationNumber: "769640-1244" } },
      token.sara,
    );
    expect(r.data.createOrganisation.userErrors).toEqual([]);
    customer = r.data.createOrganisation.organisation.id;
  });

  it("invites the customer's first admin, with the single-use link valid 14 days, and manages the invitation", async () => {
    const can = await api.gql(CAN_INVITE, { id: customer }, token.sara);
    expect(can.data.node).toEqual({ viewerCanInviteUsers: true, viewerCanAdministerUsers: false });
    const i = {
      organisationId: customer,
      name: "Ordföranden",
      email: "ordf@brfhasseln.example",
      role: "CUSTOMER_ADMIN",
    };
    const r = await api.gql(INVITE, { i }, token.sara);
    expect(r.data.inviteUser.userErrors).toEqual([]);
    expect(r.data.inviteUser.invitation).toMatchObject({
      role: "CUSTOMER_ADMIN",
      organisation: { name: "Brf Hasseln" },
    });
    const days = (Date.parse(r.data.inviteUser.invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThan(14.1);
    const invitationId = r.data.inviteUser.invitation.id;
    const open = await api.gql(INVITATIONS, { o: customer }, token.sara);
    expect(open.data.invitations.edges.map((e: any) => e.node.id)).toEqual([invitationId]);
    expect((await api.gql(RESEND, { i: { invitationId } }, token.sara)).data.resendInvitation.userErrors).toEqual([]);
    expect((await api.gql(REVOKE, { i: { invitationId } }, token.sara)).data.revokeInvitation.userErrors).toEqual([]);
  });

  it("gives a customer's user only a customer's role", async () => {
    const i = { organisationId: customer, name: "Smygaren", email: "smyg@brfhasseln.example", role: "ADMIN" };
    const r = await api.gql(INVITE, { i }, token.sara);
    expect(r.data.inviteUser.userErrors).toEqual([
      { code: "ROLE_NOT_ALLOWED_FOR_ORGANISATION", field: ["input", "role"] },
    ]);
  });

  it("cannot invite the vendor's staff nor a partner's users, and sees neither's invitations", async () => {
    const vendor = await organisationNamed("Aptus Elektronik AB");
    const partner = await organisationNamed("Nordsäk Säkerhet AB");
    for (const [organisationId, role] of [
      [vendor, "SELLER"],
      [partner, "PARTNER_STAFF"],
    ] as const) {
      const i = { organisationId, name: "Någon", email: `nagon-${role.toLowerCase()}@example.com`, role };
      const r = await api.gql(INVITE, { i }, token.sara);
      expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(r.data?.inviteUser ?? null).toBeNull();
      const can = await api.gql(CAN_INVITE, { id: organisationId }, token.sara);
      expect(can.data.node.viewerCanInviteUsers).toBe(false);
    }
    const byAdmin = await api.gql(
      INVITE,
      { i: { organisationId: partner, name: "Ny montör", email: "ny.montor@nordsak.example", role: "PARTNER_STAFF" } },
      token.admin,
    );
    const invitationId = byAdmin.data.inviteUser.invitation.id;
    const listed = await api.gql(INVITATIONS, { o: null }, token.sara);
    expect(listed.data.invitations.edges.map((e: any) => e.node.email)).not.toContain("ny.montor@nordsak.example");
    const revoke = await api.gql(REVOKE, { i: { invitationId } }, token.sara);
    expect(revoke.data.revokeInvitation.userErrors).toEqual([{ code: "NOT_FOUND" }]);
  });

  it("leaves a customer's own admin where it was: its own organisation only", async () => {
    const i = { organisationId: customer, name: "Granne", email: "granne@example.com", role: "CUSTOMER_MEMBER" };
    const r = await api.gql(INVITE, { i }, token.karin);
    expect(r.data.inviteUser.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "organisationId"] }]);
  });
});
