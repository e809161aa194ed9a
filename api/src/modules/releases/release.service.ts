import { asc, desc, eq, inArray } from "drizzle-orm";
import semver from "semver";
import type { Db, DbOrTx } from "../../db/client.js";
import { installedVersions, product, productReleases } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { paginate, type PageRequest } from "../../shared/connection.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate, isUniqueViolation } from "../../shared/transaction.js";
import { type Viewer, requireRole } from "../../shared/viewer.js";
import { findProperty } from "../parties/index.js";
import { ReleaseErrors as E } from "./release.errors.js";
import { INSTALLERS, PUBLISHERS } from "./release.roles.js";

export type Product = (typeof productReleases.$inferSelect)["product"];
export type ProductReleaseRow = typeof productReleases.$inferSelect;

/** Versions are compared as semantic versions; "5.12" reads as 5.12.0. */
function parse(version: string): semver.SemVer | null {
  return semver.valid(version.trim()) ? new semver.SemVer(version.trim()) : semver.coerce(version.trim());
}

export function isBehind(installed: string, latest: string): boolean {
  const a = parse(installed);
  const b = parse(latest);
  return !!a && !!b && semver.lt(a, b);
}

export async function publishProductRelease(
  db: Db,
  viewer: Viewer,
  input: { product: Product; version: string; releasedOn: string; notes?: string | null },
): Promise<Result<ProductReleaseRow>> {
  requireRole(viewer, PUBLISHERS);
  const version = input.version.trim();
  if (!/^\d+(\.\d+){0,2}$/.test(version))
    return userError(E.INVALID_VERSION, `"${input.version}" is not a version like 5.12.3.`, ["input", "version"]);
  const exists = userError(E.RELEASE_EXISTS, `${input.product} ${version} is already published.`, ["input", "version"]);
  try {
    return await mutate(db, async (tx) => {
      const [row] = await tx
        .insert(productReleases)
        .values({ product: input.product, version, releasedOn: input.releasedOn, notes: input.notes ?? null })
        .returning();
      await recordAudit(tx, viewer, {
        action: "productRelease.publish",
        objectType: "ProductRelease",
        objectId: row!.id,
        details: { product: input.product, version },
      });
      return ok(row!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) return exists;
    throw e;
  }
}

export async function listProductReleases(db: Db, filter: { product?: Product | null }, page: PageRequest) {
  const where = filter.product ? eq(productReleases.product, filter.product) : undefined;
  return paginate(
    page,
    async () => db.$count(productReleases, where),
    (offset, limit) =>
      db
        .select()
        .from(productReleases)
        .where(where)
        .orderBy(desc(productReleases.releasedOn), asc(productReleases.product))
        .offset(offset)
        .limit(limit),
    (r) => r,
  );
}

export async function findProductRelease(db: DbOrTx, id: string): Promise<ProductReleaseRow | null> {
  const [row] = await db.select().from(productReleases).where(eq(productReleases.id, id));
  return row ?? null;
}

/** The newest release of each product, by version (not by date: a patch of an old line is not "latest"). */
export async function latestReleases(db: DbOrTx): Promise<Map<Product, ProductReleaseRow>> {
  const rows = await db.select().from(productReleases);
  const latest = new Map<Product, ProductReleaseRow>();
  for (const r of rows) {
    const current = latest.get(r.product);
    if (!current || isBehind(current.version, r.version)) latest.set(r.product, r);
  }
  return latest;
}

export interface InstalledVersion {
  propertyId: string;
  product: Product;
  version: string;
  latestVersion: string | null;
  outdated: boolean;
  updatedAt: Date;
}

export async function installedVersionsOf(db: DbOrTx, propertyIds: string[]): Promise<InstalledVersion[]> {
  if (propertyIds.length === 0) return [];
  const [rows, latest] = await Promise.all([
    db
      .select()
      .from(installedVersions)
      .where(inArray(installedVersions.propertyId, propertyIds))
      .orderBy(asc(installedVersions.product)),
    latestReleases(db),
  ]);
  return rows.map((r) => {
    const newest = latest.get(r.product)?.version ?? null;
    return {
      propertyId: r.propertyId,
      product: r.product,
      version: r.version,
      latestVersion: newest,
      outdated: !!newest && isBehind(r.version, newest),
      updatedAt: r.updatedAt,
    };
  });
}

/** What to update at some properties: the outdated installations, in the order of the product list. */
export function updatesNeeded(perProperty: readonly InstalledVersion[][]): InstalledVersion[] {
  const order: readonly string[] = product.enumValues;
  return perProperty
    .flat()
    .filter((v) => v.outdated)
    .sort((x, y) => order.indexOf(x.product) - order.indexOf(y.product));
}

export async function setInstalledVersion(
  db: DbOrTx,
  viewer: Viewer,
  input: { propertyId: string; product: Product; version: string },
): Promise<Result<InstalledVersion>> {
  requireRole(viewer, INSTALLERS);
  const property = await findProperty(db, viewer, input.propertyId);
  if (!property) return userError(E.NOT_FOUND, "No such property.", ["input", "propertyId"]);
  const version = input.version.trim();
  if (!/^\d+(\.\d+){0,2}$/.test(version))
    return userError(E.INVALID_VERSION, `"${input.version}" is not a version like 5.12.3.`, ["input", "version"]);
  return mutate(db, async (tx) => {
    await tx
      .insert(installedVersions)
      .values({ propertyId: property.id, product: input.product, version })
      .onConflictDoUpdate({
        target: [installedVersions.propertyId, installedVersions.product],
        set: { version, updatedAt: new Date() },
      });
    await recordAudit(tx, viewer, {
      action: "installedVersion.set",
      objectType: "Property",
      objectId: property.id,
      organisationId: property.customerId,
      details: { product: input.product, version },
    });
    const [v] = (await installedVersionsOf(tx, [property.id])).filter((x) => x.product === input.product);
    return ok(v!);
  });
}
