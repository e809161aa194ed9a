import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookDeliveries, webhookEvents } from "../src/db/schema/index.js";
import { sweepDueChecks } from "../src/modules/monitoring/index.js";
import { escalateSilentInstallers } from "../src/modules/support/index.js";
import { addDaysIso, todayInSweden } from "../src/shared/dates.js";
import { startMonitoringWorld, uuidOf, type MonitoringWorld } from "./support.js";

/**
 * The events webhook-scope.test.ts does not reach: each caused by the real domain action (a visit booked and
 * completed, a monitoring incident opened and closed, a reply to and an escalation of a partner's case), and queued
 * for the endpoint of the partner concerned only. Nordsäk installs Kv. Masthugget 4 and has its agreement; Låsteknik
 * Väst's endpoint, subscribed to everything, must hear none of it. The endpoints (TEST-NET-3) are never called.
 */
let w: MonitoringWorld;
const ALL = ["CASE_UPDATED", "VISIT_BOOKED", "VISIT_COMPLETED", "INCIDENT_OPENED", "INCIDENT_CLOSED"];
const endpoint: Record<string, string> = {};
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

beforeAll(async () => {
  w = await startMonitoringWorld(["petra", "lars", "karin", "tomas"]);
  for (const [who, path] of [
    ["petra", "nordsak"],
    ["lars", "lasteknik"],
  ] as const) {
    const r = await w.api.gql(
      `mutation($i: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $i) {
        webhookEndpoint { id } userErrors { code } } }`,
      { i: { url: `https://203.0.113.10/${path}`, eventTypes: ALL } },
      w.token[who],
    );
    expect(r.data.registerWebhookEndpoint.userErrors).toEqual([]);
    endpoint[who] = r.data.registerWebhookEndpoint.webhookEndpoint.id;
  }
}, 120_000);
afterAll(() => w?.close());

/** The events queued for an endpoint, oldest first. */
async function queuedFor(who: string) {
  return w.api.database.db
    .select({ type: webhookEvents.type, data: webhookEvents.data })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.endpointId, uuidOf(endpoint[who]!)))
    .orderBy(webhookEvents.occurredAt, webhookEvents.id);
}

/** What an endpoint heard of one thing (a visit, an incident, a case), by its global id: [type, change]. */
async function heardOf(who: string, key: "visit" | "incident" | "case", id: string) {
  const rows = await queuedFor(who);
  return rows
    .filter((r) => (r.data[key] as { id?: string } | undefined)?.id === id)
    .map((r) => [r.type, r.data.change ?? null]);
}

async function ok(query: string, variables: Record<string, unknown>, as: string) {
  const r = await w.api.gql(query, variables, w.token[as]);
  expect(r.errors).toBeUndefined();
  const payload = Object.values(r.data)[0] as { userErrors: unknown[] } & Record<string, any>;
  expect(payload.userErrors).toEqual([]);
  return payload;
}

describe("webhook events from the domain's own actions", () => {
  it("tells the agreement's partner of a visit booked and completed, and no other partner", async () => {
    const list = await w.api.gql(
      `{ agreements(first: 100) { edges { node { id status partner { name } properties { id name } } } } }`,
      {},
      w.token.admin,
    );
    const masthugget = list.data.agreements.edges
      .map((e: any) => e.node)
      .find((a: any) => a.status === "ACTIVE" && a.properties.some((p: any) => p.name === "Kv. Masthugget 4"));
    expect(masthugget.partner.name).toBe("Nordsäk Säkerhet AB");
    const tomas = (await w.api.gql(`{ viewer { user { id } } }`, {}, w.token.tomas)).data.viewer.user.id;
    const booked = await ok(
      `mutation($i: ScheduleServiceVisitInput!) { scheduleServiceVisit(input: $i) {
        serviceVisit { id version } userErrors { code } } }`,
      {
        i: {
          agreementId: masthugget.id,
          propertyId: w.property["Kv. Masthugget 4"],
          technicianId: tomas,
          scheduledAt: `${addDaysIso(todayInSweden(), 1)}T07:00:00Z`,
        },
      },
      "admin",
    );
    const visit = booked.serviceVisit;
    expect(await heardOf("petra", "visit", visit.id)).toEqual([["VISIT_BOOKED", "BOOKED"]]);
    // Moved to another day: the partner hears of the booking again, as rescheduled.
    const moved = await ok(
      `mutation($i: RescheduleServiceVisitInput!) { rescheduleServiceVisit(input: $i) {
        serviceVisit { id version } userErrors { code } } }`,
      {
        i: {
          visitId: visit.id,
          expectedVersion: visit.version,
          scheduledAt: `${addDaysIso(todayInSweden(), 2)}T07:00:00Z`,
          reason: "Teknikern är sjuk.",
        },
      },
      "admin",
    );
    expect(await heardOf("petra", "visit", visit.id)).toEqual([
      ["VISIT_BOOKED", "BOOKED"],
      ["VISIT_BOOKED", "RESCHEDULED"],
    ]);
    visit.version = moved.serviceVisit.version;

    const kinds = ["DATABASE_REVIEW", "ROUTINES", "HARDWARE_AND_VERSIONS", "BACKUP_ROUTINES", "DATABASE_SIZE"];
    await ok(
      `mutation($i: RecordVisitChecksInput!) { recordVisitChecks(input: $i) { userErrors { code } } }`,
      {
        i: {
          visitId: visit.id,
          expectedVersion: visit.version,
          checks: kinds.map((kind) => ({ kind, result: "OK", databaseSizeMb: kind === "DATABASE_SIZE" ? 900 : null })),
        },
      },
      "tomas",
    );
    await ok(
      `mutation($i: CompleteServiceVisitInput!) { completeServiceVisit(input: $i) { userErrors { code } } }`,
      { i: { visitId: visit.id, signature: { signedByName: "Karin Kund", imageDataUrl: PNG } } },
      "tomas",
    );
    expect(await heardOf("petra", "visit", visit.id)).toEqual([
      ["VISIT_BOOKED", "BOOKED"],
      ["VISIT_BOOKED", "RESCHEDULED"],
      ["VISIT_COMPLETED", "COMPLETED"],
    ]);
    expect(await heardOf("lars", "visit", visit.id)).toEqual([]);
  });

  it("tells the installer of an incident opened and closed at its property, and no other partner", async () => {
    const made = await w.createCheck({ kind: "HEARTBEAT", name: "Webhook-dörren", periodSeconds: 600 });
    expect(made.userErrors).toEqual([]);
    expect((await w.ping(made.pingKey!)).status).toBe(200);
    await w.sql`update monitoring_checks set expected_at = now() - interval '50 minutes',
      alert_after = now() - interval '50 minutes' where name = 'Webhook-dörren'`;
    await sweepDueChecks(w.api.database.db, new Date());
    const [incident] = await w.sql`select i.id from monitoring_incidents i
      join monitoring_checks c on c.id = i.check_id where c.name = 'Webhook-dörren'`;
    const id = Buffer.from(`MonitoringIncident:${incident!.id}`).toString("base64url");
    expect(await heardOf("petra", "incident", id)).toEqual([["INCIDENT_OPENED", null]]);
    // The installation answers again: the incident is over.
    expect((await w.ping(made.pingKey!)).status).toBe(200);
    expect(await heardOf("petra", "incident", id)).toEqual([
      ["INCIDENT_OPENED", null],
      ["INCIDENT_CLOSED", null],
    ]);
    const closed = (await queuedFor("petra")).find((r) => r.type === "INCIDENT_CLOSED")!.data.incident as any;
    expect(closed.resolvedAt).toBeTruthy();
    expect(await heardOf("lars", "incident", id)).toEqual([]);
  });

  it("tells the installer of a reply to its case and of the case escalated back to the vendor, and no other", async () => {
    const opened = await ok(
      `mutation($i: OpenSupportCaseInput!) { openSupportCase(input: $i) { supportCase { id routedTo } userErrors { code } } }`,
      {
        i: {
          category: "PROGRAMMING",
          propertyId: w.property["Kv. Masthugget 4"],
          subject: "Taggar till hus B",
          description: "Tio nya taggar.",
        },
      },
      "karin",
    );
    const c = opened.supportCase;
    expect(c.routedTo).toBe("PARTNER");
    await ok(
      `mutation($i: ReplyToSupportCaseInput!) { replyToSupportCase(input: $i) { userErrors { code } } }`,
      { i: { caseId: c.id, body: "Det brådskar, inflyttning på måndag." } },
      "karin",
    );
    expect(await heardOf("petra", "case", c.id)).toEqual([["CASE_UPDATED", "REPLIED"]]);
    // Nordsäk does not answer by the deadline: the sweep takes the case back to Aptus.
    expect(await escalateSilentInstallers(w.api.database.db, new Date(Date.now() + 30 * 86_400_000))).toBeGreaterThan(
      0,
    );
    const heard = await heardOf("petra", "case", c.id);
    expect(heard).toEqual([
      ["CASE_UPDATED", "REPLIED"],
      ["CASE_UPDATED", "ESCALATED"],
    ]);
    const escalated = (await queuedFor("petra")).filter((r) => (r.data.case as any)?.id === c.id)[1]!.data.case;
    expect(escalated).toMatchObject({ routedTo: "VENDOR" });
    expect(await heardOf("lars", "case", c.id)).toEqual([]);
  });

  it("tells the installer of its case assigned, its status changed and handed back, and nothing after it left", async () => {
    const opened = await ok(
      `mutation($i: OpenSupportCaseInput!) { openSupportCase(input: $i) { supportCase { id routedTo } userErrors { code } } }`,
      {
        i: {
          category: "PROGRAMMING",
          propertyId: w.property["Kv. Masthugget 4"],
          subject: "Porttelefonen i hus C",
          description: "Namnen i displayen är fel.",
        },
      },
      "karin",
    );
    const c = opened.supportCase;
    expect(c.routedTo).toBe("PARTNER");
    const petra = (await w.api.gql(`{ viewer { user { id } } }`, {}, w.token.petra)).data.viewer.user.id;
    await ok(
      `mutation($i: AssignSupportCaseInput!) { assignSupportCase(input: $i) { userErrors { code } } }`,
      { i: { caseId: c.id, assigneeId: petra } },
      "petra",
    );
    await ok(
      `mutation($i: SetSupportCaseStatusInput!) { setSupportCaseStatus(input: $i) { userErrors { code } } }`,
      { i: { caseId: c.id, status: "WAITING_ON_CUSTOMER" } },
      "petra",
    );
    await ok(
      `mutation($i: HandOverSupportCaseInput!) { handOverSupportCase(input: $i) { userErrors { code } } }`,
      { i: { caseId: c.id, to: "VENDOR", note: "Displayen styrs av Aptus programvara." } },
      "petra",
    );
    const told = [
      ["CASE_UPDATED", "ASSIGNED"],
      ["CASE_UPDATED", "STATUS_CHANGED"],
      ["CASE_UPDATED", "HANDED_BACK"],
    ];
    expect(await heardOf("petra", "case", c.id)).toEqual(told);
    const handedBack = (await queuedFor("petra")).filter((r) => (r.data.case as any)?.id === c.id)[2]!.data.case;
    expect(handedBack).toMatchObject({ routedTo: "VENDOR", status: "WAITING_ON_CUSTOMER" });
    // The vendor's case now: its later changes are none of the installer's business.
    await ok(
      `mutation($i: SetSupportCaseStatusInput!) { setSupportCaseStatus(input: $i) { userErrors { code } } }`,
      { i: { caseId: c.id, status: "RESOLVED" } },
      "tomas",
    );
    expect(await heardOf("petra", "case", c.id)).toEqual(told);
    expect(await heardOf("lars", "case", c.id)).toEqual([]);
  });
});
