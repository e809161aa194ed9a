import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, emailOutbox, users } from "../src/db/schema/index.js";
import { startTestApi, tableCounts, type TestApi } from "./support.js";

/**
 * Deactivating an organisation over HTTP (decision 0085): only vendor admins, the preview is what the change does,
 * a stale version writes nothing, and the organisation's sessions and API tokens stop at the commit.
 */
let api: TestApi;
let admin: string;
const ids: Record<string, string> = {};
const versions: Record<string, number> = {};

const EFFECT = `effect {
  organisation { id deactivatedAt version }
  receivingPartner { name }
  users { email role }
  apiTokens { name prefix }
  agreements { agreement { number terminatedOn } outcome terminatesOn }
  propertiesKept }
  userErrors { code field }`;
const PREVIEW = `query($i: OrganisationDeactivationChoice!) { organisationDeactivationPreview(input: $i) { ${EFFECT} } }`;
const DEACTIVATE = `mutation($i: DeactivateOrganisationInput!) { deactivateOrganisation(input: $i) { ${EFFECT} } }`;
const VIEWER = `{ viewer { user { email } } }`;

async function audits(action: string): Promise<{ details: Record<string, unknown> }[]> {
  return api.database.db
    .select({ details: auditEvents.details })
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(auditEvents.occurredAt);
}

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login("admin@aptus.demo");
  const orgs = await api.gql(`{ organisations(first: 100) { edges { node { id name version } } } }`, {}, admin);
  for (const { node } of orgs.data.organisations.edges) {
    ids[node.name] = node.id;
    versions[node.name] = node.version;
  }
});
afterAll(() => api?.close());

describe("deactivating an organisation", () => {
  it("is for vendor admins only: every other role is refused alike for its own and another's organisation", async () => {
    const before = await tableCounts(api);
    for (const [email, own] of [
      ["petra@nordsak.demo", "Nordsäk Säkerhet AB"],
      ["karin@vastkustfast.demo", "Västkustens Fastigheter AB"],
      ["sara.saljare@aptus.demo", "Nordsäk Säkerhet AB"],
    ] as const) {
      const token = await api.login(email);
      for (const name of [own, "Brf Linnégatan 12"]) {
        const preview = await api.gql(PREVIEW, { i: { organisationId: ids[name] } }, token);
        const change = await api.gql(
          DEACTIVATE,
          { i: { organisationId: ids[name], expectedVersion: versions[name], reason: "Lämnar oss" } },
          token,
        );
        expect([preview.errors?.[0]?.extensions?.code, change.errors?.[0]?.extensions?.code]).toEqual([
          "FORBIDDEN",
          "FORBIDDEN",
        ]);
        expect([preview.data, change.data]).toEqual([null, null]);
      }
      const list = await api.gql(`{ deactivatedOrganisations { name } }`, {}, token);
      expect(list.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const after = await tableCounts(api);
    // The logins above started sessions; nothing else was written.
    expect({ ...after, sessions: 0, audit_events: 0 }).toEqual({ ...before, sessions: 0, audit_events: 0 });
    expect(await audits("organisation.deactivate")).toEqual([]);
  });

  it("refuses the vendor itself and a customer's receiving partner", async () => {
    const vendor = await api.gql(PREVIEW, { i: { organisationId: ids["Aptus Elektronik AB"] } }, admin);
    expect(vendor.data.organisationDeactivationPreview.userErrors).toEqual([
      { code: "VENDOR_NOT_DEACTIVATED", field: ["input", "organisationId"] },
    ]);
    const customer = await api.gql(
      PREVIEW,
      { i: { organisationId: ids["Brf Linnégatan 12"], receivingPartnerId: ids["Låsteknik Väst AB"] } },
      admin,
    );
    expect(customer.data.organisationDeactivationPreview.userErrors).toEqual([
      { code: "RECEIVING_PARTNER_NOT_ALLOWED", field: ["input", "receivingPartnerId"] },
    ]);
  });

  it("hands a closing partner's agreements to another, and its sessions and API tokens stop at once", async () => {
    const petra = await api.login("petra@nordsak.demo");
    const made = await api.gql(`mutation { createApiToken(input: { name: "Vårt CRM" }) { secret } }`, {}, petra);
    const secret: string = made.data.createApiToken.secret;
    // Used once, so this process holds its viewer in the token cache: the deactivation must forget it.
    expect((await api.gql(VIEWER, {}, secret)).data.viewer.user.email).toBe("petra@nordsak.demo");

    const choice = { organisationId: ids["Nordsäk Säkerhet AB"], receivingPartnerId: ids["Låsteknik Väst AB"] };
    const preview = (await api.gql(PREVIEW, { i: choice }, admin)).data.organisationDeactivationPreview;
    expect(preview.userErrors).toEqual([]);
    expect(preview.effect.users.map((u: { email: string }) => u.email)).toContain("petra@nordsak.demo");
    expect(preview.effect.apiTokens.map((t: { name: string }) => t.name)).toContain("Vårt CRM");
    expect(preview.effect.agreements.length).toBeGreaterThan(0);
    expect(new Set(preview.effect.agreements.map((a: { outcome: string }) => a.outcome))).toEqual(
      new Set(["HANDED_OVER"]),
    );
    expect(preview.effect.receivingPartner).toEqual({ name: "Låsteknik Väst AB" });

    const stale = await api.gql(
      DEACTIVATE,
      { i: { ...choice, expectedVersion: preview.effect.organisation.version + 1, reason: "Konkurs" } },
      admin,
    );
    expect(stale.data.deactivateOrganisation).toEqual({
      effect: null,
      userErrors: [{ code: "STALE_VERSION", field: ["input", "expectedVersion"] }],
    });
    expect((await api.gql(VIEWER, {}, secret)).data.viewer.user.email).toBe("petra@nordsak.demo");

    const done = await api.gql(
      DEACTIVATE,
      { i: { ...choice, expectedVersion: preview.effect.organisation.version, reason: "Konkurs" } },
      admin,
    );
    const { effect, userErrors } = done.data.deactivateOrganisation;
    expect(userErrors).toEqual([]);
    expect(effect.organisation.deactivatedAt).not.toBeNull();
    expect(effect.organisation.version).toBe(preview.effect.organisation.version + 1);
    // What the preview showed is what was done.
    expect({ ...effect, organisation: null }).toEqual({ ...preview.effect, organisation: null });

    // The token and the session stop at once; no one of the partner logs in again.
    const byToken = await api.gql(`{ organisations { totalCount } }`, {}, secret);
    expect(byToken.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const bySession = await api.gql(`{ organisations { totalCount } }`, {}, petra);
    expect(bySession.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    await expect(api.login("pelle@nordsak.demo")).rejects.toThrow();

    // Its agreements are now Låsteknik's: Lars sees them.
    const lars = await api.login("lars@lasteknikvast.demo");
    const larsSees = await api.gql(`{ agreements(first: 100) { edges { node { number } } } }`, {}, lars);
    const numbers = larsSees.data.agreements.edges.map((e: { node: { number: string } }) => e.node.number);
    for (const a of preview.effect.agreements) expect(numbers).toContain(a.agreement.number);

    const [audit] = await audits("organisation.deactivate");
    expect(audit!.details).toMatchObject({
      reason: "Konkurs",
      before: { deactivatedAt: null, version: preview.effect.organisation.version },
      after: { version: preview.effect.organisation.version + 1 },
    });
    expect((await audits("agreement.parties")).length).toBe(preview.effect.agreements.length);

    const again = await api.gql(
      DEACTIVATE,
      { i: { ...choice, expectedVersion: effect.organisation.version, reason: "Konkurs" } },
      admin,
    );
    expect(again.data.deactivateOrganisation.userErrors).toEqual([
      { code: "ALREADY_DEACTIVATED", field: ["input", "organisationId"] },
    ]);
  });

  it("leaves a deactivated partner out of new agreements and lists it on the admin's dashboard", async () => {
    const props = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Organisation { properties(first: 1) { edges { node { id } } } } } }`,
      { id: ids["Västkustens Fastigheter AB"] },
      admin,
    );
    const created = await api.gql(
      `mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { agreement { id } userErrors { code field } } }`,
      {
        i: {
          customerId: ids["Västkustens Fastigheter AB"],
          partnerId: ids["Nordsäk Säkerhet AB"],
          tier: "PLUS_500",
          propertyIds: [props.data.node.properties.edges[0].node.id],
          startsOn: "2026-01-01",
          endsOn: "2026-12-31",
        },
      },
      admin,
    );
    expect(created.data.createAgreement.userErrors).toEqual([
      { code: "ORGANISATION_DEACTIVATED", field: ["input", "partnerId"] },
    ]);
    const list = await api.gql(`{ deactivatedOrganisations { name deactivatedAt } }`, {}, admin);
    expect(list.data.deactivatedOrganisations.map((o: { name: string }) => o.name)).toEqual(["Nordsäk Säkerhet AB"]);
  });

  it("terminates a leaving customer's valid agreements today and keeps its properties", async () => {
    const name = "Brf Linnégatan 12";
    const preview = (await api.gql(PREVIEW, { i: { organisationId: ids[name] } }, admin)).data
      .organisationDeactivationPreview;
    expect(preview.effect.propertiesKept).toBeGreaterThan(0);
    const terminated = preview.effect.agreements.filter((a: { outcome: string }) => a.outcome === "TERMINATED");
    expect(terminated.length).toBeGreaterThan(0);
    const bo = await api.login("bo@brflinne.demo");
    const done = await api.gql(
      DEACTIVATE,
      {
        i: {
          organisationId: ids[name],
          expectedVersion: preview.effect.organisation.version,
          reason: "Bytte leverantör",
        },
      },
      admin,
    );
    expect(done.data.deactivateOrganisation.userErrors).toEqual([]);
    const numbers = terminated.map((a: { agreement: { number: string } }) => a.agreement.number);
    const after = await api.gql(
      `{ agreements(first: 100) { edges { node { number terminatedOn terminationReason } } } }`,
      {},
      admin,
    );
    for (const { node } of after.data.agreements.edges.filter((e: any) => numbers.includes(e.node.number))) {
      expect(node.terminatedOn).toBe(terminated[0].terminatesOn);
      expect(node.terminationReason).toContain("Bytte leverantör");
    }
    expect((await api.gql(VIEWER, {}, bo)).data.viewer).toBeNull();
    const props = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Organisation { properties(first: 50) { totalCount } } } }`,
      { id: ids[name] },
      admin,
    );
    expect(props.data.node.properties.totalCount).toBe(preview.effect.propertiesKept);
  });
});

const REACTIVATE = `mutation($i: ReactivateOrganisationInput!) { reactivateOrganisation(input: $i) {
  organisation { id deactivatedAt version } userErrors { code field } } }`;

describe("reactivating an organisation", () => {
  it("is for vendor admins only: a partner, a customer admin or a seller is refused and learns nothing", async () => {
    const name = "Brf Linnégatan 12";
    const before = await tableCounts(api);
    for (const email of ["lars@lasteknikvast.demo", "karin@vastkustfast.demo", "sara.saljare@aptus.demo"]) {
      const token = await api.login(email);
      for (const organisationId of [ids[name], ids["Västkustens Fastigheter AB"], "T3JnYW5pc2F0aW9uOm5vbmU"]) {
        const r = await api.gql(REACTIVATE, { i: { organisationId, expectedVersion: 1, reason: "Tillbaka" } }, token);
        expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
        expect(r.data).toBeNull();
      }
    }
    const after = await tableCounts(api);
    expect({ ...after, sessions: 0, audit_events: 0 }).toEqual({ ...before, sessions: 0, audit_events: 0 });
    expect(await audits("organisation.reactivate")).toEqual([]);
  });

  it("lets the vendor admin bring a deactivated customer back with a reason; what ended stays ended", async () => {
    const name = "Brf Linnégatan 12";
    const read = async () =>
      (
        await api.gql(
          `query($id: ID!) { node(id: $id) { ... on Organisation { deactivatedAt version } } }`,
          { id: ids[name] },
          admin,
        )
      ).data.node;
    const { version } = await read();
    const blank = await api.gql(
      REACTIVATE,
      { i: { organisationId: ids[name], expectedVersion: version, reason: "Ok" } },
      admin,
    );
    expect(blank.errors).toBeUndefined();
    expect(blank.data.reactivateOrganisation.userErrors).toEqual([
      { code: "INVALID_INPUT", field: ["input", "reason"] },
    ]);
    const stale = await api.gql(
      REACTIVATE,
      { i: { organisationId: ids[name], expectedVersion: version - 1, reason: "Kommer tillbaka" } },
      admin,
    );
    expect(stale.data.reactivateOrganisation.userErrors[0].code).toBe("STALE_VERSION");
    const done = await api.gql(
      REACTIVATE,
      { i: { organisationId: ids[name], expectedVersion: version, reason: "Kommer tillbaka" } },
      admin,
    );
    expect(done.data.reactivateOrganisation.userErrors).toEqual([]);
    expect(done.data.reactivateOrganisation.organisation).toMatchObject({ deactivatedAt: null, version: version + 1 });
    const again = await api.gql(
      REACTIVATE,
      { i: { organisationId: ids[name], expectedVersion: version + 1, reason: "Igen" } },
      admin,
    );
    expect(again.data.reactivateOrganisation.userErrors[0].code).toBe("ORGANISATION_NOT_DEACTIVATED");
    const [audit] = await audits("organisation.reactivate");
    expect(audit!.details).toMatchObject({ reason: "Kommer tillbaka", after: { deactivatedAt: null } });
    // The agreements it ended stay terminated, and its users stay deactivated until invited again.
    const agreements = await api.gql(
      `{ agreements(first: 100) { edges { node { customer { name } status terminatedOn } } } }`,
      {},
      admin,
    );
    const its = agreements.data.agreements.edges.filter((e: any) => e.node.customer.name === name);
    expect(its.length).toBeGreaterThan(0);
    // Terminated today, they end tonight: the status says so from tomorrow, the date already.
    expect(its.every((e: any) => e.node.terminatedOn !== null && e.node.status !== "DRAFT")).toBe(true);
    await expect(api.login("bo@brflinne.demo")).rejects.toThrow();

    const invited = await api.gql(
      `mutation($i: InviteUserInput!) { inviteUser(input: $i) { userErrors { code } } }`,
      { i: { organisationId: ids[name], name: "Bo Åter", email: "bo@brflinne.demo", role: "CUSTOMER_ADMIN" } },
      admin,
    );
    expect(invited.data.inviteUser.userErrors).toEqual([]);
    const [mail] = await api.database.db
      .select({ body: emailOutbox.body })
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, "bo@brflinne.demo"))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(1);
    const token = /invitation\/(\S+)/.exec(mail!.body)![1]!;
    const password = "ett-nytt-langt-losenord-2027";
    const accepted = await api.gql(
      `mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { userErrors { code } } }`,
      { i: { token: decodeURIComponent(token), password } },
    );
    expect(accepted.data.acceptInvitation.userErrors).toEqual([]);
    expect(await api.login("bo@brflinne.demo", password)).toBeTruthy();
    expect(await api.database.db.$count(users, eq(users.email, "bo@brflinne.demo"))).toBe(1);
  });
});
