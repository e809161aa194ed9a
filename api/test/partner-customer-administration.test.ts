import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../src/db/schema/index.js";
import { fromGlobalId } from "../src/shared/ids.js";
import { DEMO_EMAILS, startTestApi, type TestApi } from "./support.js";

/**
 * A partner admin administers the customer it registered (decision 0104): its users, its invitations and its record,
 * and no other customer: not one it merely serves, not another partner's.
 */
let api: TestApi;
const token: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  for (const k of ["admin", "petra", "pelle", "lars"] as const) token[k] = await api.login(DEMO_EMAILS[k]);
});
afterAll(async () => {
  await api?.close();
});

const CREATE_ORG = `mutation($i: CreateOrganisationInput!) {
  createOrganisation(input: $i) { organisation { id version } userErrors { code field } }
}`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code } } }`;
const INVITE = `mutation($i: InviteUserInput!) {
  inviteUser(input: $i) { invitation { id email role organisation { name } } userErrors { code field } }
}`;
const RESEND = `mutation($i: InvitationInput!) { resendInvitation(input: $i) { invitation { id } userErrors { code field } } }`;
const REVOKE = `mutation($i: InvitationInput!) { revokeInvitation(input: $i) { invitation { id } userErrors { code field } } }`;
const ROLE = `mutation($i: ChangeUserRoleInput!) { changeUserRole(input: $i) { user { id role } userErrors { code field } } }`;
const DEACTIVATE = `mutation($i: DeactivateUserInput!) {
  deactivateUser(input: $i) { user { id deactivatedAt } userErrors { code field } }
}`;
const UPDATE_ORG = `mutation($i: UpdateOrganisationInput!) {
  updateOrganisation(input: $i) { organisation { id name organisationNumber version } userErrors { code field } }
}`;
const USERS = `query($o: ID) { users(first: 50, organisationId: $o) { edges { node { id email } } } }`;
const INVITATIONS = `query($o: ID) { invitations(first: 50, organisationId: $o) { edges { node { id email } } } }`;
const ORG = `query($id: ID!) { node(id: $id) { ... on Organisation { id version viewerCanCorrect } } }`;

async function customerId(name: string): Promise<string> {
  const r = await api.gql(
    `query($s: String) { organisations(first: 50, filter: { search: $s }) { edges { node { id name } } } }`,
    { s: name },
    token.admin,
  );
  return r.data.organisations.edges.find((e: any) => e.node.name === name).node.id;
}

async function userIn(organisationId: string, email: string, role: string): Promise<string> {
  const i = { organisationId, name: email.split("@")[0], email, role, password: "Långt-lösenord-för-test-42" };
  const r = await api.gql(CREATE_USER, { i }, token.admin);
  expect(r.data.createUser.userErrors).toEqual([]);
  return r.data.createUser.user.id;
}

let lonnen: string;
let board: { chair: string; member: string };

describe("a partner admin and the customer it registered", () => {
  beforeAll(async () => {
    const r = await api.gql(
      CREATE_ORG,
      { i: { kind: "CUSTOMER", name: "Brf Lönnen", organisationNumber: "769640-1236" } },
      token.petra,
    );
    expect(r.data.createOrganisation.userErrors).toEqual([]);
    lonnen = r.data.createOrganisation.organisation.id;
    board = {
      chair: await userIn(lonnen, "ordforande@brflonnen.example", "CUSTOMER_ADMIN"),
      member: await userIn(lonnen, "kassor@brflonnen.example", "CUSTOMER_MEMBER"),
    };
  });

  it("invites, resends and revokes invitations to it", async () => {
    const i = {
      organisationId: lonnen,
      name: "Sekreteraren",
      email: "sekreterare@brflonnen.example",
      role: "CUSTOMER_ADMIN",
    };
    const invited = await api.gql(INVITE, { i }, token.petra);
    expect(invited.data.inviteUser.userErrors).toEqual([]);
    expect(invited.data.inviteUser.invitation).toMatchObject({
      role: "CUSTOMER_ADMIN",
      organisation: { name: "Brf Lönnen" },
    });
    const invitationId = invited.data.inviteUser.invitation.id;
    const open = await api.gql(INVITATIONS, { o: lonnen }, token.petra);
    expect(open.data.invitations.edges.map((e: any) => e.node.id)).toEqual([invitationId]);
    expect((await api.gql(RESEND, { i: { invitationId } }, token.petra)).data.resendInvitation.userErrors).toEqual([]);
    expect((await api.gql(REVOKE, { i: { invitationId } }, token.petra)).data.revokeInvitation.userErrors).toEqual([]);
  });

  it("lists its users, changes a role and deactivates one, each in the audit trail", async () => {
    const listed = await api.gql(USERS, { o: lonnen }, token.petra);
    expect(listed.data.users.edges.map((e: any) => e.node.email).sort()).toEqual([
      "kassor@brflonnen.example",
      "ordforande@brflonnen.example",
    ]);
    const promoted = await api.gql(ROLE, { i: { userId: board.member, role: "CUSTOMER_ADMIN" } }, token.petra);
    expect(promoted.data.changeUserRole).toMatchObject({ userErrors: [], user: { role: "CUSTOMER_ADMIN" } });
    const gone = await api.gql(DEACTIVATE, { i: { userId: board.chair } }, token.petra);
    expect(gone.data.deactivateUser.userErrors).toEqual([]);
    expect(gone.data.deactivateUser.user.deactivatedAt).not.toBeNull();
    const [audit] = await api.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "user.deactivate"), eq(auditEvents.objectId, fromGlobalId(board.chair)!.id)));
    expect(audit).toBeDefined();
  });

  it("corrects its name and number against the version it read, audited, and a stale version is refused", async () => {
    const read = await api.gql(ORG, { id: lonnen }, token.petra);
    expect(read.data.node.viewerCanCorrect).toBe(true);
    const version = read.data.node.version;
    const r = await api.gql(
      UPDATE_ORG,
      {
        i: {
          organisationId: lonnen,
          expectedVersion: version,
          name: "Brf Lönnen 2",
          organisationNumber: "769640-1244",
        },
      },
      token.petra,
    );
    expect(r.data.updateOrganisation).toMatchObject({
      userErrors: [],
      organisation: { name: "Brf Lönnen 2", organisationNumber: "769640-1244", version: version + 1 },
    });
    const stale = await api.gql(
      UPDATE_ORG,
      { i: { organisationId: lonnen, expectedVersion: version, name: "Brf Lönnen 3" } },
      token.petra,
    );
    expect(stale.data.updateOrganisation.userErrors.map((e: any) => e.code)).toEqual(["STALE_VERSION"]);
    const [audit] = await api.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "organisation.update"), eq(auditEvents.objectId, fromGlobalId(lonnen)!.id)));
    expect(audit!.details).toMatchObject({ before: { name: "Brf Lönnen" }, after: { name: "Brf Lönnen 2" } });
  });
});

describe("no reach beyond the customers a partner registered", () => {
  it("refuses a customer the partner only serves as installer, as if it were missing", async () => {
    const served = await customerId("Brf Linnégatan 12");
    const bo = (await api.gql(USERS, { o: served }, token.admin)).data.users.edges[0].node.id;
    const i = { organisationId: served, name: "X", email: "x@brflinne.example", role: "CUSTOMER_MEMBER" };
    expect((await api.gql(INVITE, { i }, token.petra)).data.inviteUser.userErrors).toEqual([
      { code: "NOT_FOUND", field: ["input", "organisationId"] },
    ]);
    expect((await api.gql(USERS, { o: served }, token.petra)).data.users.edges).toEqual([]);
    expect(
      (await api.gql(ROLE, { i: { userId: bo, role: "CUSTOMER_MEMBER" } }, token.petra)).data.changeUserRole.userErrors,
    ).toEqual([{ code: "NOT_FOUND", field: ["input", "userId"] }]);
    expect((await api.gql(DEACTIVATE, { i: { userId: bo } }, token.petra)).data.deactivateUser.userErrors).toEqual([
      { code: "NOT_FOUND", field: ["input", "userId"] },
    ]);
    const read = await api.gql(ORG, { id: served }, token.petra);
    expect(read.data.node.viewerCanCorrect).toBe(false);
    const r = await api.gql(
      UPDATE_ORG,
      { i: { organisationId: served, expectedVersion: read.data.node.version, name: "Övertagen" } },
      token.petra,
    );
    expect(r.data.updateOrganisation.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "organisationId"] }]);
  });

  it("refuses another partner's registered customer, and the registering partner's staff who are not admins", async () => {
    const lonnenUsers = (await api.gql(USERS, { o: lonnen }, token.admin)).data.users.edges.map((e: any) => e.node.id);
    const i = { organisationId: lonnen, name: "Y", email: "y@brflonnen.example", role: "CUSTOMER_MEMBER" };
    expect((await api.gql(INVITE, { i }, token.lars)).data.inviteUser.userErrors).toEqual([
      { code: "NOT_FOUND", field: ["input", "organisationId"] },
    ]);
    expect((await api.gql(USERS, { o: lonnen }, token.lars)).data.users.edges).toEqual([]);
    expect((await api.gql(INVITATIONS, { o: lonnen }, token.lars)).data.invitations.edges).toEqual([]);
    expect(
      (await api.gql(ROLE, { i: { userId: lonnenUsers[0], role: "CUSTOMER_MEMBER" } }, token.lars)).data.changeUserRole
        .userErrors,
    ).toEqual([{ code: "NOT_FOUND", field: ["input", "userId"] }]);
    const stranger = await api.gql(
      UPDATE_ORG,
      { i: { organisationId: lonnen, expectedVersion: 1, name: "Z" } },
      token.lars,
    );
    expect(stranger.data.updateOrganisation.userErrors).toEqual([
      { code: "NOT_FOUND", field: ["input", "organisationId"] },
    ]);
    const staff = await api.gql(INVITE, { i }, token.pelle);
    expect(staff.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
