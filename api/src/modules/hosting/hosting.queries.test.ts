import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { monitoringChecks, monitoringPings, organisations } from "../../db/schema/index.js";
import { clockAt } from "../../shared/clock.js";
import { todayInSweden } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { countingDatabase, okOf, viewerAs } from "../../test-support.js";
import { systemViewerOf } from "../access/access.service.js";
import { orderAddOn } from "../agreements/add-ons.js";
import { reconcileMonitoring } from "../monitoring/index.js";
import * as parties from "../parties/party.service.js";
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

describe("whose backup a run is", () => {
  it("names the installation to whoever may see it, and to a partner who sees the customer but not it, nothing", async () => {
    const db = database.db;
    await reconcileMonitoring(db, new Date(), todayInSweden());
    const [customer] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Västkustens Fastigheter AB"));
    const own = await db.select().from(monitoringChecks).where(eq(monitoringChecks.customerId, customer!.id));
    const backup = own.find((c) => c.kind === "BACKUP_JOB")!;
    await db.insert(monitoringPings).values({
      checkId: backup.id,
      receivedAt: new Date(),
      signal: "SUCCESS",
      sizeBytes: 1_000_000,
      durationMs: 60_000,
    });
    // A partner that installed one other property of the customer: it sees the customer, not the backed-up property.
    const partner = okOf(
      await parties.createOrganisation(db, admin, {
        kind: "PARTNER",
        name: "Annan Installatör AB",
        organisationNumber: "556000-0019",
      }),
    );
    okOf(
      await parties.createProperty(db, admin, {
        customerId: customer!.id,
        installerId: partner.id,
        name: "Kv. Annan 1",
        streetAddress: "Gatan 1",
        postalCode: "41101",
        city: "Göteborg",
        apartments: 10,
      }),
    );
    const user = okOf(
      await parties.createUser(db, admin, {
        organisationId: partner.id,
        name: "Ada Annan",
        email: "ada@annan.example",
        role: "PARTNER_ADMIN",
        password: "long-enough-password",
      }),
    );
    const ada = viewerAs(admin, {
      userId: user.id,
      role: "PARTNER_ADMIN",
      name: "Ada Annan",
      organisationId: partner.id,
      organisationKind: "PARTNER",
    });
    type Named = {
      organisations: {
        edges: {
          node: { name: string; hosting: { backups: { checkId: string; property: { name: string } | null }[] } | null };
        }[];
      };
    };
    const NAMED = `{ organisations(first: 50, filter: { kind: CUSTOMER }) { edges { node { name hosting { backups { checkId property { name } } } } } } }`;
    const backupsAs = async (viewer: Viewer) =>
      (await run<Named>(NAMED, viewer)).data.organisations.edges.find((e) => e.node.name === customer!.name)!.node
        .hosting!.backups;
    const seenByKarin = await backupsAs(as.karin!);
    expect(seenByKarin.length).toBeGreaterThan(0);
    expect(seenByKarin.every((b) => b.property?.name)).toBe(true);
    const seenByAda = await backupsAs(ada);
    expect(seenByAda.length).toBe(seenByKarin.length);
    expect(seenByAda.map((b) => b.property)).toEqual(seenByAda.map(() => null));
  });
});
