import { and, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { tellPartnerOfAgreement, type AgreementChange } from "./agreement-webhook.js";
import type { DbOrTx, Tx } from "../../db/client.js";
import {
  addOns,
  agreementNumberCounters,
  agreementPeriods,
  agreementProperties,
  agreements,
  hanteraAccounts,
  licenceRentals,
  properties,
  users,
} from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { addDaysIso, type IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result, type UserError } from "../../shared/errors.js";
import { agreementScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { holds, requireRole, type Viewer } from "../../shared/viewer.js";
import { findOrganisation } from "../parties/index.js";
import {
  agreementNotFound,
  bumpVersion,
  lockAgreement,
  selectAgreements,
  staleVersion,
  toRecord,
  type AddOnRow,
  type AgreementRecord,
  type HanteraAccountRow,
  type LicenceRentalRow,
  type TierCode,
} from "./agreement-records.js";
import { isRenewable, isValid } from "./agreement-status.js";
import { carryIntoNewPeriod, type Carry } from "./renewal-carry.js";
import { AgreementErrors as E } from "./agreement.errors.js";
import { deactivatedParty, deactivatedPartyOf } from "./deactivated-party.js";
import { AGREEMENT_MANAGERS, SELLERS } from "./agreement.roles.js";

/*
 * The agreement's lifecycle: drafting, activation, renewal and termination, and reading agreements.
 * The rules about its parts live beside it, one file each: hantera-quota.ts, licence-rentals.ts,
 * add-ons.ts, lapse-preview.ts.
 */

export type { AgreementRecord };

export async function findAgreement(
  db: DbOrTx,
  viewer: Viewer,
  id: string,
  clock: Clock,
): Promise<AgreementRecord | null> {
  const [row] = await selectAgreements(db, and(agreementScope(viewer), eq(agreements.id, id)), clock);
  return row ?? null;
}

export { listAgreements } from "./agreement-list.js";

// ---- creating and changing agreements ---------------------------------------------------------

export interface CreateAgreementInput {
  customerId: string;
  partnerId?: string | null;
  sellerId?: string | null;
  tier: TierCode;
  propertyIds: string[];
  startsOn: IsoDate;
  endsOn: IsoDate;
}

async function nextNumber(tx: Tx, year: number): Promise<string> {
  const [row] = await tx
    .insert(agreementNumberCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({
      target: agreementNumberCounters.year,
      set: { last: sql`${agreementNumberCounters.last} + 1` },
    })
    .returning();
  return `TA-${year}-${String(row!.last).padStart(4, "0")}`;
}

export async function createAgreement(
  db: DbOrTx,
  viewer: Viewer,
  input: CreateAgreementInput,
  clock: Clock,
): Promise<Result<AgreementRecord>> {
  requireRole(viewer, AGREEMENT_MANAGERS);
  if (input.endsOn < input.startsOn)
    return userError(E.INVALID_DATE_RANGE, "The period must end on or after its start.", ["input", "endsOn"]);
  const customer = await findOrganisation(db, viewer, input.customerId);
  if (!customer) return userError(E.NOT_FOUND, "No such customer.", ["input", "customerId"]);
  if (customer.kind !== "CUSTOMER")
    return userError(E.NOT_A_CUSTOMER, `${customer.name} is not a customer.`, ["input", "customerId"]);
  if (customer.deactivatedAt) return deactivatedParty(customer, "customerId");
  if (input.partnerId) {
    const partner = await findOrganisation(db, viewer, input.partnerId);
    if (!partner) return userError(E.NOT_FOUND, "No such partner.", ["input", "partnerId"]);
    if (partner.kind !== "PARTNER")
      return userError(E.NOT_A_PARTNER, `${partner.name} is not a partner.`, ["input", "partnerId"]);
    if (partner.deactivatedAt) return deactivatedParty(partner, "partnerId");
  }
  const sellerId = input.sellerId ?? (holds(viewer, SELLERS) ? viewer.userId : null);
  if (sellerId) {
    const [seller] = await db.select().from(users).where(eq(users.id, sellerId));
    if (!seller) return userError(E.NOT_FOUND, "No such seller.", ["input", "sellerId"]);
    if (!holds(seller, SELLERS))
      return userError(E.NOT_A_SELLER, `${seller.name} is not a seller.`, ["input", "sellerId"]);
  }
  const propertyIds = [...new Set(input.propertyIds)];
  if (propertyIds.length === 0)
    return userError(E.NO_PROPERTIES, "An agreement covers at least one property.", ["input", "propertyIds"]);
  const owned = await db
    .select({ id: properties.id })
    .from(properties)
    .where(and(inArray(properties.id, propertyIds), eq(properties.customerId, customer.id)));
  if (owned.length !== propertyIds.length) {
    return userError(E.PROPERTY_NOT_OF_CUSTOMER, `Every property must belong to ${customer.name}.`, [
      "input",
      "propertyIds",
    ]);
  }
  return mutate(db, async (tx) => {
    const number = await nextNumber(tx, Number(clock.today.slice(0, 4)));
    const [row] = await tx
      .insert(agreements)
      .values({ number, tier: input.tier, customerId: customer.id, partnerId: input.partnerId ?? null, sellerId })
      .returning();
    await tx
      .insert(agreementPeriods)
      .values({ agreementId: row!.id, sequence: 1, startsOn: input.startsOn, endsOn: input.endsOn });
    await tx
      .insert(agreementProperties)
      .values(propertyIds.map((propertyId) => ({ agreementId: row!.id, propertyId })));
    await recordAudit(tx, viewer, {
      action: "agreement.create",
      objectType: "Agreement",
      objectId: row!.id,
      organisationId: customer.id,
      details: { number, tier: input.tier, startsOn: input.startsOn, endsOn: input.endsOn, propertyIds },
    });
    const created = toRecord({ agreement: row!, startsOn: input.startsOn, endsOn: input.endsOn }, clock);
    await tellPartnerOfAgreement(tx, null, created, "CREATED");
    return ok(created);
  });
}

/**
 * One change to an agreement's lifecycle: the agreement is locked (concurrent changes queue), checked
 * against the caller's version, changed, its version bumped, and read again. `change` answers a
 * userError to refuse, which rolls everything back; it checks the input too, so that another
 * tenant's agreement answers as a missing one whatever the input (decision 0039).
 */
async function changeAgreement(
  db: DbOrTx,
  viewer: Viewer | null,
  input: { agreementId: string; expectedVersion?: number | null },
  clock: Clock,
  step: AgreementChange,
  change: (tx: Tx, a: AgreementRecord) => Promise<{ errors: UserError[] } | null>,
): Promise<Result<AgreementRecord>> {
  return mutate(db, async (tx) => {
    const a = await lockAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return agreementNotFound();
    const refused = staleVersion(input.expectedVersion, a) ?? (await change(tx, a));
    if (refused) return refused;
    await bumpVersion(tx, a.id);
    const after = (await lockAgreement(tx, viewer, a.id, clock))!;
    await tellPartnerOfAgreement(tx, a, after, step);
    return ok(after);
  });
}

export async function activateAgreement(
  db: DbOrTx,
  viewer: Viewer,
  input: { agreementId: string; expectedVersion?: number | null },
  clock: Clock,
) {
  requireRole(viewer, AGREEMENT_MANAGERS);
  return changeAgreement(db, viewer, input, clock, "ACTIVATED", async (tx, a) => {
    if (a.status !== "DRAFT")
      return userError(E.AGREEMENT_NOT_DRAFT, `Agreement ${a.number} is already ${a.status.toLowerCase()}.`);
    const gone = await deactivatedPartyOf(tx, a);
    if (gone) return gone;
    await tx.update(agreements).set({ activatedAt: new Date() }).where(eq(agreements.id, a.id));
    await recordAudit(tx, viewer, {
      action: "agreement.activate",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
    });
    return null;
  });
}

export interface RenewInput {
  agreementId: string;
  endsOn: IsoDate;
  carryOverRentals: boolean;
  expectedVersion?: number | null;
  /** Renew only from this end: a quote priced for one period must not renew the one after it (renewals module). */
  fromEndsOn?: IsoDate;
  /** The parts a customer chose, at their quoted prices; instead of carryOverRentals. */
  carry?: Carry;
}

/** A new period from the day after the current end; earlier periods stay as history. */
export async function renewAgreement(db: DbOrTx, viewer: Viewer, input: RenewInput, clock: Clock) {
  requireRole(viewer, AGREEMENT_MANAGERS);
  return renewalRule(db, viewer, input, clock);
}

/**
 * The renewal rule run by the system rather than a person: the automatic renewal on the day its notice period
 * closes (renewals module). The same rule as `renewAgreement`; the audit trail names no actor.
 */
export async function renewAgreementOnItsOwn(db: DbOrTx, input: RenewInput, clock: Clock) {
  return renewalRule(db, null, input, clock);
}

/** The one renewal rule, for a person (scoped to what they may see) or the system (null). */
async function renewalRule(db: DbOrTx, viewer: Viewer | null, input: RenewInput, clock: Clock) {
  return changeAgreement(db, viewer, input, clock, "RENEWED", async (tx, a) => {
    if (!isRenewable(a.status)) {
      return userError(E.AGREEMENT_NOT_RENEWABLE, `A ${a.status.toLowerCase()} agreement cannot be renewed.`);
    }
    if (input.fromEndsOn && input.fromEndsOn !== a.endsOn) {
      return userError(E.STALE_VERSION, `The agreement now ends ${a.endsOn}; it was renewed or changed since.`);
    }
    const startsOn = addDaysIso(a.endsOn, 1);
    if (input.endsOn < startsOn) {
      return userError(E.INVALID_DATE_RANGE, `The new period starts on ${startsOn}; it must end on or after that.`, [
        "input",
        "endsOn",
      ]);
    }
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(agreementPeriods)
      .where(eq(agreementPeriods.agreementId, a.id));
    await tx.insert(agreementPeriods).values({ agreementId: a.id, sequence: n + 1, startsOn, endsOn: input.endsOn });
    // The lapse job's flags asked the customer to choose which accounts stay; renewed, they all may.
    await tx.update(hanteraAccounts).set({ overQuotaSince: null }).where(eq(hanteraAccounts.agreementId, a.id));
    if (a.status === "EXPIRED") {
      // The add-ons lapsed with the agreement; they are ordered again, not revived silently.
      await tx
        .update(addOns)
        .set({ endedOn: a.endsOn, endReason: "AGREEMENT_EXPIRED" })
        .where(and(eq(addOns.agreementId, a.id), isNull(addOns.endedOn)));
    }
    const carried = await carryIntoNewPeriod(
      tx,
      a,
      { startsOn, endsOn: input.endsOn },
      input.carry ?? { all: input.carryOverRentals },
    );
    await recordAudit(tx, viewer, {
      action: "agreement.renew",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
      details: { startsOn, endsOn: input.endsOn, carryOverRentals: input.carryOverRentals, ...carried },
    });
    return null;
  });
}

export interface TerminateInput {
  agreementId: string;
  terminatesOn: IsoDate;
  reason: string;
  expectedVersion?: number | null;
}

/** Ends the agreement on a date; its rentals and add-ons end with it. */
export async function terminateAgreement(db: DbOrTx, viewer: Viewer, input: TerminateInput, clock: Clock) {
  requireRole(viewer, AGREEMENT_MANAGERS);
  const reason = input.reason.trim();
  return changeAgreement(db, viewer, input, clock, "TERMINATED", async (tx, a) => {
    if (!reason) return userError(E.INVALID_INPUT, "Say why the agreement is terminated.", ["input", "reason"]);
    if (!isValid(a.status))
      return userError(E.AGREEMENT_NOT_ACTIVE, `A ${a.status.toLowerCase()} agreement cannot be terminated.`);
    if (input.terminatesOn < a.startsOn || input.terminatesOn > a.endsOn) {
      return userError(
        E.OUTSIDE_AGREEMENT_PERIOD,
        `The termination date must lie within ${a.startsOn} – ${a.endsOn}.`,
        ["input", "terminatesOn"],
      );
    }
    await tx
      .update(agreements)
      .set({ terminatedOn: input.terminatesOn, terminationReason: reason })
      .where(eq(agreements.id, a.id));
    await tx
      .update(licenceRentals)
      .set({ endedOn: input.terminatesOn })
      .where(
        and(
          eq(licenceRentals.agreementId, a.id),
          isNull(licenceRentals.endedOn),
          sql`${licenceRentals.endsOn} > ${input.terminatesOn}::date`,
        ),
      );
    await tx
      .update(addOns)
      .set({ endedOn: input.terminatesOn, endReason: "AGREEMENT_TERMINATED" })
      .where(
        and(
          eq(addOns.agreementId, a.id),
          isNull(addOns.endedOn),
          or(isNull(addOns.endsOn), sql`${addOns.endsOn} > ${input.terminatesOn}::date`),
        ),
      );
    await recordAudit(tx, viewer, {
      action: "agreement.terminate",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
      details: { terminatesOn: input.terminatesOn, reason },
    });
    return null;
  });
}

// ---- refetching parts by id (Query.node) ------------------------------------------------------

/** A part of an agreement, when the viewer may see the agreement it belongs to. */
export async function findPart(
  db: DbOrTx,
  viewer: Viewer,
  kind: "HanteraAccount" | "LicenceRental" | "AddOn",
  id: string,
  clock: Clock,
): Promise<{ agreement: AgreementRecord; row: HanteraAccountRow | LicenceRentalRow | AddOnRow } | null> {
  const table = kind === "HanteraAccount" ? hanteraAccounts : kind === "LicenceRental" ? licenceRentals : addOns;
  const [row] = await db.select().from(table).where(eq(table.id, id));
  if (!row) return null;
  const agreement = await findAgreement(db, viewer, row.agreementId, clock);
  return agreement ? { agreement, row } : null;
}
