import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { productReleases, serviceVisits, visitCheckKinds, visitChecks } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { type Viewer, requireRole } from "../../shared/viewer.js";
import type { Clock } from "../../shared/clock.js";
import { installedVersionsOf, isBehind, latestReleases, setInstalledVersion, type Product } from "../releases/index.js";
import { VisitErrors as E } from "./visit.errors.js";
import { TECHNICIANS } from "./visit.roles.js";
import { visitCheckProposals } from "./visit-backup-prefill.js";
import { bumpVisit, type LoadedVisit, lockVisit, type ServiceVisitRow } from "./visit.service.js";

export type VisitCheckRow = typeof visitChecks.$inferSelect;
export type VisitCheckKindRow = typeof visitCheckKinds.$inferSelect;
export type VisitCheckKind = VisitCheckRow["kind"];
export type CheckResult = VisitCheckRow["result"];

export interface ProductVersion {
  product: Product;
  installed: string | null;
  latest: string | null;
  outdated: boolean;
}

/** The check kinds in the protocol's order, from their table. */
export function checkKinds(db: DbOrTx): Promise<VisitCheckKindRow[]> {
  return db.select().from(visitCheckKinds).orderBy(asc(visitCheckKinds.sortOrder));
}

export function checksOf(db: DbOrTx, visitId: string): Promise<VisitCheckRow[]> {
  return db.select().from(visitChecks).where(eq(visitChecks.visitId, visitId));
}

/** The kinds not yet recorded on a visit, in protocol order. */
export function missingKinds(kinds: VisitCheckKindRow[], checks: Pick<VisitCheckRow, "kind">[]): VisitCheckKindRow[] {
  const done = new Set(checks.map((c) => c.kind));
  return kinds.filter((k) => !done.has(k.code));
}

/**
 * What the hardware check starts from: each product's installed version at the property against
 * the latest release, including products released but not (yet) recorded as installed there.
 */
export async function hardwarePrefill(db: DbOrTx, propertyId: string): Promise<ProductVersion[]> {
  const [installed, latest, products] = await Promise.all([
    installedVersionsOf(db, [propertyId]),
    latestReleases(db),
    db.selectDistinct({ product: productReleases.product }).from(productReleases),
  ]);
  const names = [...new Set([...installed.map((i) => i.product), ...products.map((p) => p.product)])].sort();
  return names.map((product) => {
    const i = installed.find((x) => x.product === product);
    const newest = latest.get(product)?.version ?? null;
    return {
      product,
      installed: i?.version ?? null,
      latest: newest,
      outdated: !!i && !!newest && isBehind(i.version, newest),
    };
  });
}

export interface RecordCheckInput {
  visitId: string;
  kind: VisitCheckKind;
  result: CheckResult;
  note?: string | null;
  databaseSizeMb?: number | null;
  /** For the hardware check: versions found installed during the visit. */
  installedVersions?: { product: Product; version: string }[] | null;
  /** The form started from monitoring's proposal (visit-backup-prefill.ts). */
  fromProposal?: boolean | null;
}

/** What is wrong with one check's input before any database work, or null. */
export function checkInputProblem(input: RecordCheckInput): ReturnType<typeof userError> | null {
  if (input.kind === "DATABASE_SIZE" && input.result !== "NOT_APPLICABLE" && input.databaseSizeMb == null) {
    return userError(E.INVALID_INPUT, "The database-size check needs a reading in MB.", ["input", "databaseSizeMb"]);
  }
  if (input.databaseSizeMb != null && (!Number.isFinite(input.databaseSizeMb) || input.databaseSizeMb < 0)) {
    return userError(E.INVALID_INPUT, "A database size is a number of MB, zero or more.", ["input", "databaseSizeMb"]);
  }
  if (input.kind !== "DATABASE_SIZE" && input.databaseSizeMb != null) {
    return userError(E.INVALID_INPUT, "Only the database-size check takes a reading.", ["input", "databaseSizeMb"]);
  }
  return null;
}

/** Records (or re-records, until completion) one check of the protocol. */
export async function recordVisitCheck(
  db: Db,
  viewer: Viewer,
  input: RecordCheckInput,
  clock: Clock,
  now: Date = new Date(),
): Promise<Result<VisitCheckRow>> {
  requireRole(viewer, TECHNICIANS);
  const bad = checkInputProblem(input);
  if (bad) return bad;
  return mutate(db, async (tx) => {
    const loaded = await lockVisit(tx, viewer, input.visitId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such service visit.", ["input", "visitId"]);
    if (loaded.visit.completedAt)
      return userError(
        E.VISIT_COMPLETED,
        "The protocol is frozen; correct it with correctVisitProtocol and a reason.",
        ["input", "visitId"],
      );
    const r = await writeCheck(tx, viewer, loaded, input, now);
    if ("errors" in r) return r;
    await bumpVisit(tx, loaded.visit);
    return r;
  });
}

/**
 * Writes one check of a locked, open visit in the caller's transaction, with its audit entry; the
 * caller bumps the visit's version once (one check or five).
 */
export async function writeCheck(
  tx: Tx,
  viewer: Viewer,
  { visit, agreement }: LoadedVisit,
  input: RecordCheckInput,
  now: Date,
): Promise<Result<VisitCheckRow>> {
  let versions: VisitCheckRow["versions"] = null;
  if (input.kind === "HARDWARE_AND_VERSIONS") {
    for (const found of input.installedVersions ?? []) {
      const current = (await installedVersionsOf(tx, [visit.propertyId])).find((v) => v.product === found.product);
      // Only a newer version updates the property: a typo of an older one must not undo an upgrade.
      if (current && !isBehind(current.version, found.version)) continue;
      // releases' own rule (version format, audit) in a savepoint of this transaction.
      const r = await setInstalledVersion(tx, viewer, {
        propertyId: visit.propertyId,
        product: found.product,
        version: found.version,
      });
      if ("errors" in r)
        return {
          errors: r.errors.map((e) => ({ ...e, field: ["input", "installedVersions"] })),
        };
    }
    versions = (await hardwarePrefill(tx, visit.propertyId)).map(({ product, installed, latest }) => ({
      product,
      installed,
      latest,
    }));
  }
  const values = {
    result: input.result,
    note: input.note?.trim() ?? "",
    // Only the size check gets here with a reading (refused above for any other).
    databaseSizeMb: input.databaseSizeMb ?? null,
    versions,
    recordedById: viewer.userId,
    recordedAt: new Date(),
  };
  const [row] = await tx
    .insert(visitChecks)
    .values({ visitId: visit.id, kind: input.kind, ...values })
    .onConflictDoUpdate({ target: [visitChecks.visitId, visitChecks.kind], set: values })
    .returning();
  await recordAudit(tx, viewer, {
    action: "serviceVisit.recordCheck",
    objectType: "ServiceVisit",
    objectId: visit.id,
    organisationId: agreement.customerId,
    details: { kind: input.kind, result: input.result, ...(await proposalFollowed(tx, visit, input, row!, now)) },
  });
  return ok(row!);
}

/**
 * Whether a check saved from monitoring's proposal kept it: the trail shows which protocols rest on
 * the evidence as proposed and which the technician corrected, without a column on every check.
 */
async function proposalFollowed(
  tx: DbOrTx,
  visit: Pick<ServiceVisitRow, "propertyId" | "completedAt">,
  input: RecordCheckInput,
  saved: VisitCheckRow,
  now: Date,
): Promise<{ prefilled?: true; changedFromProposal?: boolean }> {
  if (!input.fromProposal) return {};
  const proposal = (await visitCheckProposals(tx, visit, now)).find((p) => p.kind === input.kind);
  if (!proposal) return {};
  const same =
    proposal.result === saved.result &&
    proposal.note === saved.note &&
    proposal.databaseSizeMb === (saved.kind === "DATABASE_SIZE" ? saved.databaseSizeMb : null);
  return { prefilled: true, changedFromProposal: !same };
}

/** The database-size readings of every visit of an agreement, for the trend. */
export async function sizeReadings(db: DbOrTx, agreementId: string) {
  return db
    .select({ visitId: serviceVisits.id, scheduledAt: serviceVisits.scheduledAt, sizeMb: visitChecks.databaseSizeMb })
    .from(visitChecks)
    .innerJoin(serviceVisits, eq(serviceVisits.id, visitChecks.visitId))
    .where(and(eq(serviceVisits.agreementId, agreementId), eq(visitChecks.kind, "DATABASE_SIZE")));
}
