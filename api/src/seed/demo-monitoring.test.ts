import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.js";
import { rowsOf } from "../shared/table-rows.js";
import { freshDatabase } from "../test-support.js";
import { BACKUP_DAYS } from "./demo-monitoring.js";
import { seedDemo, seedDemoLivedExtras } from "./demo.js";
import type { DemoPingKey } from "./demo-monitoring.js";

let database: Database;
let keys: DemoPingKey[];
const rows = async (q: ReturnType<typeof sql>) => rowsOf(await database.db.execute(q));

beforeAll(async () => {
  database = await freshDatabase();
  await seedDemo(database.db);
  keys = await seedDemoLivedExtras(database.db);
}, 300_000);
afterAll(() => database.close());

describe("the demo's lived extras (npm start)", () => {
  it("mailed each finished visit's protocol the afternoon of the visit, not when the seed ran", async () => {
    const visits = await rows(sql`select completed_at, protocol_sent_at, protocol_sent_version from service_visits
      where completed_at is not null and cancelled_at is null`);
    expect(visits.length).toBeGreaterThanOrEqual(3);
    for (const v of visits) {
      expect(v.protocol_sent_version).toBe(1);
      const hours = (+new Date(v.protocol_sent_at as string) - +new Date(v.completed_at as string)) / 3.6e6;
      expect(hours).toBeGreaterThanOrEqual(2);
      expect(hours).toBeLessThan(3);
    }
  });

  it("watches every covered installation, with a key per check for the simulator", async () => {
    const [checks] = await rows(sql`select count(*)::int as n from monitoring_checks`);
    expect(keys).toHaveLength(Number(checks!.n));
    expect(new Set(keys.map((k) => k.kind))).toEqual(new Set(["HEARTBEAT", "BACKUP_JOB"]));
    expect(keys.every((k) => /^tpk_[\w-]{43}$/.test(k.key))).toBe(true);
  });

  it("has a quarter of nightly backups, growing, and one that started late — none on the night the clocks went back", async () => {
    const backups = await rows(sql`select c.id, count(*) filter (where p.signal = 'SUCCESS')::int as runs,
        min(p.size_bytes) as smallest, max(p.size_bytes) as largest, min(p.received_at) as first
      from monitoring_checks c join monitoring_pings p on p.check_id = c.id where c.kind = 'BACKUP_JOB' group by c.id`);
    expect(backups.length).toBeGreaterThan(0);
    for (const b of backups) {
      expect(Number(b.runs)).toBeGreaterThanOrEqual(BACKUP_DAYS - 2);
      expect(Number(b.largest)).toBeGreaterThan(Number(b.smallest));
    }
    const late = await rows(sql`select p.name, f.happened_at from monitoring_flips f
        join monitoring_checks c on c.id = f.check_id join properties p on p.id = c.property_id
       where c.kind = 'BACKUP_JOB' and f.to_state <> 'UP'`);
    expect(late.map((l) => l.name)).toEqual(["Kv. Majorna 12"]);
  });

  it("has a quarter of heartbeats every five minutes, with no flip but their first UP and the outage's", async () => {
    const heartbeats = await rows(sql`select c.id, count(p.*)::int as pings, min(p.received_at) as first
      from monitoring_checks c join monitoring_pings p on p.check_id = c.id where c.kind = 'HEARTBEAT' group by c.id`);
    expect(heartbeats.length).toBe(keys.filter((k) => k.kind === "HEARTBEAT").length);
    const quarterAgo = Date.now() - (BACKUP_DAYS - 1) * 86_400_000;
    for (const h of heartbeats) {
      expect(new Date(h.first as string).getTime()).toBeLessThan(quarterAgo);
      expect(Number(h.pings)).toBeGreaterThan(BACKUP_DAYS * 288 - 300);
    }
    const flips = await rows(sql`select f.from_state, f.to_state from monitoring_flips f
        join monitoring_checks c on c.id = f.check_id where c.kind = 'HEARTBEAT' and f.from_state <> 'NEW'
       order by f.happened_at`);
    expect(flips.map((f) => `${f.from_state}>${f.to_state}`)).toEqual(["UP>LATE", "LATE>DOWN", "DOWN>UP"]);
  });

  it("lived one real outage: the sweeper opened a monitoring case, the recovery closed it with a note", async () => {
    const incidents = await rows(sql`select i.kind, i.started_at, i.resolved_at, s.status, s.source, s.opened_at
      from monitoring_incidents i join support_cases s on s.id = i.support_case_id`);
    expect(incidents).toHaveLength(1);
    const [o] = incidents;
    expect([o!.kind, o!.status, o!.source]).toEqual(["OUTAGE", "CLOSED", "MONITORING"]);
    expect(new Date(o!.opened_at as string).getTime()).toBe(new Date(o!.started_at as string).getTime());
    const hours = (new Date(o!.resolved_at as string).getTime() - new Date(o!.started_at as string).getTime()) / 3.6e6;
    expect(hours).toBeGreaterThan(2);
    expect(hours).toBeLessThan(4);
    // Its mails went out then: the first once it had lasted the wait, "åter i drift" at the recovery.
    const mails = await rows(sql`select occasion from monitoring_incident_mails order by 1`);
    expect(mails.map((m) => m.occasion)).toEqual(["STARTED", "RECOVERED"]);
    const [state] = await rows(sql`select count(*) filter (where state <> 'UP')::int as n from monitoring_checks`);
    expect(state!.n).toBe(0);
  });

  it("dates what people did by the moment it happened, not by the second the seed ran", async () => {
    const audit = await rows(sql`select action, occurred_at from audit_events where action like 'monitoringCheck.%'`);
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(["monitoringCheck.provision", "monitoringCheck.rotateKey"]),
    );
    const quarterAgo = Date.now() - (BACKUP_DAYS - 1) * 86_400_000;
    expect(audit.every((a) => new Date(a.occurred_at as string).getTime() < quarterAgo)).toBe(true);
  });
});
