import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.js";
import { freshDatabase } from "../test-support.js";
import { addDaysIso, todayInSweden } from "../shared/dates.js";
import { DEMO_LOGINS, formatLogins, seedDemo } from "./demo.js";

type Row = Record<string, unknown>;
let database: Database;
let seededAt: Date;
const rows = async (q: ReturnType<typeof sql>): Promise<Row[]> => {
  const r = (await database.db.execute(q)) as unknown;
  return Array.isArray(r) ? (r as Row[]) : ((r as { rows: Row[] }).rows ?? []);
};
const time = (v: unknown) => new Date(v as string | Date).getTime();
const day = (v: unknown) => todayInSweden(new Date(v as string | Date));

beforeAll(async () => {
  database = await freshDatabase();
  await seedDemo(database.db);
  seededAt = new Date();
}, 120_000);
afterAll(() => database.close());

describe("the demo looks like three lived years", () => {
  it("has no time in the future but planned ones (a booked visit), and history reaching back about three years", async () => {
    const planned = new Set([
      "service_visits.scheduled_at",
      "service_visit_bookings.scheduled_at",
      "email_outbox.next_attempt_at",
      "support_cases.response_due_at",
      // When a running case counts as near its deadline (decision 0105): ahead of now until it is.
      "support_cases.response_near_at",
      "support_cases.resolution_due_at",
    ]);
    const columns = await rows(
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type = 'timestamp with time zone'`,
    );
    for (const c of columns) {
      const name = `${c.table_name}.${c.column_name}`;
      if (planned.has(name)) continue;
      const [max] = await rows(
        sql`select max(${sql.identifier(String(c.column_name))}) as at from ${sql.identifier(String(c.table_name))}`,
      );
      if (max?.at) expect(time(max.at), name).toBeLessThanOrEqual(seededAt.getTime());
    }
    const [span] = await rows(sql`select min(occurred_at) as first from audit_events`);
    expect(day(span!.first) <= addDaysIso(todayInSweden(), -3 * 365)).toBe(true);
  });

  it("creates organisations and their users before their agreements, and draws up and activates each agreement before it starts", async () => {
    const agreements = await rows(sql`select a.number, a.created_at, a.activated_at, o.created_at as customer_since,
        (select min(starts_on) from agreement_periods p where p.agreement_id = a.id) as starts_on,
        (select max(u.created_at) from users u where u.organisation_id = a.customer_id) as last_user
      from agreements a join organisations o on o.id = a.customer_id`);
    expect(agreements.length).toBeGreaterThan(5);
    for (const a of agreements) {
      expect(time(a.customer_since), `${a.number} customer`).toBeLessThan(time(a.created_at));
      expect(time(a.last_user), `${a.number} users`).toBeLessThan(time(a.created_at));
      if (a.activated_at) {
        expect(time(a.created_at), `${a.number} activated after created`).toBeLessThan(time(a.activated_at));
        expect(day(a.activated_at) < String(a.starts_on), `${a.number} activated before it starts`).toBe(true);
      }
      expect(String(a.number).slice(3, 7), `${a.number} numbered in the year it was drawn up`).toBe(
        day(a.created_at).slice(0, 4),
      );
    }
    const distinctDays = new Set(agreements.map((a) => day(a.created_at)));
    expect(distinctDays.size).toBe(agreements.length);
  });

  it("tells each object's history in order: created first, nothing before its creation", async () => {
    const history = await rows(sql`select object_id, action, occurred_at from audit_events order by occurred_at, id`);
    const firstOf = new Map<string, Row>();
    for (const e of history) if (!firstOf.has(String(e.object_id))) firstOf.set(String(e.object_id), e);
    for (const e of history) {
      if (String(e.action).endsWith(".create"))
        expect(firstOf.get(String(e.object_id))!.action, `${e.action} ${e.object_id}`).toBe(e.action);
    }
    const [late] = await rows(sql`select count(*)::int as n from audit_events e join agreements a on a.id = e.object_id
      where e.action = 'agreement.activate' and e.occurred_at <= a.created_at`);
    expect(late!.n).toBe(0);
  });

  it("keeps tailoring steps and their history within the agreement's life", async () => {
    const events = await rows(sql`select e.occurred_at, a.activated_at, a.number,
        (select max(ends_on) from agreement_periods p where p.agreement_id = a.id) as ends_on
      from tailoring_events e join tailorings t on t.id = e.tailoring_id join agreements a on a.id = t.agreement_id`);
    expect(events.length).toBeGreaterThan(5);
    for (const e of events) {
      expect(time(e.occurred_at), `${e.number} tailoring after activation`).toBeGreaterThan(time(e.activated_at));
      expect(day(e.occurred_at) <= String(e.ends_on)).toBe(true);
    }
    const days = new Set(events.map((e) => day(e.occurred_at)));
    expect(days.size).toBeGreaterThan(5);
  });

  it("moves only what it wrote: the support calendar, which the seed never changes, keeps its first revision", async () => {
    const [calendar] = await rows(sql`select revision from support_calendar_revision`);
    expect(calendar!.revision).toBe(1);
  });

  it("publishes product releases over three years, each on its release day", async () => {
    const releases = await rows(sql`select released_on, created_at from product_releases order by released_on`);
    expect(String(releases[0]!.released_on) <= addDaysIso(todayInSweden(), -900)).toBe(true);
    for (const r of releases) expect(day(r.created_at)).toBe(String(r.released_on));
  });
});

describe("the demo's logins", () => {
  it("are exactly the users the seed creates, and all of them are printed", async () => {
    const users = await rows(sql`select email from users order by email`);
    expect(users.map((u) => u.email)).toEqual(DEMO_LOGINS.map((l) => l.email).sort());
    const printed = formatLogins(DEMO_LOGINS);
    for (const u of users) expect(printed).toContain(String(u.email));
  });
});

describe("the README's demo-login table", () => {
  it("lists every demo login with its role, and no other", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    const listed = [...readme.matchAll(/^\| `([^`]+@[^`]+)` \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(listed).toEqual(DEMO_LOGINS.map((l) => `${l.email} ${l.role}`));
  });
});
