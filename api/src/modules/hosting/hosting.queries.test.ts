import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { clockAt } from "../../shared/clock.js";
import { todayInSweden } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { countingDatabase } from "../../test-support.js";
import { systemViewerOf } from "../access/access.service.js";
import { orderAddOn } from "../agreements/add-ons.js";
import * as agreements from "../agreements/agreement.service.js";

let database: Database;
let admin: Viewer;
let run: Awaited<ReturnType<typeof countingDatabase>>["run"];
const as: Record<string, Viewer> = {};

beforeAll(async () => {
  ({ database, admin, run } = await countingDatabase());
  for (const [k, email] of Object.entries({
    karin: "karin@vastkustfast.demo",
    eva: "eva@alvstranden.demo",
    tomas: "tomas.tekniker@aptus.demo",
  }))
    as[k] = (await systemViewerOf(database.db, email))!;
});
afterAll(() => database.close());

type Org = { id: string; name: string; hosting: null | { viewerCanRecord: boolean; services: Service[] } };
type Service = { service: string; runningVersion: string | null; latestVersion: string | null; outdated: boolean };
const HOSTING = `{ organisations(first: 50, filter: { kind: CUSTOMER }) { edges { node { id name hosting {
  viewerCanRecord services { service runningVersion latestVersion outdated updates { versionAfter recordedBy { name } } }
  restoreTests { result recordedBy { name } } backups { finishedAt sizeBytes succeeded property { name } } } } } } }`;
const orgs = async (viewer: Viewer) =>
  (await run<{ organisations: { edges: { node: Org }[] } }>(HOSTING, viewer)).data.organisations.edges.map(
    (e) => e.node,
  );

describe("the demo's hosting over GraphQL", () => {
  it("shows a hosted customer its services against the latest releases, with Bokning one release behind", async () => {
    const own = (await orgs(as.karin!)).find((o) => o.name === "Västkustens Fastigheter AB")!;
    expect(own.hosting?.viewerCanRecord).toBe(false);
    expect(own.hosting?.services).toEqual([
      expect.objectContaining({ service: "BOKNING", runningVersion: "2.2.0", latestVersion: "2.3.0", outdated: true }),
      expect.objectContaining({ service: "APTUSPORTAL", runningVersion: "2.8.0", outdated: false }),
      expect.objectContaining({ service: "HANTERA", runningVersion: "3.4.1", outdated: false }),
    ]);
  });

  it("answers null for every other customer's hosting, and lists the outdated service for support", async () => {
    const seen = await orgs(as.eva!);
    expect(seen.filter((o) => o.hosting).map((o) => o.name)).toEqual(["Älvstrandens Hyresbostäder AB"]);
    const { data } = await run<{ outdatedHostedServices: { customer: { name: string }; service: string }[] }>(
      `{ outdatedHostedServices { customer { name } service runningVersion latestVersion latestReleasedOn } }`,
      as.tomas!,
    );
    expect(data.outdatedHostedServices.map((o) => [o.customer.name, o.service])).toEqual([
      ["Västkustens Fastigheter AB", "BOKNING"],
    ]);
  });
});

describe("a page of customers with their hosting", () => {
  it("costs the same number of SQL statements however many of them are hosted", async () => {
    const before = await run<{ organisations: { edges: { node: Org }[] } }>(HOSTING);
    const hosted = (r: typeof before) => r.data.organisations.edges.filter((e) => e.node.hosting).length;
    const clock = clockAt(todayInSweden());
    const active = await agreements.listAgreements(database.db, admin, { status: ["ACTIVE"] }, { first: 100 }, clock);
    let ordered = 0;
    for (const { node } of active.edges) {
      const r = await orderAddOn(
        database.db,
        admin,
        { agreementId: node.id, kind: "HOSTING", hostedServices: ["FDB"] },
        clock,
      );
      if ("ok" in r) ordered++;
      if (ordered === 2) break;
    }
    const after = await run<{ organisations: { edges: { node: Org }[] } }>(HOSTING);
    expect(hosted(after)).toBeGreaterThan(hosted(before));
    expect(after.count).toBe(before.count);
  });
});
