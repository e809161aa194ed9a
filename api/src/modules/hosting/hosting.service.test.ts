import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { auditEvents, hostedServiceUpdates, hostingRestoreTests } from "../../db/schema/index.js";
import { codeOf, freshDatabase, okOf } from "../../test-support.js";
import { cancelAddOn, orderAddOn } from "../agreements/add-ons.js";
import { createCheck } from "../monitoring/check.service.js";
import { receivePing } from "../monitoring/ping-ingestion.js";
import { currentVersion, serviceStanding } from "./hosted-service-version.js";
import { hostingWorld } from "./hosting.fixture.js";
import * as s from "./hosting.service.js";

let database: Database;
let w: Awaited<ReturnType<typeof hostingWorld>>;
const now = new Date();
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

beforeAll(async () => {
  database = await freshDatabase();
  w = await hostingWorld(database);
});
afterAll(() => database.close());

async function written() {
  const [[u], [r], [a]] = await Promise.all([
    w.db.select({ n: count() }).from(hostedServiceUpdates),
    w.db.select({ n: count() }).from(hostingRestoreTests),
    w.db.select({ n: count() }).from(auditEvents),
  ]);
  return { updates: u!.n, restoreTests: r!.n, audit: a!.n };
}

const update = (patch: Partial<s.ServiceUpdateInput> = {}) =>
  s.recordHostedServiceUpdate(
    w.db,
    w.support,
    {
      customerId: w.customerId,
      service: "HANTERA",
      versionBefore: "5.10.0",
      versionAfter: "5.11.2",
      updatedAt: hoursAgo(240),
      ...patch,
    },
    w.clock,
    now,
  );

const restoreTest = (patch: Partial<s.RestoreTestInput> = {}) =>
  s.recordRestoreTest(
    w.db,
    w.support,
    { customerId: w.customerId, testedAt: hoursAgo(3), backupTakenAt: hoursAgo(26), result: "OK", ...patch },
    w.clock,
    now,
  );

describe("refusals write nothing", () => {
  it.each([
    ["a customer without hosting", { customerId: "" }, "HOSTING_REQUIRED"],
    ["a service the hosting does not include", { service: "FDB" as const }, "SERVICE_NOT_HOSTED"],
    ["the same version after as before", { versionBefore: "5.12", versionAfter: "5.12.0" }, "VERSION_UNCHANGED"],
    ["a version of another shape", { versionAfter: "latest" }, "INVALID_VERSION"],
    ["an update in the future", { updatedAt: new Date(now.getTime() + 60_000) }, "DATE_IN_FUTURE"],
    ["an organisation that is not a customer", { customerId: "partner" }, "NOT_FOUND"],
  ])("refuses an update for %s", async (_, patch, code) => {
    const input: Partial<s.ServiceUpdateInput> = { ...patch };
    if (input.customerId === "") input.customerId = w.otherId;
    if (input.customerId === "partner") input.customerId = w.petra.organisationId;
    const before = await written();
    expect(codeOf(await update(input))).toBe(code);
    expect(await written()).toEqual(before);
  });

  it.each([
    ["a customer without hosting", { customerId: "" }, "HOSTING_REQUIRED"],
    ["a test in the future", { testedAt: new Date(now.getTime() + 60_000) }, "DATE_IN_FUTURE"],
    ["a backup taken after the test", { backupTakenAt: hoursAgo(1) }, "INVALID_DATE_RANGE"],
  ])("refuses a restore test for %s", async (_, patch, code) => {
    const input: Partial<s.RestoreTestInput> = { ...patch };
    if (input.customerId === "") input.customerId = w.otherId;
    const before = await written();
    expect(codeOf(await restoreTest(input))).toBe(code);
    expect(await written()).toEqual(before);
  });

  it("lets only vendor staff record: the customer's admin is forbidden", async () => {
    await expect(
      s.recordRestoreTest(
        w.db,
        w.eva,
        { customerId: w.customerId, testedAt: hoursAgo(3), backupTakenAt: hoursAgo(26), result: "OK" },
        w.clock,
        now,
      ),
    ).rejects.toThrow(/not allowed/);
  });
});

describe("the current version of a hosted service", () => {
  it("is the version after the latest update by when it was done, not by when it was recorded", () => {
    const u = (versionAfter: string, updated: number, recorded: number) => ({
      versionAfter,
      updatedAt: hoursAgo(updated),
      createdAt: hoursAgo(recorded),
    });
    expect(currentVersion([])).toBeNull();
    expect(currentVersion([u("5.11.2", 240, 240), u("5.12.0", 48, 48), u("5.11.3", 120, 1)])).toBe("5.12.0");
    // Two updates at the same moment: the one recorded later corrects the first.
    expect(currentVersion([u("5.12.1", 48, 2), u("5.12.0", 48, 48)])).toBe("5.12.1");
  });

  it("is outdated only when a newer release exists, and unknown (not outdated) before any update", () => {
    expect(serviceStanding("5.11.2", { version: "5.12.0", releasedOn: "2026-10-01" })).toMatchObject({
      outdated: true,
      latestVersion: "5.12.0",
      latestReleasedOn: "2026-10-01",
    });
    expect(serviceStanding("5.12", { version: "5.12.0", releasedOn: "2026-10-01" }).outdated).toBe(false);
    expect(serviceStanding(null, { version: "5.12.0", releasedOn: "2026-10-01" }).outdated).toBe(false);
    expect(serviceStanding("1.0.0", null).outdated).toBe(false);
  });

  it("is derived from the recorded updates and measured against the latest release, with an audit entry", async () => {
    okOf(await update());
    const latest = okOf(await update({ versionBefore: "5.11.2", versionAfter: "5.12.0", updatedAt: hoursAgo(48) }));
    okOf(await update({ versionBefore: "5.11.2", versionAfter: "5.11.3", updatedAt: hoursAgo(120), note: "Sent" }));
    okOf(await update({ service: "BOKNING", versionBefore: "2.1.0", versionAfter: "2.2.0", updatedAt: hoursAgo(30) }));
    const record = (await s.hostingOf(w.db, w.eva, w.customerId, w.clock))!;
    const byService = Object.fromEntries(record.services.map((x) => [x.service, x]));
    expect(byService.HANTERA).toMatchObject({ runningVersion: "5.12.0", latestVersion: "5.12.0", outdated: false });
    expect(byService.HANTERA!.updatedAt).toEqual(latest.updatedAt);
    expect(byService.HANTERA!.updates).toHaveLength(3);
    expect(byService.BOKNING).toMatchObject({ runningVersion: "2.2.0", latestVersion: "2.3.0", outdated: true });
    const [audit] = await w.db.select().from(auditEvents).where(eq(auditEvents.objectId, latest.id));
    expect(audit).toMatchObject({ action: "hosting.recordHostedServiceUpdate", organisationId: w.customerId });
  });

  it("refuses a version before that is not the one running at the update's time, writing nothing", async () => {
    // Running now: 5.12.0 (put in 48 hours ago); 100 hours ago: 5.11.3 (the update recorded late for 120 hours ago).
    const before = await written();
    const refused = await update({ versionBefore: "5.11.2", versionAfter: "5.12.1", updatedAt: hoursAgo(1) });
    expect(refused).toMatchObject({
      errors: [{ code: "VERSION_BEFORE_NOT_RUNNING", field: ["input", "versionBefore"] }],
    });
    expect("errors" in refused && refused.errors[0]!.message).toMatch(/5\.12\.0/);
    expect(codeOf(await update({ versionBefore: "5.12.0", versionAfter: "5.12.1", updatedAt: hoursAgo(100) }))).toBe(
      "VERSION_BEFORE_NOT_RUNNING",
    );
    expect(await written()).toEqual(before);
    okOf(await update({ versionBefore: "5.11.3", versionAfter: "5.11.4", updatedAt: hoursAgo(100) }));
    okOf(await update({ versionBefore: "5.12", versionAfter: "5.12.1", updatedAt: hoursAgo(1) }));
  });

  it("puts an outdated service on support's list, and takes it off once updated to the latest release", async () => {
    const list = await s.outdatedHostedServices(w.db, w.support, w.clock);
    expect(list).toEqual([
      expect.objectContaining({
        customerId: w.customerId,
        customerName: "Älvstranden Bostäder AB",
        service: "BOKNING",
        runningVersion: "2.2.0",
        latestVersion: "2.3.0",
        latestReleasedOn: w.day(-20),
      }),
    ]);
    await expect(s.outdatedHostedServices(w.db, w.eva, w.clock)).rejects.toThrow(/not allowed/);
    okOf(await update({ service: "BOKNING", versionBefore: "2.2.0", versionAfter: "2.3.0", updatedAt: hoursAgo(2) }));
    expect(await s.outdatedHostedServices(w.db, w.support, w.clock)).toEqual([]);
  });
});

describe("backups, read from the backup checks' pings", () => {
  it("lists the finished runs newest first with duration, size and success; a start is no run", async () => {
    const made = async (propertyId: string) =>
      okOf(
        await createCheck(
          w.db,
          w.support,
          { propertyId, kind: "BACKUP_JOB", name: "Nattlig backup", cronExpression: "0 2 * * *", graceSeconds: 3600 },
          hoursAgo(100),
        ),
      ).pingKey;
    const key = await made(w.propertyId);
    const ping = (signal: "SUCCESS" | "START" | "FAIL", at: Date, sizeBytes: number | null = null, exitCode = null) =>
      receivePing(
        w.db,
        {
          key,
          signal,
          exitCode,
          runId: null,
          durationMs: sizeBytes ? 90_000 : null,
          sizeBytes,
          body: null,
          remoteAddress: null,
        },
        at,
      );
    await ping("START", hoursAgo(74));
    await ping("SUCCESS", hoursAgo(73.9), 2_000_000_000);
    await ping("SUCCESS", hoursAgo(49.9), 2_010_000_000);
    await ping("FAIL", hoursAgo(25.9));
    const record = (await s.hostingOf(w.db, w.eva, w.customerId, w.clock))!;
    expect(record.backups.map((b) => [b.sizeBytes, b.succeeded, b.durationMs])).toEqual([
      [null, false, null],
      [2_010_000_000, true, 90_000],
      [2_000_000_000, true, 90_000],
    ]);
    expect(record.backups[0]!.failure).toBe("FAILED");
    expect(record.backups[1]!.finishedAt).toEqual(hoursAgo(49.9));
  });
});

describe("tenancy", () => {
  it("shows the record to the customer and its partner, and answers another tenant as missing", async () => {
    okOf(await restoreTest({ note: "Återläst till testmiljö" }));
    expect((await s.hostingOf(w.db, w.eva, w.customerId, w.clock))?.restoreTests).toHaveLength(1);
    expect((await s.hostingOf(w.db, w.petra, w.customerId, w.clock))?.restoreTests).toHaveLength(1);
    expect(await s.hostingOf(w.db, w.otto, w.customerId, w.clock)).toBeNull();
    expect(await s.hostingOf(w.db, w.petra, w.otherId, w.clock)).toBeNull();
    expect(await s.hostingOf(w.db, w.support, w.otherId, w.clock)).toBeNull();
  });

  it("ends with the hosting add-on: no record, no outdated service, and recording is refused", async () => {
    okOf(await update({ service: "BOKNING", versionBefore: "2.3.0", versionAfter: "2.2.1", updatedAt: hoursAgo(1) }));
    expect(await s.outdatedHostedServices(w.db, w.support, w.clock)).toHaveLength(1);
    okOf(await cancelAddOn(w.db, w.admin, { addOnId: w.hostingAddOnId }, w.clock));
    expect(await s.hostingOf(w.db, w.eva, w.customerId, w.clock)).toBeNull();
    expect(await s.outdatedHostedServices(w.db, w.support, w.clock)).toEqual([]);
    expect(codeOf(await restoreTest())).toBe("HOSTING_REQUIRED");
    okOf(
      await orderAddOn(
        w.db,
        w.admin,
        { agreementId: w.hostedAgreementId, kind: "HOSTING", hostedServices: ["BOKNING"] },
        w.clock,
      ),
    );
    expect((await s.hostingOf(w.db, w.eva, w.customerId, w.clock))?.services.map((x) => x.service)).toEqual([
      "BOKNING",
    ]);
  });
});
