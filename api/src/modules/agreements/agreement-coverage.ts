import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { agreementProperties, agreements, licenceRentals, properties } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { ok, userError, type Result, type UserError } from "../../shared/errors.js";
import { agreementScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { bookedVisitsAhead, cancelBookedVisits, tierIncludesVisit } from "../visits/index.js";
import {
  agreementNotFound,
  bumpVersion,
  lockAgreement,
  selectAgreements,
  staleVersion,
  type AgreementRecord,
} from "./agreement-records.js";
import { isValid } from "./agreement-status.js";
import { AgreementErrors as E } from "./agreement.errors.js";
import { AGREEMENT_MANAGERS } from "./agreement.roles.js";
import { hanteraQuota } from "./hantera-quota.js";
import { baseFeeOn } from "../pricing/index.js";
import { yearlyValueMinor } from "./yearly-value.js";

/*
 * Correcting which properties an agreement covers (decision 0074). The preview and the change run the same
 * `coverageEffect`, so what the seller is shown first is what is then done.
 */

export interface CoverageChange {
  agreementId: string;
  addPropertyIds: readonly string[];
  removePropertyIds: readonly string[];
}

/** What the agreement gives, on one side of the change. */
export interface CoverageState {
  properties: { id: string; name: string }[];
  annualVisit: boolean;
  hanteraQuota: number;
  yearlyValueMinor: number;
}

export interface CoverageEffect {
  agreement: AgreementRecord;
  before: CoverageState;
  after: CoverageState;
  added: string[];
  removed: string[];
  /** Booked visits ahead at a removed property: the change calls them off, with a mail and an `.ics`. */
  visitsCancelled: { visitId: string; scheduledAt: Date; propertyId: string }[];
}

/** Statuses whose coverage can still be corrected: a draft and a running agreement; an ended one is history. */
function correctable(a: AgreementRecord): boolean {
  return a.status === "DRAFT" || isValid(a.status);
}

async function coveredProperties(db: DbOrTx, agreementId: string) {
  return db
    .select({ id: properties.id, name: properties.name })
    .from(agreementProperties)
    .innerJoin(properties, eq(properties.id, agreementProperties.propertyId))
    .where(eq(agreementProperties.agreementId, agreementId))
    .orderBy(asc(properties.name), asc(properties.id));
}

/**
 * The effect of a coverage change, or why it is refused. The quota and the yearly value come from the rules the
 * agreement page uses (hantera-quota.ts, licence-rentals.ts): neither is priced per property today, so they read
 * the same on both sides — shown so the seller need not guess, and right the day a rule starts to depend on it.
 */
async function coverageEffect(
  db: DbOrTx,
  a: AgreementRecord,
  change: CoverageChange,
  clock: Clock,
  now: Date,
): Promise<{ ok: CoverageEffect } | { errors: UserError[] }> {
  const added = [...new Set(change.addPropertyIds)];
  const removed = [...new Set(change.removePropertyIds)];
  if (added.length + removed.length === 0)
    return userError(E.INVALID_INPUT, "Name a property to add or to remove.", ["input", "addPropertyIds"]);
  if (added.some((id) => removed.includes(id)))
    return userError(E.INVALID_INPUT, "A property cannot be both added and removed.", ["input", "removePropertyIds"]);
  if (!correctable(a))
    return userError(E.AGREEMENT_NOT_ACTIVE, `A ${a.status.toLowerCase()} agreement's coverage is history.`);
  const covered = await coveredProperties(db, a.id);
  const coveredIds = new Set(covered.map((p) => p.id));
  if (removed.some((id) => !coveredIds.has(id)))
    return userError(E.PROPERTY_NOT_COVERED, "The agreement does not cover that property.", [
      "input",
      "removePropertyIds",
    ]);
  if (added.some((id) => coveredIds.has(id)))
    return userError(E.PROPERTY_ALREADY_COVERED, "The agreement already covers that property.", [
      "input",
      "addPropertyIds",
    ]);
  const joining = added.length
    ? await db
        .select({ id: properties.id, name: properties.name })
        .from(properties)
        .where(and(inArray(properties.id, added), eq(properties.customerId, a.customerId)))
    : [];
  // Another customer's property and a missing one answer alike: nothing about it is told.
  if (joining.length !== added.length)
    return userError(E.PROPERTY_NOT_OF_CUSTOMER, "Every property must belong to the agreement's customer.", [
      "input",
      "addPropertyIds",
    ]);
  const remaining = [...covered.filter((p) => !removed.includes(p.id)), ...joining].sort(
    (x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0) || (x.id < y.id ? -1 : 1),
  );
  // An agreement covers at least one property, as createAgreement demands; to stop covering all, terminate it.
  if (remaining.length === 0)
    return userError(E.NO_PROPERTIES, "An agreement covers at least one property; terminate it instead.", [
      "input",
      "removePropertyIds",
    ]);
  const [visit, quota, rentals, visitsCancelled, fee] = await Promise.all([
    tierIncludesVisit(db, a),
    hanteraQuota(db, a, clock.today),
    db.select().from(licenceRentals).where(eq(licenceRentals.agreementId, a.id)),
    bookedVisitsAhead(db, a.id, now, removed),
    baseFeeOn(db, a.tier, clock.today),
  ]);
  const state = (props: { id: string; name: string }[]): CoverageState => ({
    properties: props,
    // The visit takes place at a covered property: the tier's promise holds while one is covered.
    annualVisit: visit && props.length > 0,
    hanteraQuota: quota.quota,
    yearlyValueMinor: yearlyValueMinor(a, rentals, fee?.monthlyPriceMinor ?? 0, clock.today),
  });
  return ok({ agreement: a, before: state(covered), after: state(remaining), added, removed, visitsCancelled });
}

/** The effect of a coverage change, without making it. Scoped like reads; sellers and admins. */
export async function previewAgreementCoverage(
  db: Db,
  viewer: Viewer,
  change: CoverageChange,
  clock: Clock,
  now: Date = new Date(),
): Promise<Result<CoverageEffect>> {
  requireRole(viewer, AGREEMENT_MANAGERS);
  const [a] = await selectAgreements(db, and(agreementScope(viewer), eq(agreements.id, change.agreementId)), clock);
  if (!a) return agreementNotFound();
  return coverageEffect(db, a, change, clock, now);
}

/**
 * Adds and removes covered properties in one step: the agreement locked and checked against the version the
 * caller previewed, the effect computed again under the lock, booked visits at removed properties called off.
 */
export async function changeAgreementCoverage(
  db: Db,
  viewer: Viewer,
  input: CoverageChange & { expectedVersion: number },
  clock: Clock,
  now: Date = new Date(),
): Promise<Result<CoverageEffect>> {
  requireRole(viewer, AGREEMENT_MANAGERS);
  return mutate(db, async (tx) => {
    const locked = await lockAgreement(tx, viewer, input.agreementId, clock);
    if (!locked) return agreementNotFound();
    const stale = staleVersion(input.expectedVersion, locked);
    if (stale) return stale;
    const effect = await coverageEffect(tx, locked, input, clock, now);
    if ("errors" in effect) return effect;
    const { added, removed } = effect.ok;
    if (removed.length)
      await tx
        .delete(agreementProperties)
        .where(and(eq(agreementProperties.agreementId, locked.id), inArray(agreementProperties.propertyId, removed)));
    if (added.length)
      await tx.insert(agreementProperties).values(added.map((propertyId) => ({ agreementId: locked.id, propertyId })));
    const cancelled = await cancelBookedVisits(
      tx,
      locked,
      now,
      {
        SV: `fastigheten omfattas inte längre av avtal ${locked.number}`,
        EN: `the property is no longer covered by agreement ${locked.number}`,
      },
      removed,
    );
    await bumpVersion(tx, locked.id);
    const ids = (s: CoverageState) => s.properties.map((p) => p.id);
    await recordAudit(tx, viewer, {
      action: "agreement.coverage",
      objectType: "Agreement",
      objectId: locked.id,
      organisationId: locked.customerId,
      details: {
        before: { propertyIds: ids(effect.ok.before), annualVisit: effect.ok.before.annualVisit },
        after: { propertyIds: ids(effect.ok.after), annualVisit: effect.ok.after.annualVisit },
        visitsCancelled: cancelled.map((v) => v.visitId),
      },
    });
    const agreement = (await lockAgreement(tx, viewer, locked.id, clock))!;
    return ok({ ...effect.ok, agreement });
  });
}
