import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookDeliveries, webhookEvents } from "../src/db/schema/index.js";
import { tellExpiringAgreements } from "../src/modules/renewals/expiry-notice-job.js";
import { DEMO_EMAILS, startTestApi, uuidOf, type TestApi } from "./support.js";

/**
 * An agreement coming into its expiring window changes status with nothing written (issue 22: "agreement status
 * changed" without polling). The renewal pass tells the partner once per agreement and end, whoever runs it.
 */
let api: TestApi;
const token: Record<string, string> = {};
const WINDOW = 60;

beforeAll(async () => {
  api = await startTestApi();
  for (const k of ["petra", "lars"] as const) token[k] = await api.login(DEMO_EMAILS[k]);
}, 120_000);
afterAll(() => api?.close());

async function endpointOf(as: string, url: string): Promise<string> {
  const r = await api.gql(
    `mutation($i: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $i) { webhookEndpoint { id } } }`,
    { i: { url, eventTypes: ["AGREEMENT_STATUS_CHANGED"] } },
    token[as],
  );
  return r.data.registerWebhookEndpoint.webhookEndpoint.id;
}

/** The agreement numbers told as EXPIRING to an endpoint, once each or more. */
async function toldExpiring(endpointId: string): Promise<string[]> {
  const rows = await api.database.db
    .select({ data: webhookEvents.data })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.endpointId, uuidOf(endpointId)));
  return rows
    .map((r) => r.data as { change: string; agreement: { number: string; status: string } })
    .filter((d) => d.change === "EXPIRING")
    .map((d) => d.agreement.number)
    .sort();
}

/** What the API itself says is EXPIRING for a partner: the status partners read. */
async function expiringAs(as: string): Promise<string[]> {
  const r = await api.gql(
    `{ agreements(first: 100, filter: { status: [EXPIRING] }) { edges { node { number status } } } }`,
    {},
    token[as],
  );
  return r.data.agreements.edges.map((e: { node: { number: string } }) => e.node.number).sort();
}

describe("the calendar's status change, told to partners", () => {
  it("tells each partner once of each of its agreements that came into the expiring window, and no one else", async () => {
    const petra = await endpointOf("petra", "https://203.0.113.20/nordsak");
    const lars = await endpointOf("lars", "https://203.0.113.21/lasteknik");
    const expected = { petra: await expiringAs("petra"), lars: await expiringAs("lars") };
    expect(expected.lars.length, "the demo has an agreement of Lars's ending within 60 days").toBeGreaterThan(0);

    // Two processes at once, then a later pass: each agreement and end is told once.
    const now = new Date();
    const runs = await Promise.all([1, 2].map(() => tellExpiringAgreements(api.database.db, now, WINDOW)));
    const again = await tellExpiringAgreements(api.database.db, now, WINDOW);

    expect(await toldExpiring(petra)).toEqual(expected.petra);
    expect(await toldExpiring(lars)).toEqual(expected.lars);
    expect(again).toBe(0);
    expect(runs[0]! + runs[1]!).toBeGreaterThanOrEqual(expected.petra.length + expected.lars.length);
  });

  it("says the new status and the end, and no previous status, which the calendar does not keep", async () => {
    const told = (
      await api.database.db
        .select({ data: webhookEvents.data })
        .from(webhookEvents)
        .where(eq(webhookEvents.type, "AGREEMENT_STATUS_CHANGED"))
    )
      .map((r) => r.data as { change?: string })
      .filter((d) => d.change === "EXPIRING");
    expect(told.length).toBeGreaterThan(0);
    for (const d of told)
      expect(d).toMatchObject({
        previousStatus: null,
        agreement: {
          status: "EXPIRING",
          number: expect.stringMatching(/^TA-/),
          endsOn: expect.stringMatching(/^\d{4}-/),
        },
      });
  });
});
