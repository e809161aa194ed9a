import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import type { Logger } from "../src/logger.js";
import { startCheckSweeper, sweepDueChecks } from "../src/modules/monitoring/index.js";
import { startMonitoringWorld, type DemoLogin, type MonitoringWorld, type TestApi } from "./support.js";

let w: MonitoringWorld;
let api: TestApi;
let sql: postgres.Sql;
let token: Record<string, string>;
let property: Record<string, string>;
const KEY_LIMIT = 8;

const createCheck = (input: Record<string, unknown>, as: DemoLogin = "karin") => w.createCheck(input, as);
const ping = (path: string, init: RequestInit = {}) => w.ping(path, init);

async function checkState(id: string, as = "karin") {
  const r = await api.gql(
    `query($id: ID!) { node(id: $id) { ... on MonitoringCheck { state lastPingAt pings(first: 5) { totalCount edges { node { signal exitCode durationMs sizeBytes body anomaly } } } flips(first: 10) { edges { node { fromState toState reason } } } incidents { kind resolvedAt } } } }`,
    { id },
    token[as],
  );
  return r.data.node;
}

beforeAll(async () => {
  w = await startMonitoringWorld(["tomas", "petra", "lars", "karin", "eva"], {
    env: { PING_MAX_PER_KEY_PER_MINUTE: KEY_LIMIT },
  });
  ({ api, sql, token, property } = w);
});
afterAll(() => w?.close());

describe("monitoring checks over GraphQL", () => {
  it("sets up a heartbeat on a monitored property, shows its key once and keeps only the hash", async () => {
    const made = await createCheck({
      propertyId: property["Kv. Masthugget 4"],
      kind: "HEARTBEAT",
      name: "Multi-access server",
      periodSeconds: 600,
    });
    expect(made.userErrors).toEqual([]);
    expect(made.pingKey).toMatch(/^tpk_[\w-]{43}$/);
    expect(made.monitoringCheck).toMatchObject({ state: "NEW", failureThreshold: 2 });
    const stored =
      await sql`select ping_key_hash from monitoring_checks where ping_key_prefix = ${made.pingKey!.slice(0, 10)}`;
    expect(stored[0]!.ping_key_hash).not.toContain(made.pingKey!.slice(4));
  });

  it("refuses a property no monitoring or hosting covers, and a cron expression that is not one", async () => {
    const uncovered = await createCheck(
      {
        propertyId: property["Kv. Kungsladugård 7"],
        kind: "HEARTBEAT",
        name: "Server",
        periodSeconds: 600,
      },
      "admin",
    );
    expect(uncovered.userErrors.map((e) => e.code)).toEqual(["MONITORING_NOT_COVERED"]);
    const bad = await createCheck({
      propertyId: property["Kv. Masthugget 4"],
      kind: "SCHEDULED_JOB",
      name: "Nightly",
      cronExpression: "every night",
    });
    expect(bad.userErrors).toEqual([{ code: "INVALID_SCHEDULE", field: ["input", "cronExpression"] }]);
    // `field` is the path of the input at fault: an unknown time zone is `timeZone`, not the cron expression.
    const nowhere = await createCheck({
      propertyId: property["Kv. Masthugget 4"],
      kind: "SCHEDULED_JOB",
      name: "Nightly",
      cronExpression: "0 2 * * *",
      timeZone: "Mars/Olympus",
    });
    expect(nowhere.userErrors).toEqual([{ code: "INVALID_SCHEDULE", field: ["input", "timeZone"] }]);
  });

  it("answers another tenant's check exactly as a missing one, through node, relations and mutations", async () => {
    const made = await createCheck({
      propertyId: property["Kv. Majorna 12"],
      kind: "HEARTBEAT",
      name: "Hantera database",
      periodSeconds: 600,
    });
    const id = made.monitoringCheck!.id;
    expect(await checkState(id, "petra")).toMatchObject({ state: "NEW" }); // the installing partner
    expect(await checkState(id, "eva")).toBeNull();
    expect(await checkState(id, "lars")).toBeNull();
    const rotate = await api.gql(
      `mutation($i: MonitoringCheckRefInput!) { rotateMonitoringPingKey(input: $i) { pingKey userErrors { code } } }`,
      { i: { checkId: id } },
      token.eva,
    );
    expect(rotate.data.rotateMonitoringPingKey).toEqual({ pingKey: null, userErrors: [{ code: "NOT_FOUND" }] });
    const viaProperty = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Property { monitoringChecks { id } } } }`,
      { id: property["Kv. Majorna 12"] },
      token.lars,
    );
    expect(viaProperty.data.node?.monitoringChecks ?? []).toEqual([]);
    const board = await api.gql(`{ monitoringBoard { totalCount } }`, {}, token.karin);
    expect(board.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("pings over HTTP", () => {
  let key: string;
  let id: string;
  beforeAll(async () => {
    const made = await createCheck({
      propertyId: property["Kv. Masthugget 4"],
      kind: "BACKUP_JOB",
      name: "Nightly backup",
      cronExpression: "0 2 * * *",
    });
    key = made.pingKey!;
    id = made.monitoringCheck!.id;
  });

  it("pairs a start and its end by run id, keeps the log excerpt, and answers in plain text", async () => {
    const start = await ping(`${key}/start?rid=run-1`);
    expect([start.status, start.headers.get("content-type"), await start.text()]).toEqual([
      200,
      "text/plain; charset=utf-8",
      "OK\n",
    ]);
    await new Promise((r) => setTimeout(r, 30));
    const end = await ping(`${key}/0?rid=run-1&size_bytes=1048576`, {
      body: "dumped 12 tables\n",
      headers: { "content-type": "text/plain" },
    });
    expect(end.status).toBe(200);
    const check = await checkState(id);
    expect(check.state).toBe("UP");
    const last = check.pings.edges[0].node;
    expect(last).toMatchObject({ signal: "SUCCESS", exitCode: 0, sizeBytes: 1048576, body: "dumped 12 tables\n" });
    expect(last.durationMs).toBeGreaterThanOrEqual(30);
  });

  it("takes a non-zero exit code as a failure: a backup job goes DOWN at once with a BACKUP incident", async () => {
    const r = await fetch(`${api.url}/ping/${key}/3`); // GET, for the simplest clients
    expect(r.status).toBe(200);
    const check = await checkState(id);
    expect(check.state).toBe("DOWN");
    expect(check.pings.edges[0].node).toMatchObject({ signal: "FAIL", exitCode: 3 });
    expect(check.incidents).toEqual([{ kind: "BACKUP", resolvedAt: null }]);
  });

  it("refuses bad input with a clear 4xx in plain text and stores nothing", async () => {
    const before = (await sql`select count(*)::int as n from monitoring_pings`)[0]!.n;
    const cases: [string, RequestInit, number, RegExp][] = [
      [`tpk_${"A".repeat(43)}`, {}, 404, /No check has this ping key/],
      ["not-a-key", {}, 400, /not a ping key/],
      [`${key}/restart`, {}, 400, /Unknown signal/],
      [`${key}/256`, {}, 400, /Unknown signal/],
      [`${key}/start/again`, {}, 400, /Ping as/],
      [`${key}?size_bytes=-5`, {}, 400, /size_bytes must be a whole number/],
      [`${key}?duration_ms=99999999999999999`, {}, 400, /duration_ms/],
      [key, { body: "x".repeat(10 * 1024 + 1) }, 413, /over 10240 bytes/],
      [key, { body: "{", headers: { "content-type": "application/json" } }, 400, /not JSON/],
    ];
    for (const [path, init, status, text] of cases) {
      const r = await ping(path, init);
      expect([path.slice(0, 30), r.status]).toEqual([path.slice(0, 30), status]);
      expect(r.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await r.text()).toMatch(text);
    }
    expect((await sql`select count(*)::int as n from monitoring_pings`)[0]!.n).toBe(before);
  });

  it("turns a flood from one key away with 429 while another key keeps its pings", async () => {
    const flood = await createCheck({
      propertyId: property["Kv. Majorna 12"],
      kind: "HEARTBEAT",
      name: "Flood",
      periodSeconds: 600,
    });
    const calm = await createCheck({
      propertyId: property["Kv. Majorna 12"],
      kind: "HEARTBEAT",
      name: "Calm",
      periodSeconds: 600,
    });
    const statuses: number[] = [];
    for (let i = 0; i < KEY_LIMIT + 2; i++) statuses.push((await ping(flood.pingKey!)).status);
    expect(statuses.slice(0, KEY_LIMIT).every((s) => s === 200)).toBe(true);
    const refused = await ping(flood.pingKey!);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await ping(calm.pingKey!)).status).toBe(200);
  });

  it("stops taking the old key once rotated", async () => {
    const r = await api.gql(
      `mutation($i: MonitoringCheckRefInput!) { rotateMonitoringPingKey(input: $i) { pingKey userErrors { code } } }`,
      { i: { checkId: id } },
      token.karin,
    );
    const fresh = r.data.rotateMonitoringPingKey.pingKey as string;
    expect((await ping(key)).status).toBe(404);
    expect((await ping(`${fresh}/start`)).status).toBe(200);
  });
});

describe("changing a check", () => {
  it("moves its deadline with the new settings: a heartbeat made daily is not judged by its old five minutes", async () => {
    const made = await createCheck(
      { propertyId: property["Kv. Majorna 12"], kind: "HEARTBEAT", name: "Made daily", periodSeconds: 300 },
      "tomas",
    );
    expect((await ping(made.pingKey!)).status).toBe(200);
    const r = await api.gql(
      `mutation($i: UpdateMonitoringCheckInput!) { updateMonitoringCheck(input: $i) { userErrors { code } } }`,
      { i: { checkId: made.monitoringCheck!.id, name: "Made daily", periodSeconds: 86_400, graceSeconds: 300 } },
      token.tomas,
    );
    expect(r.data.updateMonitoringCheck.userErrors).toEqual([]);
    await sweepDueChecks(api.database.db, new Date(Date.now() + 3600_000));
    const [row] = await sql`select state, alert_after from monitoring_checks where name = 'Made daily'`;
    expect(row!.state).toBe("UP");
    expect(new Date(row!.alert_after).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
  });
});

describe("the sweeper", () => {
  it("keeps trying while the database is away, and stops when asked", async () => {
    // Nothing listens on port 9: every pass fails to connect, as during an outage.
    const away = await openDatabase({ url: "postgres://postgres@127.0.0.1:9/none" });
    const warnings: string[] = [];
    const logger = { warn: (_o: unknown, msg: string) => warnings.push(msg), info: () => {} } as unknown as Logger;
    const sweeper = startCheckSweeper({ db: away.db, logger, intervalMs: 20 });
    await expect.poll(() => warnings.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await sweeper.stop();
    const after = warnings.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(warnings.length).toBe(after);
    expect(new Set(warnings)).toEqual(
      new Set(["monitoring reconciliation failed; sweeping all the same", "monitoring sweep failed; trying again"]),
    );
    await away.close().catch(() => {});
  });

  it("sweeps the watched checks even while reconciling with the agreements fails", async () => {
    const made = await createCheck(
      { propertyId: property["Kv. Majorna 12"], kind: "HEARTBEAT", name: "Swept regardless", periodSeconds: 600 },
      "tomas",
    );
    expect((await ping(made.pingKey!)).status).toBe(200);
    const warnings: string[] = [];
    const logger = { warn: (_o: unknown, msg: string) => warnings.push(msg), info: () => {} } as unknown as Logger;
    const sweeper = startCheckSweeper({
      db: api.database.db,
      logger,
      intervalMs: 20,
      now: () => new Date(Date.now() + 3600_000),
      reconcile: () => Promise.reject(new Error("bind message has 70000 parameter formats")),
    });
    try {
      await expect
        .poll(async () => (await sql`select state from monitoring_checks where name = 'Swept regardless'`)[0]!.state, {
          timeout: 15_000,
        })
        .toBe("DOWN");
      expect(warnings).toContain("monitoring reconciliation failed; sweeping all the same");
    } finally {
      await sweeper.stop();
    }
  });

  it("writes each flip exactly once when two sweepers on their own connections race over the same checks", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const made = await createCheck(
        {
          propertyId: property["Kv. Majorna 12"],
          kind: "HEARTBEAT",
          name: `Race ${i}`,
          periodSeconds: 600,
          graceSeconds: 60,
        },
        "tomas",
      );
      expect((await ping(made.pingKey!)).status).toBe(200);
      ids.push(made.monitoringCheck!.id);
    }
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${api.databaseName}`;
    const [one, two] = await Promise.all([
      openDatabase({ url: url.toString() }),
      openDatabase({ url: url.toString() }),
    ]);
    try {
      // An hour on: every heartbeat has missed its period twice and its grace; each must go UP → LATE → DOWN once.
      const later = new Date(Date.now() + 3600_000);
      const results = await Promise.all([sweepDueChecks(one.db, later, 7), sweepDueChecks(two.db, later, 7)]);
      const written = await sql`select count(*)::int as n from monitoring_flips where recorded_at = ${later}`;
      expect(results[0].flips + results[1].flips).toBe(written[0]!.n);
      expect(results[0].checks + results[1].checks).toBeGreaterThanOrEqual(40);
      const flips =
        await sql`select f.to_state, count(*)::int as n from monitoring_flips f join monitoring_checks c on c.id = f.check_id where c.name like 'Race %' group by f.to_state order by 1`;
      expect(flips.map((f) => [f.to_state, f.n])).toEqual([
        ["UP", 40],
        ["LATE", 40],
        ["DOWN", 40],
      ]);
      // Support's board puts the DOWN checks first, across customers.
      const board = await api.gql(
        `{ monitoringBoard(first: 40) { totalCount edges { node { state } } } }`,
        {},
        token.tomas,
      );
      expect(board.data.monitoringBoard.totalCount).toBeGreaterThanOrEqual(40);
      expect(new Set(board.data.monitoringBoard.edges.map((e: any) => e.node.state))).toEqual(new Set(["DOWN"]));
      const incidents =
        await sql`select count(*)::int as n from monitoring_incidents i join monitoring_checks c on c.id = i.check_id where c.name like 'Race %'`;
      expect(incidents[0]!.n).toBe(40);
      // Dated by the deadline, not by the sweep: the DOWN flip is 2 periods + grace after the ping.
      const [gap] =
        await sql`select min(extract(epoch from (d.happened_at - u.happened_at)))::int as lo, max(extract(epoch from (d.happened_at - u.happened_at)))::int as hi from monitoring_flips d join monitoring_flips u on u.check_id = d.check_id and u.to_state = 'UP' where d.to_state = 'DOWN' and d.check_id in (select id from monitoring_checks where name like 'Race %')`;
      expect(gap).toEqual({ lo: 1260, hi: 1260 });
      expect(await Promise.all([sweepDueChecks(one.db, later), sweepDueChecks(two.db, later)])).toEqual([
        { checks: 0, flips: 0 },
        { checks: 0, flips: 0 },
      ]);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe("incidents and their support cases", () => {
  /** A heartbeat that pinged once and then (as the database is told) fell silent 50 minutes ago. */
  async function silentHeartbeat(name: string) {
    const made = await createCheck({
      propertyId: property["Kv. Masthugget 4"],
      kind: "HEARTBEAT",
      name,
      periodSeconds: 600,
    });
    expect((await ping(made.pingKey!)).status).toBe(200);
    await sql`update monitoring_checks set expected_at = now() - interval '50 minutes', alert_after = now() - interval '50 minutes' where name = ${name}`;
    const swept = await sweepDueChecks(api.database.db, new Date());
    expect(swept.flips).toBeGreaterThanOrEqual(2);
    const [row] =
      await sql`select c.id as case_id, c.number, c.source, c.status, c.category, c.priority, c.response_target_hours, c.opened_by, c.subject, i.started_at
      from monitoring_incidents i join monitoring_checks m on m.id = i.check_id join support_cases c on c.id = i.support_case_id where m.name = ${name}`;
    return { key: made.pingKey!, id: made.monitoringCheck!.id, incident: row! };
  }

  it("opens a case on a DOWN flip, prioritised and timed like any case, and closes it on recovery when nobody answered", async () => {
    const { key, incident } = await silentHeartbeat("Aptusportal site");
    expect(incident).toMatchObject({ source: "MONITORING", status: "OPEN", category: "TECHNICAL", opened_by: null });
    expect(incident.subject).toMatch(/^Övervakning: Aptusportal site på Kv. Masthugget 4 har inte hörts av i tid/);
    // A person's case for the same property gets the same priority and target from the agreement's tier.
    const byPerson = await api.gql(
      `mutation($i: OpenSupportCaseInput!) { openSupportCase(input: $i) { supportCase { priority responseTargetHours } userErrors { code } } }`,
      {
        i: {
          propertyId: property["Kv. Masthugget 4"],
          category: "TECHNICAL",
          subject: "Dörren",
          description: "Går inte att öppna.",
        },
      },
      token.karin,
    );
    expect(byPerson.data.openSupportCase.supportCase).toEqual({
      priority: incident.priority,
      responseTargetHours: incident.response_target_hours,
    });
    expect((await ping(key)).status).toBe(200);
    const [after] = await sql`select status from support_cases where id = ${incident.case_id}`;
    expect(after!.status).toBe("CLOSED");
    const notes = await sql`select body, author_user_id from support_case_messages where case_id = ${incident.case_id}`;
    expect(notes).toEqual([
      { body: expect.stringMatching(/^Aptusportal site svarar igen sedan .*; avbrottet varade/), author_user_id: null },
    ]);
    const [i] = await sql`select resolved_at from monitoring_incidents where support_case_id = ${incident.case_id}`;
    expect(i!.resolved_at).not.toBeNull();
  });

  it("keeps a case people answered open on recovery, and adds the next outage of the same check to it", async () => {
    const { key, id, incident } = await silentHeartbeat("Multi-access server 2");
    const caseId = Buffer.from(`SupportCase:${incident.case_id}`).toString("base64url");
    const reply = await api.gql(
      `mutation($i: ReplyToSupportCaseInput!) { replyToSupportCase(input: $i) { userErrors { code } } }`,
      { i: { caseId, body: "Vi tittar på servern." } },
      token.tomas,
    );
    expect(reply.data.replyToSupportCase.userErrors).toEqual([]);
    expect((await ping(key)).status).toBe(200);
    expect((await sql`select status from support_cases where id = ${incident.case_id}`)[0]!.status).toBe("OPEN");
    await sql`update monitoring_checks set expected_at = now() - interval '50 minutes', alert_after = now() - interval '50 minutes' where id = ${Buffer.from(id, "base64url").toString().split(":")[1]!}`;
    await sweepDueChecks(api.database.db, new Date());
    const incidents =
      await sql`select support_case_id from monitoring_incidents i join monitoring_checks m on m.id = i.check_id where m.name = 'Multi-access server 2'`;
    expect(incidents.map((r) => r.support_case_id)).toEqual([incident.case_id, incident.case_id]);
    const notes =
      await sql`select body from support_case_messages where case_id = ${incident.case_id} and author_user_id is null order by created_at`;
    // The test moved the clock back for the second outage, so the notes' order says nothing here.
    expect(notes.map((n) => n.body).sort()).toEqual([
      expect.stringMatching(/^Multi-access server 2 svarar igen/),
      expect.stringMatching(/^Nytt avbrott: /),
    ]);
  });
});
