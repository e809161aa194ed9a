import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agreementPeriods, licenceRentals, tiers } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { minDate, type IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import {
  agreementNotFound,
  bumpVersion,
  lockAgreement,
  type LicenceKind,
  type LicenceRentalRow,
} from "./agreement-records.js";
import { effectiveEnd, isValid } from "./agreement-status.js";
import { AgreementErrors as E } from "./agreement.errors.js";
import { BENEFIT_ACTORS } from "./agreement.roles.js";
import { NO_PRICE_ASKED, orderPrice, priceRequestRefused, type PriceRequest } from "../pricing/index.js";
import { tellSellerOfOrder } from "./order-notice.js";
import { overYearlyValueLimit } from "./yearly-value-limit.js";

/** Every kind of licence that can be rented, in the order of the database enum. */
const LICENCE_KINDS = licenceRentals.kind.enumValues;

/** A rental counts today when it has begun, has not ended, and was not ended early. */
export function rentalIsActive(r: LicenceRentalRow, today: IsoDate): boolean {
  return r.startsOn <= today && today <= minDate(r.endsOn, r.endedOn);
}

/** `rentalIsActive` as a condition on `licence_rentals`, for a sum over many agreements (yearly-value-of-list.ts). */
export function rentalIsActiveSql(today: IsoDate): SQL {
  return sql`${licenceRentals.startsOn} <= ${today}::date
    and ${today}::date <= least(${licenceRentals.endsOn}, coalesce(${licenceRentals.endedOn}, ${licenceRentals.endsOn}))`;
}

const byCharacters = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rentals newest first, as they are listed. */
export function newestRentalsFirst(rentals: readonly LicenceRentalRow[]): LicenceRentalRow[] {
  // ISO dates and the kinds' ASCII names sort by their characters; localeCompare would ask ICU each time.
  return [...rentals].sort((x, y) => byCharacters(y.startsOn, x.startsOn) || byCharacters(x.kind, y.kind));
}

export interface RentalTotal {
  kind: LicenceKind;
  quantity: number;
  monthlyCostMinor: number;
}

/** Running rentals summed per licence kind, in the order of LICENCE_KINDS; kinds with none left out. */
export function rentalTotals(rentals: readonly LicenceRentalRow[], today: IsoDate): RentalTotal[] {
  const running = rentals.filter((r) => rentalIsActive(r, today));
  return LICENCE_KINDS.map((kind) => {
    const of = running.filter((r) => r.kind === kind);
    return { kind, quantity: of.reduce((n, r) => n + r.quantity, 0), monthlyCostMinor: monthlyCostMinor(of, today) };
  }).filter((t) => t.quantity > 0);
}

/** What the running rentals cost per month, in öre. */
export function monthlyCostMinor(rentals: readonly LicenceRentalRow[], today: IsoDate): number {
  return rentals.filter((r) => rentalIsActive(r, today)).reduce((n, r) => n + r.monthlyPriceMinor, 0);
}

export interface RentLicenceInput {
  agreementId: string;
  kind: LicenceKind;
  quantity: number;
  /** A price other than the list's, as asked; only vendor staff may ask. */
  price?: PriceRequest;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

/**
 * "Hyr istället för köp": rent licences during the period; the rental lies inside the current period
 * and costs the list price on its first day unless vendor staff agreed another (order-price.ts).
 */
export async function rentLicence(db: Db, viewer: Viewer, input: RentLicenceInput, clock: Clock) {
  requireRole(viewer, BENEFIT_ACTORS);
  return mutate(db, async (tx): Promise<Result<LicenceRentalRow>> => {
    // The agreement first: another tenant's answers as a missing one, whatever the input (decision 0039).
    const a = await lockAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return agreementNotFound();
    if (input.quantity < 1) return userError(E.INVALID_INPUT, "Rent at least one licence.", ["input", "quantity"]);
    const refused = priceRequestRefused(viewer, input.price ?? NO_PRICE_ASKED);
    if (refused) return refused;
    if (input.endsOn < input.startsOn)
      return userError(E.INVALID_DATE_RANGE, "The rental must end on or after its start.", ["input", "endsOn"]);
    const [tier] = await tx.select().from(tiers).where(eq(tiers.code, a.tier));
    if (!tier?.licenceRentals)
      return userError(
        E.LICENCE_RENTALS_NOT_IN_TIER,
        `The ${tier?.name ?? a.tier} tier does not include licence rentals.`,
      );
    if (!isValid(a.status))
      return userError(
        E.AGREEMENT_NOT_ACTIVE,
        `Agreement ${a.number} is ${a.status.toLowerCase()}; licences are rented during a valid agreement.`,
      );
    const [period] = await tx
      .select()
      .from(agreementPeriods)
      .where(
        and(
          eq(agreementPeriods.agreementId, a.id),
          sql`${agreementPeriods.startsOn} <= ${input.startsOn}::date`,
          sql`${agreementPeriods.endsOn} >= ${input.endsOn}::date`,
        ),
      );
    const end = effectiveEnd(a);
    if (!period || input.endsOn > end) {
      return userError(
        E.OUTSIDE_AGREEMENT_PERIOD,
        `A rental must lie inside one agreement period (the current one is ${a.startsOn} – ${end}).`,
        ["input", "startsOn"],
      );
    }
    const price = await orderPrice(
      tx,
      viewer,
      { item: input.kind, quantity: input.quantity, startsOn: input.startsOn },
      input.price ?? NO_PRICE_ASKED,
    );
    if ("errors" in price) return price;
    const tooMuch = await overYearlyValueLimit(tx, a, { ...input, agreementId: a.id, ...price.ok }, clock.today);
    if (tooMuch) return tooMuch;
    const [row] = await tx
      .insert(licenceRentals)
      .values({
        agreementId: a.id,
        kind: input.kind,
        quantity: input.quantity,
        ...price.ok,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      })
      .returning();
    await bumpVersion(tx, a.id);
    const { price: _asked, ...order } = input;
    await recordAudit(tx, viewer, {
      action: "licenceRental.create",
      objectType: "LicenceRental",
      objectId: row!.id,
      organisationId: a.customerId,
      details: { ...order, ...price.ok },
    });
    await tellSellerOfOrder(tx, viewer, a, {
      thing: { licences: input.kind, quantity: input.quantity },
      monthlyPriceMinor: price.ok.monthlyPriceMinor,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    });
    return ok(row!);
  });
}

export async function endLicenceRental(
  db: Db,
  viewer: Viewer,
  input: { licenceRentalId: string; endsOn?: IsoDate | null },
  clock: Clock,
) {
  requireRole(viewer, BENEFIT_ACTORS);
  return mutate(db, async (tx): Promise<Result<LicenceRentalRow>> => {
    const [rental] = await tx.select().from(licenceRentals).where(eq(licenceRentals.id, input.licenceRentalId));
    const a = rental && (await lockAgreement(tx, viewer, rental.agreementId, clock));
    if (!rental || !a) return userError(E.NOT_FOUND, "No such licence rental.", ["input", "licenceRentalId"]);
    const endedOn = input.endsOn ?? clock.today;
    if (rental.endedOn || rental.endsOn < clock.today)
      return userError(E.ALREADY_ENDED, "The rental has already ended.", ["input", "licenceRentalId"]);
    if (endedOn < rental.startsOn || endedOn > rental.endsOn) {
      return userError(E.INVALID_DATE_RANGE, `The rental can end between ${rental.startsOn} and ${rental.endsOn}.`, [
        "input",
        "endsOn",
      ]);
    }
    const [row] = await tx.update(licenceRentals).set({ endedOn }).where(eq(licenceRentals.id, rental.id)).returning();
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, {
      action: "licenceRental.end",
      objectType: "LicenceRental",
      objectId: rental.id,
      organisationId: a.customerId,
      details: { agreementId: a.id, endedOn },
    });
    return ok(row!);
  });
}
