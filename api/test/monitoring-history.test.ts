import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, todayInSweden } from "../src/shared/dates.js";
import { swedishMidnight } from "../src/modules/monitoring/check-uptime.js";
import { startMonitoringWorld, uuidOf as uuid, type MonitoringWorld, type TestApi } from "./support.js";

/** A check's history read back as uptime per month and the daily strip, scoped like the check. */
let w: MonitoringWorld;
let api: TestApi;
let sql: postgres.Sql;
let token: Record<string, string>;
let propertyId: string;
const checkIds: string[] = [];

const HOUR = 3_600_000;

beforeAll(async () => {
  w = await startMonitoringWorld(["karin", "petra", "eva"]);
  ({ api, sql, token } = w);
  propertyId = w.property["Kv. Majorna 12"]!;
  for (const name of ["Access server", "Door controller"]) {
    const made = await api.gql(
      `mutation($i: CreateMonitoringCheckInput!) { createMonitoringCheck(input: $i) { monitoringCheck { id } } }`,
      { i: { propertyId, kind: "HEARTBEAT", name, periodSeconds: 600, graceSeconds: 300 } },
      token.karin,
    );
    checkIds.push(made.data.createMonitoringCheck.monitoringCheck.id);
  }
  // The first check came up ten days ago and was down from noon to 14:00 Swedish time three days ago.
  const today = todayInSweden();
  const noon = +swedishMidnight(addDaysIso(today, -3)) + 12 * HOUR;
  const flips: [string, string, Date][] = [
    ["NEW", "UP", new Date(+swedishMidnight(addDaysIso(today, -10)) + 6 * HOUR)],
    ["UP", "DOWN", new Date(noon)],
    ["DOWN", "UP", new Date(noon + 2 * HOUR)],
  ];
  for (const [from, to, at] of flips)
    await sql`insert into monitoring_flips (check_id, from_state, to_state, happened_at)
      values (${uuid(checkIds[0]!)}, ${from}, ${to}, ${at})`;
});
afterAll(() => w?.close());

const HISTORY = `query($id: ID!, $days: Int, $months: Int) { node(id: $id) { ... on Property { monitoringChecks {
  name dailyStatus(days: $days) { date status downSeconds } uptime(months: $months) { month upSeconds downSeconds uptime }
} } } }`;

describe("a check's history over GraphQL", () => {
  it("gives the daily strip and uptime per month for every check of a property", async () => {
    const r = await api.gql(HISTORY, { id: propertyId, days: 14, months: 2 }, token.karin);
    expect(r.errors).toBeUndefined();
    const [first, second] = r.data.node.monitoringChecks;
    const today = todayInSweden();
    expect(first.dailyStatus).toHaveLength(14);
    expect(first.dailyStatus.at(-1).date).toBe(today);
    const byDate = Object.fromEntries(first.dailyStatus.map((d: any) => [d.date, d]));
    expect(byDate[addDaysIso(today, -11)]).toMatchObject({ status: "NO_DATA", downSeconds: 0 });
    expect(byDate[addDaysIso(today, -10)]).toMatchObject({ status: "UP" });
    expect(byDate[addDaysIso(today, -3)]).toMatchObject({ status: "DOWN", downSeconds: 7200 });
    expect(byDate[addDaysIso(today, -2)]).toMatchObject({ status: "UP" });
    const down = first.uptime.reduce((s: number, m: any) => s + m.downSeconds, 0);
    expect(down).toBe(7200);
    expect(first.uptime.map((m: any) => m.month).at(-1)).toBe(today.slice(0, 7));
    // The second check never signalled: no data, and no uptime rather than 100 %.
    expect(second.dailyStatus.every((d: any) => d.status === "NO_DATA")).toBe(true);
    expect(second.uptime.map((m: any) => m.uptime)).toEqual([null, null]);
  });

  it("starts a short window in the state the check had before it", async () => {
    const r = await api.gql(HISTORY, { id: propertyId, days: 2 }, token.karin);
    expect(r.data.node.monitoringChecks[0].dailyStatus.map((d: any) => d.status)).toEqual(["UP", "UP"]);
  });

  it("shows the installing partner the same history, and another customer nothing", async () => {
    const petra = await api.gql(HISTORY, { id: propertyId, days: 14, months: 2 }, token.petra);
    const karin = await api.gql(HISTORY, { id: propertyId, days: 14, months: 2 }, token.karin);
    // The current month counts up to each request's own instant: two requests may be a second apart.
    type Month = { upSeconds: number; uptime: number };
    const settled = (checks: { uptime: Month[] }[]) =>
      checks.map((c) => ({ ...c, uptime: c.uptime.map((m) => ({ ...m, upSeconds: 0, uptime: 0 })) }));
    expect(settled(petra.data.node.monitoringChecks)).toEqual(settled(karin.data.node.monitoringChecks));
    const up = (checks: { uptime: Month[] }[]) => checks.flatMap((c) => c.uptime.map((m) => m.upSeconds));
    up(petra.data.node.monitoringChecks).forEach((s, i) =>
      expect(Math.abs(s - up(karin.data.node.monitoringChecks)[i]!)).toBeLessThanOrEqual(2),
    );
    const eva = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on MonitoringCheck { dailyStatus { status } } } }`,
      { id: checkIds[0] },
      token.eva,
    );
    expect(eva.data.node).toBeNull();
  });

  it("refuses a window out of bounds with a clear error", async () => {
    for (const vars of [{ days: 0 }, { days: 367 }, { months: 13 }, { months: 0 }]) {
      const r = await api.gql(HISTORY, { id: propertyId, ...vars }, token.karin);
      expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(r.errors?.[0]?.message).toMatch(/must be 1 to (366|12)/);
    }
  });
});
