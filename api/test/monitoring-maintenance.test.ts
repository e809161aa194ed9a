import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepDueChecks } from "../src/modules/monitoring/index.js";
import { startMonitoringWorld, uuidOf as uuid, type MonitoringWorld, type TestApi } from "./support.js";

/**
 * Maintenance windows (issue #20: "planned maintenance that suppresses alerts and does not count as
 * downtime"): a check going down inside one opens no case; still down when it ends, one case opens
 * then; its time counts apart from uptime; only support and the customer's own admin plan them.
 */
let w: MonitoringWorld;
let api: TestApi;
let sql: postgres.Sql;
let token: Record<string, string>;
let property: Record<string, string>;
const MINUTE = 60_000;

const SCHEDULE = `mutation($i: ScheduleMaintenanceWindowInput!) {
  scheduleMaintenanceWindow(input: $i) { maintenanceWindow { id startsAt endsAt reason createdBy { name } } userErrors { code field } }
}`;
const CANCEL = `mutation($i: MaintenanceWindowRefInput!) {
  cancelMaintenanceWindow(input: $i) { maintenanceWindow { id endedAt } userErrors { code field } }
}`;

async function schedule(input: Record<string, unknown>, as = "tomas") {
  const r = await api.gql(SCHEDULE, { i: { reason: "Byte av server", ...input } }, token[as]);
  expect(r.errors).toBeUndefined();
  return r.data.scheduleMaintenanceWindow as {
    maintenanceWindow: { id: string; startsAt: string; endsAt: string | null; createdBy: { name: string } } | null;
    userErrors: { code: string; field: string[] }[];
  };
}

async function heartbeat(name: string, propertyName = "Kv. Masthugget 4") {
  const r = await api.gql(
    `mutation($i: CreateMonitoringCheckInput!) { createMonitoringCheck(input: $i) { pingKey monitoringCheck { id } userErrors { code } } }`,
    { i: { propertyId: property[propertyName], kind: "HEARTBEAT", name, periodSeconds: 600, graceSeconds: 300 } },
    token.karin,
  );
  expect(r.data.createMonitoringCheck.userErrors).toEqual([]);
  const { pingKey, monitoringCheck } = r.data.createMonitoringCheck;
  expect((await fetch(`${api.url}/ping/${pingKey}`, { method: "POST" })).status).toBe(200);
  return { key: pingKey as string, id: monitoringCheck.id as string };
}

/** Makes the check's next signal due at `at`: a heartbeat with threshold 2 is DOWN 15 minutes later. */
async function dueAt(checkId: string, at: Date) {
  await sql`update monitoring_checks set expected_at = ${at}, alert_after = ${at} where id = ${uuid(checkId)}`;
}

/** Two failures: a heartbeat's threshold, so the check is DOWN at once. */
async function failTwice(key: string) {
  for (let i = 0; i < 2; i++) expect((await fetch(`${api.url}/ping/${key}/fail`, { method: "POST" })).status).toBe(200);
}

async function incidentsOf(checkId: string) {
  return sql`select i.started_at, i.support_case_id, c.status from monitoring_incidents i
    left join support_cases c on c.id = i.support_case_id where i.check_id = ${uuid(checkId)}`;
}

beforeAll(async () => {
  w = await startMonitoringWorld(["tomas", "petra", "lars", "karin", "eva"]);
  ({ api, sql, token, property } = w);
});
afterAll(() => w?.close());

describe("maintenance suppresses incidents", () => {
  it("opens no case for a check that goes down inside a window, and one when the window ends while still down", async () => {
    const t0 = new Date();
    const check = await heartbeat("Hantera database (maintained)");
    const planned = await schedule({
      checkId: check.id,
      startsAt: t0.toISOString(),
      endsAt: new Date(+t0 + 60 * MINUTE).toISOString(),
    });
    expect(planned.userErrors).toEqual([]);
    expect(planned.maintenanceWindow!.createdBy.name).toMatch(/Tomas/);
    await dueAt(check.id, new Date(+t0 + MINUTE));
    await sweepDueChecks(api.database.db, new Date(+t0 + 20 * MINUTE));
    const during = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on MonitoringCheck { state inMaintenance maintenanceWindows { id } } } }`,
      { id: check.id },
      token.karin,
    );
    // The state still shows, flagged in maintenance; nobody was called.
    expect(during.data.node).toEqual({
      state: "DOWN",
      inMaintenance: true,
      maintenanceWindows: [{ id: planned.maintenanceWindow!.id }],
    });
    expect(await incidentsOf(check.id)).toEqual([]);
    await sweepDueChecks(api.database.db, new Date(+t0 + 59 * MINUTE));
    expect(await incidentsOf(check.id)).toEqual([]);
    // The window is over and the check still down: the incident starts now, not when it went down.
    await sweepDueChecks(api.database.db, new Date(+t0 + 70 * MINUTE));
    await sweepDueChecks(api.database.db, new Date(+t0 + 80 * MINUTE));
    const after = await incidentsOf(check.id);
    expect(after).toEqual([
      { started_at: new Date(+t0 + 60 * MINUTE), support_case_id: expect.any(String), status: "OPEN" },
    ]);
  });

  it("opens the held incident at the moment a window is ended early", async () => {
    const t0 = new Date();
    const check = await heartbeat("Aptusportal (maintained)");
    const planned = await schedule({ checkId: check.id, endsAt: new Date(+t0 + 120 * MINUTE).toISOString() });
    await failTwice(check.key); // DOWN through the ping route, inside the window
    await sweepDueChecks(api.database.db, new Date());
    expect(await incidentsOf(check.id)).toEqual([]);
    const ended = await api.gql(CANCEL, { i: { maintenanceWindowId: planned.maintenanceWindow!.id } }, token.karin);
    expect(ended.data.cancelMaintenanceWindow.userErrors).toEqual([]);
    const endedAt = new Date(ended.data.cancelMaintenanceWindow.maintenanceWindow.endedAt);
    await sweepDueChecks(api.database.db, new Date());
    expect((await incidentsOf(check.id)).map((i) => i.started_at)).toEqual([endedAt]);
    const again = await api.gql(CANCEL, { i: { maintenanceWindowId: planned.maintenanceWindow!.id } }, token.karin);
    expect(again.data.cancelMaintenanceWindow.userErrors).toEqual([
      { code: "MAINTENANCE_ALREADY_ENDED", field: ["input", "maintenanceWindowId"] },
    ]);
    const audit = await sql`select action from audit_events where object_id = ${uuid(planned.maintenanceWindow!.id)}`;
    expect(audit.map((a) => a.action).sort()).toEqual(["maintenanceWindow.end", "maintenanceWindow.schedule"]);
  });

  it("forgets the held incident of a check that comes back inside the window", async () => {
    const t0 = new Date();
    const check = await heartbeat("Multi-access server (maintained)");
    const planned = await schedule({ checkId: check.id, endsAt: new Date(+t0 + 60 * MINUTE).toISOString() });
    await failTwice(check.key);
    const [held] = await sql`select state, incident_held_since from monitoring_checks where id = ${uuid(check.id)}`;
    expect(held).toMatchObject({ state: "DOWN", incident_held_since: expect.any(Date) });
    expect((await fetch(`${api.url}/ping/${check.key}`, { method: "POST" })).status).toBe(200);
    await api.gql(CANCEL, { i: { maintenanceWindowId: planned.maintenanceWindow!.id } }, token.tomas);
    await sweepDueChecks(api.database.db, new Date());
    expect(await incidentsOf(check.id)).toEqual([]);
    const [row] = await sql`select state, incident_held_since from monitoring_checks where id = ${uuid(check.id)}`;
    expect(row).toMatchObject({ incident_held_since: null });
  });
});

describe("uptime leaves maintenance out", () => {
  it("counts down time inside a window as maintenance, not down", async () => {
    const check = await heartbeat("Backup server (uptime)", "Kv. Majorna 12");
    const id = uuid(check.id);
    const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE);
    await sql`delete from monitoring_flips where check_id = ${id}`;
    await sql`insert into monitoring_flips (check_id, from_state, to_state, happened_at) values
      (${id}, 'NEW', 'UP', ${ago(240)}), (${id}, 'UP', 'DOWN', ${ago(150)}), (${id}, 'DOWN', 'UP', ${ago(90)})`;
    const [owner] = await sql`select customer_id, property_id from monitoring_checks where id = ${id}`;
    await sql`insert into monitoring_maintenance_windows (customer_id, property_id, starts_at, ends_at, reason)
      values (${owner!.customer_id}, ${owner!.property_id}, ${ago(180)}, ${ago(60)}, 'Uppgradering')`;
    const r = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on MonitoringCheck { uptime(months: 2) { downSeconds maintenanceSeconds upSeconds uptime } } } }`,
      { id: check.id },
      token.karin,
    );
    const months = r.data.node.uptime as { downSeconds: number; maintenanceSeconds: number; upSeconds: number }[];
    const sum = (k: "downSeconds" | "maintenanceSeconds" | "upSeconds") => months.reduce((s, m) => s + m[k], 0);
    expect(sum("downSeconds")).toBe(0);
    expect(sum("maintenanceSeconds")).toBeCloseTo(120 * 60, -1);
    expect(sum("upSeconds")).toBeCloseTo(120 * 60, -1);
  });
});

describe("who may plan maintenance", () => {
  it("answers another tenant's installation, check and window as missing ones, and writes nothing", async () => {
    const check = await heartbeat("Dörrcentral (tenancy)");
    const mine = await schedule(
      { propertyId: property["Kv. Masthugget 4"], endsAt: new Date(Date.now() + 3600_000) },
      "karin",
    );
    expect(mine.userErrors).toEqual([]);
    const count = async () => (await sql`select count(*)::int as n from monitoring_maintenance_windows`)[0]!.n;
    const before = await count();
    const ends = new Date(Date.now() + 3600_000).toISOString();
    expect((await schedule({ propertyId: property["Kv. Masthugget 4"], endsAt: ends }, "eva")).userErrors).toEqual([
      { code: "NOT_FOUND", field: ["input", "propertyId"] },
    ]);
    expect((await schedule({ checkId: check.id, endsAt: ends }, "eva")).userErrors).toEqual([
      { code: "NOT_FOUND", field: ["input", "checkId"] },
    ]);
    const cancel = await api.gql(CANCEL, { i: { maintenanceWindowId: mine.maintenanceWindow!.id } }, token.eva);
    expect(cancel.data.cancelMaintenanceWindow.userErrors).toEqual([
      { code: "NOT_FOUND", field: ["input", "maintenanceWindowId"] },
    ]);
    expect(await count()).toBe(before);
    expect(
      (
        await sql`select ended_at from monitoring_maintenance_windows where ended_at is not null and reason = 'Byte av server' and check_id is null`
      ).length,
    ).toBe(0);
    const through = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Property { maintenanceWindows { id } inMaintenance } } }`,
      { id: property["Kv. Masthugget 4"] },
      token.eva,
    );
    expect(through.data.node?.maintenanceWindows ?? []).toEqual([]);
    // The installing partner sees the checks but does not plan windows.
    const partner = await api.gql(
      SCHEDULE,
      { i: { propertyId: property["Kv. Majorna 12"], endsAt: ends, reason: "x" } },
      token.petra,
    );
    expect(partner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const audit =
      await sql`select action, organisation_id from audit_events where object_id = ${uuid(mine.maintenanceWindow!.id)}`;
    expect(audit.map((a) => a.action)).toEqual(["maintenanceWindow.schedule"]);
  });

  it("refuses windows that end before they start, are over, too long, or recur on a bad schedule", async () => {
    const at = (minutes: number) => new Date(Date.now() + minutes * MINUTE).toISOString();
    const propertyId = property["Kv. Masthugget 4"];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ startsAt: at(60), endsAt: at(30) }, "INVALID_WINDOW", "endsAt"],
      [{ startsAt: at(-120), endsAt: at(-60) }, "WINDOW_IN_PAST", "endsAt"],
      [{ startsAt: at(60), endsAt: at(60 + 8 * 24 * 60) }, "WINDOW_TOO_LONG", "endsAt"],
      [{}, "INVALID_WINDOW", "endsAt"],
      [{ cronExpression: "every sunday", durationSeconds: 3600 }, "INVALID_SCHEDULE", "cronExpression"],
      [{ cronExpression: "*/5 * * * *", durationSeconds: 600 }, "INVALID_SCHEDULE", "cronExpression"],
      [{ cronExpression: "0 2 * * 0", durationSeconds: 60 }, "INVALID_DURATION", "durationSeconds"],
      [{ cronExpression: "0 2 * * 0", durationSeconds: 2 * 86_400 }, "INVALID_DURATION", "durationSeconds"],
      [{ endsAt: at(60), reason: "  " }, "INVALID_INPUT", "reason"],
    ];
    for (const [input, code, field] of cases) {
      const r = await schedule({ propertyId, ...input });
      expect([input, r.userErrors]).toEqual([input, [{ code, field: ["input", field] }]]);
    }
    const weekly = await schedule({ propertyId, cronExpression: "0 2 * * 0", durationSeconds: 7200 });
    expect(weekly.userErrors).toEqual([]);
  });
});
