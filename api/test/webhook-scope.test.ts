import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookDeliveries, webhookEvents } from "../src/db/schema/index.js";
import { DEMO_EMAILS, startTestApi, uuidOf, type TestApi } from "./support.js";

/**
 * Who may register webhooks and who hears of what, on an API with the production rule: endpoints must be HTTPS and
 * public (WEBHOOK_ALLOW_PRIVATE_TARGETS off). The endpoints here are in TEST-NET-3, public by the rules and never
 * called: these tests read what was queued for them.
 */
let api: TestApi;
const token: Record<string, string> = {};

const REGISTER = `mutation($i: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $i) {
  webhookEndpoint { id url } secret userErrors { code field } } }`;
const ALL = [
  "AGREEMENT_STATUS_CHANGED",
  "CASE_ROUTED",
  "CASE_UPDATED",
  "VISIT_BOOKED",
  "VISIT_COMPLETED",
  "INCIDENT_OPENED",
  "INCIDENT_CLOSED",
];

beforeAll(async () => {
  api = await startTestApi();
  for (const k of ["admin", "petra", "pelle", "lars", "karin"] as const) token[k] = await api.login(DEMO_EMAILS[k]);
}, 120_000);
afterAll(() => api?.close());

const register = (as: string, url: string, eventTypes = ALL) =>
  api.gql(REGISTER, { i: { url, eventTypes } }, token[as]);

/** What was queued for an endpoint: the event types and their data, oldest first. */
async function queuedFor(endpointId: string) {
  const rows = await api.database.db
    .select({ type: webhookEvents.type, data: webhookEvents.data, at: webhookEvents.occurredAt })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.endpointId, uuidOf(endpointId)))
    .orderBy(webhookEvents.occurredAt);
  return rows;
}

describe("webhook endpoints and their events, tenant by tenant", () => {
  it("refuses an endpoint that is not HTTPS or resolves to a loopback, private or link-local address", async () => {
    const cases: [string, string][] = [
      ["http://93.184.215.14/hook", "WEBHOOK_NOT_HTTPS"],
      ["https://127.0.0.1/hook", "WEBHOOK_PRIVATE_ADDRESS"],
      ["https://localhost:8443/hook", "WEBHOOK_PRIVATE_ADDRESS"],
      ["https://10.1.2.3/hook", "WEBHOOK_PRIVATE_ADDRESS"],
      ["https://192.168.1.10/hook", "WEBHOOK_PRIVATE_ADDRESS"],
      ["https://172.20.0.5/hook", "WEBHOOK_PRIVATE_ADDRESS"],
      ["https://169.254.169.254/latest/meta-data", "WEBHOOK_PRIVATE_ADDRESS"],
      ["https://[::1]/hook", "WEBHOOK_PRIVATE_ADDRESS"],
      ["https://[fe80::1]/hook", "WEBHOOK_PRIVATE_ADDRESS"],
      ["https://[::ffff:10.0.0.1]/hook", "WEBHOOK_PRIVATE_ADDRESS"],
      ["https://0.0.0.0/hook", "WEBHOOK_PRIVATE_ADDRESS"],
      ["ftp://93.184.215.14/hook", "INVALID_WEBHOOK_URL"],
      ["https://user:pw@93.184.215.14/hook", "INVALID_WEBHOOK_URL"],
    ];
    for (const [url, code] of cases) {
      const r = await register("petra", url);
      expect([url, r.errors, r.data.registerWebhookEndpoint.userErrors]).toEqual([
        url,
        undefined,
        [{ code, field: ["input", "url"] }],
      ]);
    }
    // No event chosen is the domain's rule, a userError with its own code (it was a bare argument validation error).
    const none = await register("petra", "https://203.0.113.10/none", []);
    expect([none.errors, none.data.registerWebhookEndpoint.userErrors]).toEqual([
      undefined,
      [{ code: "NO_WEBHOOK_EVENTS", field: ["input", "eventTypes"] }],
    ]);
    const listed = await api.gql(`{ webhookEndpoints { id } }`, {}, token.petra);
    expect(listed.data.webhookEndpoints).toEqual([]);
  });

  it("shows and lets change a partner's endpoints only to that partner's admins", async () => {
    const made = await register("petra", "https://203.0.113.10/nordsak");
    const id = made.data.registerWebhookEndpoint.webhookEndpoint.id;
    expect(made.data.registerWebhookEndpoint.secret).toMatch(/^whsec_/);
    expect((await api.gql(`{ webhookEndpoints { id } }`, {}, token.petra)).data.webhookEndpoints).toEqual([{ id }]);
    expect((await api.gql(`{ webhookEndpoints { id } }`, {}, token.lars)).data.webhookEndpoints).toEqual([]);
    const log = await api.gql(`query($e: ID!) { webhookDeliveries(endpointId: $e) { id } }`, { e: id }, token.lars);
    expect(log.data.webhookDeliveries).toBeNull();
    for (const m of ["rotateWebhookSecret", "sendTestWebhook", "removeWebhookEndpoint"]) {
      const r = await api.gql(
        `mutation($i: WebhookEndpointInput!) { ${m}(input: $i) { userErrors { code } } }`,
        { i: { endpointId: id } },
        token.lars,
      );
      expect([m, r.data[m].userErrors]).toEqual([m, [{ code: "NOT_FOUND" }]]);
    }
    for (const who of ["pelle", "karin", "admin"]) {
      const r = await api.gql(`{ webhookEndpoints { id } }`, {}, token[who]);
      expect([who, r.errors?.[0]?.extensions?.code]).toEqual([who, "FORBIDDEN"]);
    }
    // Rotation gives a new secret, once.
    const rotated = await api.gql(
      `mutation($i: WebhookEndpointInput!) { rotateWebhookSecret(input: $i) { secret webhookEndpoint { secretRotatedAt } } }`,
      { i: { endpointId: id } },
      token.petra,
    );
    expect(rotated.data.rotateWebhookSecret.secret).toMatch(/^whsec_/);
    expect(rotated.data.rotateWebhookSecret.secret).not.toBe(made.data.registerWebhookEndpoint.secret);
    expect(rotated.data.rotateWebhookSecret.webhookEndpoint.secretRotatedAt).toBeTruthy();
    // The delivery log's size is checked as every list's is: over 100 is an error, not a silent cap.
    const page = (first: number) =>
      api.gql(
        `query($e: ID!, $n: Int!) { webhookDeliveries(endpointId: $e, first: $n) { id } }`,
        { e: id, n: first },
        token.petra,
      );
    for (const first of [101, -1]) {
      const r = await page(first);
      expect([first, r.errors?.[0]?.extensions]).toEqual([
        first,
        expect.objectContaining({ code: "BAD_USER_INPUT", field: "first" }),
      ]);
    }
    expect((await page(0)).data.webhookDeliveries).toEqual([]);
    expect((await page(100)).data.webhookDeliveries).toHaveLength(0);
  });

  it("tells a partner of its own agreements and cases only, in the transaction of the change", async () => {
    const nordsak = (await register("petra", "https://203.0.113.10/all-nordsak")).data.registerWebhookEndpoint;
    const vast = (await register("lars", "https://203.0.113.10/all-lasteknik")).data.registerWebhookEndpoint;
    const orgs = await api.gql(
      `{ organisations(first: 50) { edges { node { id name properties(first: 20) { edges { node { id name } } } } } } }`,
      {},
      token.admin,
    );
    const org = (name: string) => orgs.data.organisations.edges.find((e: any) => e.node.name === name).node;
    const customer = org("Västkustens Fastigheter AB");
    const masthugget = customer.properties.edges.find((e: any) => e.node.name === "Kv. Masthugget 4").node.id;
    const created = await api.gql(
      `mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { agreement { id number } userErrors { code } } }`,
      {
        i: {
          customerId: customer.id,
          partnerId: org("Nordsäk Säkerhet AB").id,
          tier: "PLUS_500",
          propertyIds: [masthugget],
          startsOn: "2026-01-01",
          endsOn: "2027-12-31",
        },
      },
      token.admin,
    );
    const agreement = created.data.createAgreement.agreement;
    const activate = `mutation($i: ActivateAgreementInput!) { activateAgreement(input: $i) { userErrors { code } } }`;
    expect((await api.gql(activate, { i: { agreementId: agreement.id } }, token.admin)).data).toBeTruthy();
    // Refused, so rolled back: no event of it.
    const again = await api.gql(activate, { i: { agreementId: agreement.id } }, token.admin);
    expect(again.data.activateAgreement.userErrors).toEqual([{ code: "AGREEMENT_NOT_DRAFT" }]);
    const opened = await api.gql(
      `mutation($i: OpenSupportCaseInput!) { openSupportCase(input: $i) { supportCase { id routedTo } userErrors { code } } }`,
      { i: { category: "PROGRAMMING", propertyId: masthugget, subject: "Ny tagg", description: "Lägg till en tagg." } },
      token.karin,
    );
    expect(opened.data.openSupportCase.supportCase.routedTo).toBe("PARTNER");

    const heard = await queuedFor(nordsak.webhookEndpoint.id);
    expect(heard.map((e) => [e.type, e.data.change])).toEqual([
      ["AGREEMENT_STATUS_CHANGED", "CREATED"],
      ["AGREEMENT_STATUS_CHANGED", "ACTIVATED"],
      ["CASE_ROUTED", "OPENED"],
    ]);
    expect(heard[1]!.data).toMatchObject({
      agreement: { id: agreement.id, number: agreement.number },
      previousStatus: "DRAFT",
    });
    expect(heard[2]!.data).toMatchObject({ case: { id: opened.data.openSupportCase.supportCase.id } });
    // The other partner hears nothing of Nordsäk's customer.
    expect(await queuedFor(vast.webhookEndpoint.id)).toEqual([]);
  });
});
