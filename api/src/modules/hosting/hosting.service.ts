import { and, asc, desc, eq, getTableColumns, inArray, lte, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { hostedServiceUpdates, hostingRestoreTests, organisations } from "../../db/schema/index.js";
import { isAnyUuid } from "../../shared/any-uuid.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { organisationScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { backupRunsOfCustomers, type BackupRun } from "../monitoring/index.js";
import { findOrganisation } from "../parties/index.js";
import { latestReleases, type Product } from "../releases/index.js";
import {
  currentVersion,
  sameVersion,
  serviceStanding,
  VERSION_SHAPE,
  type ServiceStanding,
} from "./hosted-service-version.js";
import { hostingCover, hostingCovers, type HostedService } from "./hosting-cover.js";
import { HostingErrors as E } from "./hosting.errors.js";
import { HOSTING_OPERATORS, OUTDATED_VIEWERS } from "./hosting.roles.js";

export type RestoreTestRow = typeof hostingRestoreTests.$inferSelect;
export type ServiceUpdateRow = typeof hostedServiceUpdates.$inferSelect;

/** Each hosted service is released as the product of the same name (the releases module's list). */
const PRODUCT_OF: Record<HostedService, Product> = {
  BOKNING: "BOKNING",
  FORBRUKNING: "FORBRUKNING",
  FDB: "FDB",
  APTUSPORTAL: "APTUSPORTAL",
  HANTERA: "HANTERA",
};

/** How many backups of each check the hosting record shows: a fortnight of nightly runs, enough to see a trend. */
const BACKUPS_SHOWN = 14;
const RESTORE_TESTS_SHOWN = 20;

export interface HostedServiceRecord extends ServiceStanding {
  service: HostedService;
  /** When the running version was put in; null before any update. */
  updatedAt: Date | null;
  updates: ServiceUpdateRow[];
}

export interface HostingRecord {
  customerId: string;
  backups: BackupRun[];
  restoreTests: RestoreTestRow[];
  services: HostedServiceRecord[];
}

/** The newest `limit` rows of each customer, by a window over the customers asked for: one statement for a page. */
function restoreTestsOf(db: DbOrTx, customerIds: string[], limit: number) {
  const ranked = db
    .select({
      ...getTableColumns(hostingRestoreTests),
      rank: sql<number>`row_number() over (partition by ${hostingRestoreTests.customerId}
        order by ${hostingRestoreTests.testedAt} desc, ${hostingRestoreTests.createdAt} desc)`.as("rank"),
    })
    .from(hostingRestoreTests)
    .where(inArray(hostingRestoreTests.customerId, customerIds))
    .as("ranked");
  return db.select().from(ranked).where(lte(ranked.rank, limit)).orderBy(desc(ranked.testedAt), desc(ranked.createdAt));
}

/**
 * The hosting records of a page of customers, read in a fixed number of statements however many
 * there are (hosting.loaders.ts). A customer not hosted today, or outside the viewer's tenant, has
 * none (then it answers exactly like a customer that does not exist).
 */
export async function hostingOfCustomers(
  db: DbOrTx,
  viewer: Viewer,
  customerIds: readonly string[],
  clock: Clock,
): Promise<HostingRecord[]> {
  const visible = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(organisationScope(viewer), eq(organisations.kind, "CUSTOMER"), isAnyUuid(organisations.id, [...customerIds])),
    );
  const covers = await hostingCovers(
    db,
    clock,
    visible.map((c) => c.id),
  );
  const hosted = [...covers.keys()];
  if (hosted.length === 0) return [];
  const [backups, restoreTests, updates, latest] = await Promise.all([
    backupRunsOfCustomers(db, hosted, BACKUPS_SHOWN),
    restoreTestsOf(db, hosted, RESTORE_TESTS_SHOWN),
    db
      .select()
      .from(hostedServiceUpdates)
      .where(inArray(hostedServiceUpdates.customerId, hosted))
      .orderBy(desc(hostedServiceUpdates.updatedAt), desc(hostedServiceUpdates.createdAt)),
    latestReleases(db),
  ]);
  return [...covers].map(([customerId, cover]) => {
    const services = [...cover.services.keys()].map((service): HostedServiceRecord => {
      const own = updates.filter((u) => u.customerId === customerId && u.service === service);
      const running = currentVersion(own);
      return {
        service,
        ...serviceStanding(running, latest.get(PRODUCT_OF[service])),
        updatedAt: own[0]?.updatedAt ?? null,
        updates: own,
      };
    });
    return {
      customerId,
      backups: backups.filter((b) => b.customerId === customerId),
      restoreTests: restoreTests.filter((t) => t.customerId === customerId).map(({ rank: _rank, ...t }) => t),
      services,
    };
  });
}

/** One customer's hosting record, or null: the same rule as a page's. */
export async function hostingOf(db: DbOrTx, viewer: Viewer, customerId: string, clock: Clock) {
  return (await hostingOfCustomers(db, viewer, [customerId], clock))[0] ?? null;
}

/** The checks every hosting record must pass before it is written: a customer hosted today, in the tenant. */
async function hostedCustomer(tx: DbOrTx, viewer: Viewer, customerId: string, clock: Clock) {
  const customer = await findOrganisation(tx, viewer, customerId);
  if (!customer || customer.kind !== "CUSTOMER")
    return userError(E.NOT_FOUND, "No such customer.", ["input", "customerId"]);
  const cover = await hostingCover(tx, clock, customer.id);
  if (!cover)
    return userError(E.HOSTING_REQUIRED, `${customer.name} has no Aptus Hosting on a valid support agreement.`, [
      "input",
      "customerId",
    ]);
  return ok({ customer, cover });
}

function inFuture(at: Date, now: Date, field: string) {
  return at.getTime() > now.getTime()
    ? userError(E.DATE_IN_FUTURE, "A record of something that has not happened yet.", ["input", field])
    : null;
}

export interface RestoreTestInput {
  customerId: string;
  testedAt: Date;
  backupTakenAt: Date;
  result: RestoreTestRow["result"];
  note?: string | null;
}

/** Records a restore of a backup tried by vendor staff ("tydliga backup-rutiner"). */
export async function recordRestoreTest(
  db: Db,
  viewer: Viewer,
  input: RestoreTestInput,
  clock: Clock,
  now: Date,
): Promise<Result<RestoreTestRow>> {
  requireRole(viewer, HOSTING_OPERATORS);
  return mutate(db, async (tx): Promise<Result<RestoreTestRow>> => {
    const hosted = await hostedCustomer(tx, viewer, input.customerId, clock);
    if ("errors" in hosted) return hosted;
    const future = inFuture(input.testedAt, now, "testedAt");
    if (future) return future;
    if (input.backupTakenAt.getTime() > input.testedAt.getTime())
      return userError(E.INVALID_DATE_RANGE, "The restored backup must be taken before the test.", [
        "input",
        "backupTakenAt",
      ]);
    const { customer, cover } = hosted.ok;
    const [row] = await tx
      .insert(hostingRestoreTests)
      .values({
        customerId: customer.id,
        agreementId: cover.services.values().next().value!,
        testedAt: input.testedAt,
        backupTakenAt: input.backupTakenAt,
        result: input.result,
        note: input.note?.trim() || null,
        recordedBy: viewer.userId,
      })
      .returning();
    await recordAudit(tx, viewer, {
      action: "hosting.recordRestoreTest",
      objectType: "HostingRestoreTest",
      objectId: row!.id,
      organisationId: customer.id,
      details: { result: input.result, backupTakenAt: input.backupTakenAt.toISOString() },
    });
    return ok(row!);
  });
}

export interface ServiceUpdateInput {
  customerId: string;
  service: HostedService;
  versionBefore: string;
  versionAfter: string;
  updatedAt: Date;
  note?: string | null;
}

/** Records an update of one hosted service; the service's current version is derived from these. */
export async function recordHostedServiceUpdate(
  db: Db,
  viewer: Viewer,
  input: ServiceUpdateInput,
  clock: Clock,
  now: Date,
): Promise<Result<ServiceUpdateRow>> {
  requireRole(viewer, HOSTING_OPERATORS);
  return mutate(db, async (tx): Promise<Result<ServiceUpdateRow>> => {
    const hosted = await hostedCustomer(tx, viewer, input.customerId, clock);
    if ("errors" in hosted) return hosted;
    const { customer, cover } = hosted.ok;
    const agreementId = cover.services.get(input.service);
    if (!agreementId)
      return userError(E.SERVICE_NOT_HOSTED, `${customer.name}'s hosting does not include ${input.service}.`, [
        "input",
        "service",
      ]);
    const before = input.versionBefore.trim();
    const after = input.versionAfter.trim();
    for (const [field, v] of [
      ["versionBefore", before],
      ["versionAfter", after],
    ] as const)
      if (!VERSION_SHAPE.test(v))
        return userError(E.INVALID_VERSION, `"${v}" is not a version like 5.12.3.`, ["input", field]);
    if (sameVersion(before, after))
      return userError(E.VERSION_UNCHANGED, "The version after an update must differ from the version before.", [
        "input",
        "versionAfter",
      ]);
    const future = inFuture(input.updatedAt, now, "updatedAt");
    if (future) return future;
    const running = await runningVersionAt(tx, customer.id, input.service, input.updatedAt);
    if (running && !sameVersion(before, running))
      return userError(
        E.VERSION_BEFORE_NOT_RUNNING,
        `Trygg has ${running} as ${input.service}'s running version then; the version before must be it.`,
        ["input", "versionBefore"],
      );
    const [row] = await tx
      .insert(hostedServiceUpdates)
      .values({
        customerId: customer.id,
        agreementId,
        service: input.service,
        versionBefore: before,
        versionAfter: after,
        updatedAt: input.updatedAt,
        note: input.note?.trim() || null,
        recordedBy: viewer.userId,
      })
      .returning();
    await recordAudit(tx, viewer, {
      action: "hosting.recordHostedServiceUpdate",
      objectType: "HostedServiceUpdate",
      objectId: row!.id,
      organisationId: customer.id,
      details: { service: input.service, versionBefore: before, versionAfter: after },
    });
    return ok(row!);
  });
}

/**
 * The version Trygg has as running at a moment: the version after the last update done by then (one
 * recorded late for an earlier day is measured against what ran that day). Null before any update.
 */
async function runningVersionAt(tx: DbOrTx, customerId: string, service: HostedService, at: Date) {
  const earlier = await tx
    .select()
    .from(hostedServiceUpdates)
    .where(
      and(
        eq(hostedServiceUpdates.customerId, customerId),
        eq(hostedServiceUpdates.service, service),
        lte(hostedServiceUpdates.updatedAt, at),
      ),
    );
  return currentVersion(earlier);
}

export interface OutdatedHostedService extends ServiceStanding {
  customerId: string;
  customerName: string;
  service: HostedService;
  updatedAt: Date;
}

/** Support's list: every hosted service, across customers hosted today, running behind its latest release. */
export async function outdatedHostedServices(db: DbOrTx, viewer: Viewer, clock: Clock) {
  requireRole(viewer, OUTDATED_VIEWERS);
  const covers = await hostingCovers(db, clock);
  if (covers.size === 0) return [];
  const [latestUpdates, latest] = await Promise.all([
    db
      .selectDistinctOn([hostedServiceUpdates.customerId, hostedServiceUpdates.service], {
        customerId: hostedServiceUpdates.customerId,
        customerName: organisations.name,
        service: hostedServiceUpdates.service,
        versionAfter: hostedServiceUpdates.versionAfter,
        updatedAt: hostedServiceUpdates.updatedAt,
      })
      .from(hostedServiceUpdates)
      .innerJoin(organisations, eq(organisations.id, hostedServiceUpdates.customerId))
      .where(inArray(hostedServiceUpdates.customerId, [...covers.keys()]))
      .orderBy(
        asc(hostedServiceUpdates.customerId),
        asc(hostedServiceUpdates.service),
        desc(hostedServiceUpdates.updatedAt),
        desc(hostedServiceUpdates.createdAt),
      ),
    latestReleases(db),
  ]);
  return latestUpdates
    .filter((u) => covers.get(u.customerId)?.services.has(u.service))
    .map((u): OutdatedHostedService => ({
      customerId: u.customerId,
      customerName: u.customerName,
      service: u.service,
      updatedAt: u.updatedAt,
      ...serviceStanding(u.versionAfter, latest.get(PRODUCT_OF[u.service])),
    }))
    .filter((s) => s.outdated)
    .sort((a, b) => a.customerName.localeCompare(b.customerName, "sv") || a.service.localeCompare(b.service));
}
