import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMonitoringWorld, uuidOf as uuid, type MonitoringWorld, type TestApi } from "./support.js";

/**
 * A visit's backup checks proposed over GraphQL from the property's backup check: nine nights of
 * history in the table, the latest backup sent over HTTP as an installation does, and the visit's
 * authorisation deciding who sees it.
 */
let w: MonitoringWorld;
let api: TestApi;
let sql: postgres.Sql;
let token: Record<string, string>;
let visitId: string;

const MIB = 1024 * 1024;

beforeAll(async () => {
  w = await startMonitoringWorld(["karin", "eva", "tomas"]);
  ({ api, sql, token } = w);
  const propertyId = w.property["Kv. Masthugget 4"]!;
  const made = await api.gql(
    `mutation($i: CreateMonitoringCheckInput!) {
      createMonitoringCheck(input: $i) { pingKey monitoringCheck { id } userErrors { code } }
    }`,
    {
      i: { propertyId, kind: "BACKUP_JOB", name: "Hantera-databasen", cronExpression: "0 2 * * *", graceSeconds: 3600 },
    },
    token.karin,
  );
  expect(made.data.createMonitoringCheck.userErrors).toEqual([]);
  const { pingKey, monitoringCheck } = made.data.createMonitoringCheck;
  const checkId = uuid(monitoringCheck.id);
  // The check has watched for ten days: nine nightly backups of 500 MB before today's.
  await sql`update monitoring_checks set created_at = now() - interval '10 days' where id = ${checkId}`;
  for (let d = 9; d >= 1; d--)
    await sql`insert into monitoring_pings (check_id, received_at, signal, size_bytes, duration_ms)
      values (${checkId}, now() - make_interval(days => ${d}), 'SUCCESS', ${500 * MIB}, 600000)`;
  const res = await fetch(`${api.url}/ping/${pingKey}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ size_bytes: 520 * MIB, duration_ms: 610_000 }),
  });
  expect(res.status).toBe(200);
  const [owner] = await sql<{ agreementId: string }[]>`
    select agreement_id as "agreementId" from monitoring_checks where id = ${checkId}`;
  const agreementId = owner!.agreementId;
  const tomas = await api.gql(`{ viewer { user { id } } }`, {}, token.tomas);
  const booked = await api.gql(
    `mutation($i: ScheduleServiceVisitInput!) { scheduleServiceVisit(input: $i) { serviceVisit { id } userErrors { code message } } }`,
    {
      i: {
        agreementId: Buffer.from(`Agreement:${agreementId}`).toString("base64url"),
        propertyId,
        technicianId: tomas.data.viewer.user.id,
        scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      },
    },
    token.admin,
  );
  expect(booked.data.scheduleServiceVisit.userErrors).toEqual([]);
  visitId = booked.data.scheduleServiceVisit.serviceVisit.id;
});
afterAll(() => w?.close());

const PREFILL = `query($id: ID!) { node(id: $id) { ... on ServiceVisit {
  backupEvidence { source checks { name expectedRuns successfulRuns successRate lastSizeBytes sizes { weekOf sizeBytes } } }
  prefilledChecks { kind result note databaseSizeMb source }
} } }`;

describe("a visit's backup checks proposed over GraphQL", () => {
  it("shows the technician the evidence and the proposals, the HTTP ping's backup as the latest size", async () => {
    const r = await api.gql(PREFILL, { id: visitId }, token.tomas);
    expect(r.errors).toBeUndefined();
    const { backupEvidence, prefilledChecks } = r.data.node;
    expect(backupEvidence.source).toBe("Aptus Systemövervakning");
    // The add-on's default "Nightly backup" may stand beside it, never heard from: nothing of it is due yet.
    const check = backupEvidence.checks.find((c: any) => c.name === "Hantera-databasen");
    expect(check.expectedRuns).toBeGreaterThanOrEqual(8);
    expect(check.successRate).toBeGreaterThan(0.8);
    expect(check.lastSizeBytes).toBe(520 * MIB);
    const byKind = Object.fromEntries(prefilledChecks.map((p: any) => [p.kind, p]));
    expect(byKind.BACKUP_ROUTINES.note).toMatch(/Backup lyckades \d+ av \d+ nätter .*Från Aptus Systemövervakning/);
    expect(byKind.DATABASE_SIZE).toMatchObject({ databaseSizeMb: 520, source: "Aptus Systemövervakning" });
    expect(byKind.DATABASE_SIZE.note).toContain("från 500 MB");
  });

  it("shows the customer the same evidence, and another customer nothing", async () => {
    const karin = await api.gql(PREFILL, { id: visitId }, token.karin);
    const tomas = await api.gql(PREFILL, { id: visitId }, token.tomas);
    expect(karin.data.node).toEqual(tomas.data.node);
    const eva = await api.gql(PREFILL, { id: visitId }, token.eva);
    expect(eva.errors).toBeUndefined();
    expect(eva.data.node).toBeNull();
  });

  it("has no evidence for a visit whose property has no backup check", async () => {
    await sql`update monitoring_checks set kind = 'SCHEDULED_JOB'`;
    const r = await api.gql(PREFILL, { id: visitId }, token.tomas);
    expect(r.data.node).toEqual({ backupEvidence: null, prefilledChecks: [] });
  });
});
