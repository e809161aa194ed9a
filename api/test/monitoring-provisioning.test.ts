import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileMonitoring, sweepDueChecks } from "../src/modules/monitoring/index.js";
import { todayInSweden } from "../src/shared/dates.js";
import { startMonitoringWorld, type MonitoringWorld, type TestApi } from "./support.js";

let w: MonitoringWorld;
let api: TestApi;
let sql: postgres.Sql;
let admin: string;

const reconcile = () => reconcileMonitoring(api.database.db, new Date(), todayInSweden());

async function checksOf(customer: string) {
  return sql`select m.template, m.state, m.pause_cause from monitoring_checks m join organisations o on o.id = m.customer_id where o.name = ${customer} order by m.template, m.property_id`;
}

beforeAll(async () => {
  w = await startMonitoringWorld([]);
  ({ api, sql } = w);
  admin = w.token.admin!;
});
afterAll(() => w?.close());

describe("checks follow the add-ons that pay for them", () => {
  it("gives each property covered by monitoring or hosting the default checks, once", async () => {
    expect((await reconcile()).provisioned).toBeGreaterThan(0);
    const vastkust = await checksOf("Västkustens Fastigheter AB");
    // Masthugget 4 and Majorna 12 are on the agreement; Kungsladugård 7 is not.
    expect(vastkust.map((c) => c.template)).toEqual(
      ["APTUSPORTAL_SITE", "HANTERA_DATABASE", "MULTI_ACCESS_SERVER", "NIGHTLY_BACKUP"].flatMap((t) => [t, t]),
    );
    expect(vastkust.every((c) => c.state === "NEW")).toBe(true);
    expect(await checksOf("Brf Kastanjen")).toEqual([]);
    expect(await reconcile()).toEqual({ provisioned: 0, paused: 0, resumed: 0 });
  });

  it("pauses them when the add-ons end, with no incident, and resumes them when monitoring is ordered again", async () => {
    const r = await api.gql(
      `{ agreements(first: 50) { edges { node { id customer { name } addOns { id kind endedOn } } } } }`,
      {},
      admin,
    );
    const vastkust = r.data.agreements.edges
      .map((e: any) => e.node)
      .find((a: any) => a.customer.name === "Västkustens Fastigheter AB" && a.addOns.length > 0);
    for (const addOn of vastkust.addOns.filter((a: any) => !a.endedOn)) {
      const c = await api.gql(
        `mutation($i: CancelAddOnInput!) { cancelAddOn(input: $i) { userErrors { code } } }`,
        { i: { addOnId: addOn.id } },
        admin,
      );
      expect(c.data.cancelAddOn.userErrors).toEqual([]);
    }
    expect((await reconcile()).paused).toBe(8);
    expect((await checksOf("Västkustens Fastigheter AB")).map((c) => [c.state, c.pause_cause])).toEqual(
      Array(8).fill(["PAUSED", "NOT_COVERED"]),
    );
    // A paused check is never due and never opens an incident, however long it stays silent.
    await sweepDueChecks(api.database.db, new Date(Date.now() + 30 * 86_400_000));
    expect((await sql`select count(*)::int as n from monitoring_incidents`)[0]!.n).toBe(0);
    const o = await api.gql(
      `mutation($i: OrderAddOnInput!) { orderAddOn(input: $i) { userErrors { code } } }`,
      { i: { agreementId: vastkust.id, kind: "MONITORING" } },
      admin,
    );
    expect(o.data.orderAddOn.userErrors).toEqual([]);
    expect((await reconcile()).resumed).toBe(8);
    expect((await checksOf("Västkustens Fastigheter AB")).every((c) => c.state === "NEW" && !c.pause_cause)).toBe(true);
  });
});

describe("a whole fleet at once", () => {
  // Monitoring ordered on an agreement covering 2,000 installations: 8,000 checks, more values than
  // one statement may carry (65,534 parameters). The pass that failed on them failed every minute.
  it("provisions 2,000 newly covered properties in one pass, and the sweeper's pass after it still runs", async () => {
    const [agreement] = await sql`
      select a.id, a.customer_id from agreements a join add_ons o on o.agreement_id = a.id and o.ended_on is null
       where o.kind = 'MONITORING' limit 1`;
    const fleet = await sql`
      insert into properties (customer_id, name, street_address, postal_code, city, apartments)
      select ${agreement!.customer_id}, 'Flotta ' || n, 'Flottgatan ' || n, '41101', 'Göteborg', 10
        from generate_series(1, 2000) n returning id`;
    await sql`insert into agreement_properties (agreement_id, property_id)
      select ${agreement!.id}, unnest(${sql.array(fleet.map((p) => p.id))}::uuid[])`;
    expect((await reconcile()).provisioned).toBe(8_000);
    const [made] =
      await sql`select count(*)::int as n from monitoring_checks where property_id in ${sql(fleet.map((p) => p.id))}`;
    expect(made!.n).toBe(8_000);
    expect(await reconcile()).toEqual({ provisioned: 0, paused: 0, resumed: 0 });
  }, 120_000);
});
