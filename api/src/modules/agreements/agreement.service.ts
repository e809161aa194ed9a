import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import {
  addOns,
  agreementNumberCounters,
  agreementPeriods,
  agreementProperties,
  agreements,
  hanteraAccounts,
  licenceRentals,
  properties,
  tiers,
  users,
} from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { paginate, type Connection, type ConnectionArgs } from "../../shared/connection.js";
import { addDaysIso, minDate, type IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { agreementScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { type Role, type Viewer, requireRole } from "../../shared/viewer.js";
import { findOrganisation } from "../parties/parties.service.js";
import { agreementStatus, effectiveEnd, isValid, type AgreementStatus } from "./agreement-status.js";
import { AgreementErrors as E } from "./agreement.errors.js";

export type AgreementRow = typeof agreements.$inferSelect;
export type PeriodRow = typeof agreementPeriods.$inferSelect;
export type HanteraAccountRow = typeof hanteraAccounts.$inferSelect;
export type LicenceRentalRow = typeof licenceRentals.$inferSelect;
export type AddOnRow = typeof addOns.$inferSelect;
export type TierCode = AgreementRow["tier"];
export type LicenceKind = LicenceRentalRow["kind"];
export type AddOnKind = AddOnRow["kind"];

/** "Today" and the expiring window, passed in so that rules are testable on any date. */
export interface Clock {
  today: IsoDate;
  windowDays: number;
}

/** An agreement with what is derived from its periods. */
export interface AgreementRecord extends AgreementRow {
  startsOn: IsoDate;
  endsOn: IsoDate;
  status: AgreementStatus;
}

const MANAGERS: readonly Role[] = ["ADMIN", "SELLER"];
const BENEFIT_ACTORS: readonly Role[] = ["ADMIN", "SELLER", "PARTNER_ADMIN", "PARTNER_STAFF", "CUSTOMER_ADMIN"];
const ADD_ON_ACTORS: readonly Role[] = ["ADMIN", "SELLER", "PARTNER_ADMIN", "PARTNER_STAFF"];


// Written out with aliases: drizzle leaves column names unqualified in single-table queries, and
// "agreement_id" = "id" inside the subquery would then compare the period with itself.
const firstStart = sql<string>`(select min(p.starts_on)::text from agreement_periods p where p.agreement_id = "agreements"."id")`;
const lastEnd = sql<string>`(select max(p.ends_on)::text from agreement_periods p where p.agreement_id = "agreements"."id")`;
/** The same, typed as a date for comparisons in SQL. */
const lastEndDate = sql`(select max(p.ends_on) from agreement_periods p where p.agreement_id = "agreements"."id")`;

/** The same rule as agreementStatus(), in SQL, so that lists can filter on it. */
function statusSql(clock: Clock): SQL<AgreementStatus> {
  const today = sql`${clock.today}::date`;
  const end = sql`least(${lastEndDate}, coalesce(${agreements.terminatedOn}, ${lastEndDate}))`;
  return sql<AgreementStatus>`(case
    when ${agreements.activatedAt} is null then 'DRAFT'
    when ${agreements.terminatedOn} is not null and ${agreements.terminatedOn} < ${today} then 'TERMINATED'
    when ${end} < ${today} then 'EXPIRED'
    when ${end} - ${today} <= ${clock.windowDays} then 'EXPIRING'
    else 'ACTIVE' end)`;
}

function toRecord(row: { agreement: AgreementRow; startsOn: string; endsOn: string }, clock: Clock): AgreementRecord {
  const record = { ...row.agreement, startsOn: row.startsOn, endsOn: row.endsOn };
  return { ...record, status: agreementStatus(record, clock.today, clock.windowDays) };
}

async function selectAgreements(db: DbOrTx, where: SQL | undefined, clock: Clock, lock = false): Promise<AgreementRecord[]> {
  const query = db.select({ agreement: agreements, startsOn: firstStart, endsOn: lastEnd }).from(agreements).where(where);
  const rows = lock ? await query.for("update", { of: agreements }) : await query;
  return rows.map((r) => toRecord(r, clock));
}

export async function findAgreement(db: DbOrTx, viewer: Viewer, id: string, clock: Clock): Promise<AgreementRecord | null> {
  const [row] = await selectAgreements(db, and(agreementScope(viewer), eq(agreements.id, id)), clock);
  return row ?? null;
}

/** Loads and locks the agreement for a change; the row lock serialises concurrent changes to it. */
async function lockAgreement(tx: Tx, viewer: Viewer, id: string, clock: Clock): Promise<AgreementRecord | null> {
  const [row] = await selectAgreements(tx, and(agreementScope(viewer), eq(agreements.id, id)), clock, true);
  return row ?? null;
}

async function bumpVersion(tx: Tx, id: string): Promise<void> {
  await tx.update(agreements).set({ version: sql`${agreements.version} + 1` }).where(eq(agreements.id, id));
}

function notFound() {
  return userError(E.NOT_FOUND, "No such agreement.", ["input", "agreementId"]);
}

function stale(expected: number | null | undefined, record: AgreementRecord) {
  if (expected != null && expected !== record.version) {
    return userError(E.STALE_VERSION, `Someone else changed the agreement meanwhile (version ${record.version}, you had ${expected}). Reload and try again.`, [
      "input",
      "expectedVersion",
    ]);
  }
  return null;
}

export interface AgreementFilter {
  status?: AgreementStatus[] | null;
  tier?: TierCode | null;
  customerId?: string | null;
  partnerId?: string | null;
  sellerId?: string | null;
  endingBefore?: IsoDate | null;
}

export async function listAgreements(db: Db, viewer: Viewer, filter: AgreementFilter, page: ConnectionArgs, clock: Clock): Promise<Connection<AgreementRecord>> {
  const where = and(
    agreementScope(viewer),
    filter.status?.length ? inArray(statusSql(clock), filter.status) : undefined,
    filter.tier ? eq(agreements.tier, filter.tier) : undefined,
    filter.customerId ? eq(agreements.customerId, filter.customerId) : undefined,
    filter.partnerId ? eq(agreements.partnerId, filter.partnerId) : undefined,
    filter.sellerId ? eq(agreements.sellerId, filter.sellerId) : undefined,
    filter.endingBefore ? sql`${lastEndDate} < ${filter.endingBefore}::date` : undefined,
  );
  return paginate(
    page,
    async () => db.$count(agreements, where),
    async (offset, limit) =>
      (
        await db
          .select({ agreement: agreements, startsOn: firstStart, endsOn: lastEnd })
          .from(agreements)
          .where(where)
          .orderBy(asc(lastEndDate), asc(agreements.number))
          .offset(offset)
          .limit(limit)
      ).map((r) => toRecord(r, clock)),
    (r) => r,
  );
}

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
    .onConflictDoUpdate({ target: agreementNumberCounters.year, set: { last: sql`${agreementNumberCounters.last} + 1` } })
    .returning();
  return `TA-${year}-${String(row!.last).padStart(4, "0")}`;
}

export async function createAgreement(db: Db, viewer: Viewer, input: CreateAgreementInput, clock: Clock): Promise<Result<AgreementRecord>> {
  requireRole(viewer, MANAGERS);
  if (input.endsOn < input.startsOn) return userError(E.INVALID_DATE_RANGE, "The period must end on or after its start.", ["input", "endsOn"]);
  const customer = await findOrganisation(db, viewer, input.customerId);
  if (!customer) return userError(E.NOT_FOUND, "No such customer.", ["input", "customerId"]);
  if (customer.kind !== "CUSTOMER") return userError(E.NOT_A_CUSTOMER, `${customer.name} is not a customer.`, ["input", "customerId"]);
  if (input.partnerId) {
    const partner = await findOrganisation(db, viewer, input.partnerId);
    if (!partner) return userError(E.NOT_FOUND, "No such partner.", ["input", "partnerId"]);
    if (partner.kind !== "PARTNER") return userError(E.NOT_A_PARTNER, `${partner.name} is not a partner.`, ["input", "partnerId"]);
  }
  const sellerId = input.sellerId ?? (viewer.role === "SELLER" ? viewer.userId : null);
  if (sellerId) {
    const [seller] = await db.select().from(users).where(eq(users.id, sellerId));
    if (!seller) return userError(E.NOT_FOUND, "No such seller.", ["input", "sellerId"]);
    if (seller.role !== "SELLER") return userError(E.NOT_A_SELLER, `${seller.name} is not a seller.`, ["input", "sellerId"]);
  }
  const propertyIds = [...new Set(input.propertyIds)];
  if (propertyIds.length === 0) return userError(E.NO_PROPERTIES, "An agreement covers at least one property.", ["input", "propertyIds"]);
  const owned = await db
    .select({ id: properties.id })
    .from(properties)
    .where(and(inArray(properties.id, propertyIds), eq(properties.customerId, customer.id)));
  if (owned.length !== propertyIds.length) {
    return userError(E.PROPERTY_NOT_OF_CUSTOMER, `Every property must belong to ${customer.name}.`, ["input", "propertyIds"]);
  }
  return mutate(db, async (tx) => {
    const number = await nextNumber(tx, Number(clock.today.slice(0, 4)));
    const [row] = await tx
      .insert(agreements)
      .values({ number, tier: input.tier, customerId: customer.id, partnerId: input.partnerId ?? null, sellerId })
      .returning();
    await tx.insert(agreementPeriods).values({ agreementId: row!.id, sequence: 1, startsOn: input.startsOn, endsOn: input.endsOn });
    await tx.insert(agreementProperties).values(propertyIds.map((propertyId) => ({ agreementId: row!.id, propertyId })));
    await recordAudit(tx, viewer, {
      action: "agreement.create",
      objectType: "Agreement",
      objectId: row!.id,
      organisationId: customer.id,
      details: { number, tier: input.tier, startsOn: input.startsOn, endsOn: input.endsOn, propertyIds },
    });
    return ok(toRecord({ agreement: row!, startsOn: input.startsOn, endsOn: input.endsOn }, clock));
  });
}

export async function activateAgreement(db: Db, viewer: Viewer, input: { agreementId: string; expectedVersion?: number | null }, clock: Clock) {
  requireRole(viewer, MANAGERS);
  return mutate(db, async (tx): Promise<Result<AgreementRecord>> => {
    const a = await lockAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return notFound();
    const s = stale(input.expectedVersion, a);
    if (s) return s;
    if (a.status !== "DRAFT") return userError(E.AGREEMENT_NOT_DRAFT, `Agreement ${a.number} is already ${a.status.toLowerCase()}.`);
    await tx.update(agreements).set({ activatedAt: new Date() }).where(eq(agreements.id, a.id));
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, { action: "agreement.activate", objectType: "Agreement", objectId: a.id, organisationId: a.customerId });
    return ok((await lockAgreement(tx, viewer, a.id, clock))!);
  });
}

export interface RenewInput {
  agreementId: string;
  endsOn: IsoDate;
  carryOverRentals: boolean;
  expectedVersion?: number | null;
}

/** A new period from the day after the current end; earlier periods stay as history. */
export async function renewAgreement(db: Db, viewer: Viewer, input: RenewInput, clock: Clock) {
  requireRole(viewer, MANAGERS);
  return mutate(db, async (tx): Promise<Result<AgreementRecord>> => {
    const a = await lockAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return notFound();
    const s = stale(input.expectedVersion, a);
    if (s) return s;
    if (a.status === "DRAFT" || a.status === "TERMINATED") {
      return userError(E.AGREEMENT_NOT_RENEWABLE, `A ${a.status.toLowerCase()} agreement cannot be renewed.`);
    }
    const startsOn = addDaysIso(a.endsOn, 1);
    if (input.endsOn < startsOn) {
      return userError(E.INVALID_DATE_RANGE, `The new period starts on ${startsOn}; it must end on or after that.`, ["input", "endsOn"]);
    }
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(agreementPeriods).where(eq(agreementPeriods.agreementId, a.id));
    await tx.insert(agreementPeriods).values({ agreementId: a.id, sequence: n + 1, startsOn, endsOn: input.endsOn });
    if (a.status === "EXPIRED") {
      // The add-ons lapsed with the agreement; they are ordered again, not revived silently.
      await tx
        .update(addOns)
        .set({ endedOn: a.endsOn, endReason: "AGREEMENT_EXPIRED" })
        .where(and(eq(addOns.agreementId, a.id), isNull(addOns.endedOn)));
    }
    let carried = 0;
    if (input.carryOverRentals) {
      const running = await tx
        .select()
        .from(licenceRentals)
        .where(and(eq(licenceRentals.agreementId, a.id), eq(licenceRentals.endsOn, a.endsOn), isNull(licenceRentals.endedOn)));
      for (const r of running) {
        await tx.insert(licenceRentals).values({
          agreementId: a.id,
          kind: r.kind,
          quantity: r.quantity,
          monthlyPriceMinor: r.monthlyPriceMinor,
          currency: r.currency,
          startsOn,
          endsOn: input.endsOn,
          carriedFromId: r.id,
        });
      }
      carried = running.length;
    }
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, {
      action: "agreement.renew",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
      details: { startsOn, endsOn: input.endsOn, carryOverRentals: input.carryOverRentals, rentalsCarried: carried },
    });
    return ok((await lockAgreement(tx, viewer, a.id, clock))!);
  });
}

export interface TerminateInput {
  agreementId: string;
  terminatesOn: IsoDate;
  reason: string;
  expectedVersion?: number | null;
}

/** Ends the agreement on a date; its rentals and add-ons end with it. */
export async function terminateAgreement(db: Db, viewer: Viewer, input: TerminateInput, clock: Clock) {
  requireRole(viewer, MANAGERS);
  const reason = input.reason.trim();
  if (!reason) return userError(E.INVALID_INPUT, "Say why the agreement is terminated.", ["input", "reason"]);
  return mutate(db, async (tx): Promise<Result<AgreementRecord>> => {
    const a = await lockAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return notFound();
    const s = stale(input.expectedVersion, a);
    if (s) return s;
    if (!isValid(a.status)) return userError(E.AGREEMENT_NOT_ACTIVE, `A ${a.status.toLowerCase()} agreement cannot be terminated.`);
    if (input.terminatesOn < a.startsOn || input.terminatesOn > a.endsOn) {
      return userError(E.OUTSIDE_AGREEMENT_PERIOD, `The termination date must lie within ${a.startsOn} – ${a.endsOn}.`, ["input", "terminatesOn"]);
    }
    await tx.update(agreements).set({ terminatedOn: input.terminatesOn, terminationReason: reason }).where(eq(agreements.id, a.id));
    await tx
      .update(licenceRentals)
      .set({ endedOn: input.terminatesOn })
      .where(and(eq(licenceRentals.agreementId, a.id), isNull(licenceRentals.endedOn), sql`${licenceRentals.endsOn} > ${input.terminatesOn}::date`));
    await tx
      .update(addOns)
      .set({ endedOn: input.terminatesOn, endReason: "AGREEMENT_TERMINATED" })
      .where(and(eq(addOns.agreementId, a.id), isNull(addOns.endedOn)));
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, {
      action: "agreement.terminate",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
      details: { terminatesOn: input.terminatesOn, reason },
    });
    return ok((await lockAgreement(tx, viewer, a.id, clock))!);
  });
}

// ---- reading the parts of an agreement -------------------------------------------------------

export function listPeriods(db: DbOrTx, agreementId: string) {
  return db.select().from(agreementPeriods).where(eq(agreementPeriods.agreementId, agreementId)).orderBy(asc(agreementPeriods.sequence));
}

export function listPropertyIds(db: DbOrTx, agreementId: string) {
  return db.select({ id: agreementProperties.propertyId }).from(agreementProperties).where(eq(agreementProperties.agreementId, agreementId));
}

export function listHanteraAccounts(db: DbOrTx, agreementId: string) {
  return db.select().from(hanteraAccounts).where(eq(hanteraAccounts.agreementId, agreementId)).orderBy(asc(hanteraAccounts.createdAt), asc(hanteraAccounts.id));
}

export function listLicenceRentals(db: DbOrTx, agreementId: string) {
  return db.select().from(licenceRentals).where(eq(licenceRentals.agreementId, agreementId)).orderBy(desc(licenceRentals.startsOn), asc(licenceRentals.kind));
}

export function listAddOns(db: DbOrTx, agreementId: string) {
  return db.select().from(addOns).where(eq(addOns.agreementId, agreementId)).orderBy(desc(addOns.createdAt));
}

/** A rental counts today when it has begun, has not ended, and was not ended early. */
export function rentalIsActive(r: LicenceRentalRow, today: IsoDate): boolean {
  return r.startsOn <= today && today <= minDate(r.endsOn, r.endedOn);
}

/** An add-on runs while it is not ended and the agreement is valid: it never outlives the agreement. */
export function addOnIsActive(addOn: AddOnRow, agreement: AgreementRecord): boolean {
  return !addOn.endedOn && isValid(agreement.status);
}

export interface HanteraQuotaParts {
  quota: number;
  included: number;
  rented: number;
  used: number;
}

/** Quota = the tier's included accounts (a row of the tiers table) + active rented Hantera licences. */
export function quotaFrom(
  tier: { includedHanteraAccounts: number } | undefined,
  rentals: LicenceRentalRow[],
  accounts: HanteraAccountRow[],
  today: IsoDate,
): HanteraQuotaParts {
  const included = tier?.includedHanteraAccounts ?? 0;
  const rented = rentals.filter((r) => r.kind === "HANTERA" && rentalIsActive(r, today)).reduce((n, r) => n + r.quantity, 0);
  const used = accounts.filter((a) => !a.deactivatedAt).length;
  return { quota: included + rented, included, rented, used };
}

export async function hanteraQuota(db: DbOrTx, agreement: AgreementRecord, today: IsoDate): Promise<HanteraQuotaParts> {
  const [tier] = await db.select().from(tiers).where(eq(tiers.code, agreement.tier));
  const [rentals, accounts] = await Promise.all([listLicenceRentals(db, agreement.id), listHanteraAccounts(db, agreement.id)]);
  return quotaFrom(tier, rentals, accounts, today);
}

// ---- Hantera accounts -------------------------------------------------------------------------

export async function createHanteraAccount(db: Db, viewer: Viewer, input: { agreementId: string; name: string; email: string }, clock: Clock) {
  requireRole(viewer, BENEFIT_ACTORS);
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  if (!name) return userError(E.INVALID_INPUT, "Give the account holder's name.", ["input", "name"]);
  return mutate(db, async (tx): Promise<Result<HanteraAccountRow>> => {
    // The row lock makes concurrent creations wait for each other, so the count below is exact.
    const a = await lockAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return notFound();
    if (!isValid(a.status)) return userError(E.AGREEMENT_NOT_ACTIVE, `Agreement ${a.number} is ${a.status.toLowerCase()}; Hantera accounts need a valid agreement.`);
    const q = await hanteraQuota(tx, a, clock.today);
    if (q.used >= q.quota) {
      return userError(
        E.HANTERA_QUOTA_REACHED,
        `All ${q.quota} Hantera accounts of the agreement are in use (${q.included} included in the tier, ${q.rented} rented). Deactivate one or rent more Hantera licences.`,
      );
    }
    const [existing] = await tx
      .select({ id: hanteraAccounts.id })
      .from(hanteraAccounts)
      .where(and(eq(hanteraAccounts.agreementId, a.id), eq(hanteraAccounts.email, email), isNull(hanteraAccounts.deactivatedAt)));
    if (existing) return userError(E.HANTERA_ACCOUNT_EXISTS, `${email} already has an active Hantera account on this agreement.`, ["input", "email"]);
    const [row] = await tx.insert(hanteraAccounts).values({ agreementId: a.id, name, email }).returning();
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, { action: "hanteraAccount.create", objectType: "HanteraAccount", objectId: row!.id, organisationId: a.customerId, details: { agreementId: a.id, name, email } });
    return ok(row!);
  });
}

export async function deactivateHanteraAccount(db: Db, viewer: Viewer, input: { hanteraAccountId: string }, clock: Clock) {
  requireRole(viewer, BENEFIT_ACTORS);
  return mutate(db, async (tx): Promise<Result<HanteraAccountRow>> => {
    const [account] = await tx.select().from(hanteraAccounts).where(eq(hanteraAccounts.id, input.hanteraAccountId));
    const a = account && (await lockAgreement(tx, viewer, account.agreementId, clock));
    if (!account || !a) return userError(E.NOT_FOUND, "No such Hantera account.", ["input", "hanteraAccountId"]);
    if (account.deactivatedAt) return userError(E.ALREADY_DEACTIVATED, "The account is already deactivated.", ["input", "hanteraAccountId"]);
    const [row] = await tx.update(hanteraAccounts).set({ deactivatedAt: new Date() }).where(eq(hanteraAccounts.id, account.id)).returning();
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, { action: "hanteraAccount.deactivate", objectType: "HanteraAccount", objectId: account.id, organisationId: a.customerId, details: { agreementId: a.id, email: account.email } });
    return ok(row!);
  });
}

// ---- licence rentals --------------------------------------------------------------------------

export interface RentLicenceInput {
  agreementId: string;
  kind: LicenceKind;
  quantity: number;
  monthlyPriceMinor: number;
  currency: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

/** "Hyr istället för köp": rent licences during the period; the rental lies inside the current period. */
export async function rentLicence(db: Db, viewer: Viewer, input: RentLicenceInput, clock: Clock) {
  requireRole(viewer, BENEFIT_ACTORS);
  if (input.quantity < 1) return userError(E.INVALID_INPUT, "Rent at least one licence.", ["input", "quantity"]);
  if (input.monthlyPriceMinor < 0) return userError(E.INVALID_INPUT, "The monthly price cannot be negative.", ["input", "monthlyPrice"]);
  if (input.currency !== "SEK") return userError(E.INVALID_INPUT, "Prices are in SEK.", ["input", "monthlyPrice", "currency"]);
  if (input.endsOn < input.startsOn) return userError(E.INVALID_DATE_RANGE, "The rental must end on or after its start.", ["input", "endsOn"]);
  return mutate(db, async (tx): Promise<Result<LicenceRentalRow>> => {
    const a = await lockAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return notFound();
    const [tier] = await tx.select().from(tiers).where(eq(tiers.code, a.tier));
    if (!tier?.licenceRentals) return userError(E.LICENCE_RENTALS_NOT_IN_TIER, `The ${tier?.name ?? a.tier} tier does not include licence rentals.`);
    if (!isValid(a.status)) return userError(E.AGREEMENT_NOT_ACTIVE, `Agreement ${a.number} is ${a.status.toLowerCase()}; licences are rented during a valid agreement.`);
    const [period] = await tx
      .select()
      .from(agreementPeriods)
      .where(and(eq(agreementPeriods.agreementId, a.id), sql`${agreementPeriods.startsOn} <= ${input.startsOn}::date`, sql`${agreementPeriods.endsOn} >= ${input.endsOn}::date`));
    const end = effectiveEnd(a);
    if (!period || input.endsOn > end) {
      return userError(E.OUTSIDE_AGREEMENT_PERIOD, `A rental must lie inside one agreement period (the current one is ${a.startsOn} – ${end}).`, ["input", "startsOn"]);
    }
    const [row] = await tx
      .insert(licenceRentals)
      .values({ agreementId: a.id, kind: input.kind, quantity: input.quantity, monthlyPriceMinor: input.monthlyPriceMinor, currency: input.currency, startsOn: input.startsOn, endsOn: input.endsOn })
      .returning();
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, { action: "licenceRental.create", objectType: "LicenceRental", objectId: row!.id, organisationId: a.customerId, details: { ...input } });
    return ok(row!);
  });
}

export async function endLicenceRental(db: Db, viewer: Viewer, input: { licenceRentalId: string; endsOn?: IsoDate | null }, clock: Clock) {
  requireRole(viewer, BENEFIT_ACTORS);
  return mutate(db, async (tx): Promise<Result<LicenceRentalRow>> => {
    const [rental] = await tx.select().from(licenceRentals).where(eq(licenceRentals.id, input.licenceRentalId));
    const a = rental && (await lockAgreement(tx, viewer, rental.agreementId, clock));
    if (!rental || !a) return userError(E.NOT_FOUND, "No such licence rental.", ["input", "licenceRentalId"]);
    const endedOn = input.endsOn ?? clock.today;
    if (rental.endedOn || rental.endsOn < clock.today) return userError(E.ALREADY_ENDED, "The rental has already ended.", ["input", "licenceRentalId"]);
    if (endedOn < rental.startsOn || endedOn > rental.endsOn) {
      return userError(E.INVALID_DATE_RANGE, `The rental can end between ${rental.startsOn} and ${rental.endsOn}.`, ["input", "endsOn"]);
    }
    const [row] = await tx.update(licenceRentals).set({ endedOn }).where(eq(licenceRentals.id, rental.id)).returning();
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, { action: "licenceRental.end", objectType: "LicenceRental", objectId: rental.id, organisationId: a.customerId, details: { agreementId: a.id, endedOn } });
    return ok(row!);
  });
}

// ---- add-ons ----------------------------------------------------------------------------------

export async function orderAddOn(db: Db, viewer: Viewer, input: { agreementId: string; kind: AddOnKind; hostedServices?: string[] | null }, clock: Clock) {
  requireRole(viewer, ADD_ON_ACTORS);
  const services = [...new Set(input.hostedServices ?? [])];
  if (input.kind === "HOSTING" && services.length === 0) {
    return userError(E.INVALID_INPUT, "Choose the services to host: Bokning, Förbrukning, FDB, Aptusportal, Hantera.", ["input", "hostedServices"]);
  }
  if (input.kind === "MONITORING" && services.length > 0) return userError(E.INVALID_INPUT, "Monitoring has no hosted services.", ["input", "hostedServices"]);
  return mutate(db, async (tx): Promise<Result<AddOnRow>> => {
    const a = await lockAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return notFound();
    if (!isValid(a.status)) {
      return userError(E.AGREEMENT_REQUIRED, `${input.kind === "HOSTING" ? "Aptus Hosting" : "System monitoring"} requires a valid support agreement; ${a.number} is ${a.status.toLowerCase()}.`, ["input", "agreementId"]);
    }
    const [existing] = await tx.select({ id: addOns.id }).from(addOns).where(and(eq(addOns.agreementId, a.id), eq(addOns.kind, input.kind), isNull(addOns.endedOn)));
    if (existing) return userError(E.ADD_ON_ALREADY_ORDERED, `The agreement already has ${input.kind.toLowerCase()}.`, ["input", "kind"]);
    const [row] = await tx.insert(addOns).values({ agreementId: a.id, kind: input.kind, hostedServices: services, startsOn: clock.today }).returning();
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, { action: "addOn.order", objectType: "AddOn", objectId: row!.id, organisationId: a.customerId, details: { agreementId: a.id, kind: input.kind, hostedServices: services } });
    return ok(row!);
  });
}

export async function cancelAddOn(db: Db, viewer: Viewer, input: { addOnId: string }, clock: Clock) {
  requireRole(viewer, ADD_ON_ACTORS);
  return mutate(db, async (tx): Promise<Result<AddOnRow>> => {
    const [addOn] = await tx.select().from(addOns).where(eq(addOns.id, input.addOnId));
    const a = addOn && (await lockAgreement(tx, viewer, addOn.agreementId, clock));
    if (!addOn || !a) return userError(E.NOT_FOUND, "No such add-on.", ["input", "addOnId"]);
    if (addOn.endedOn) return userError(E.ALREADY_ENDED, "The add-on has already ended.", ["input", "addOnId"]);
    const [row] = await tx.update(addOns).set({ endedOn: clock.today, endReason: "CANCELLED" }).where(eq(addOns.id, addOn.id)).returning();
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, { action: "addOn.cancel", objectType: "AddOn", objectId: addOn.id, organisationId: a.customerId, details: { agreementId: a.id, kind: addOn.kind } });
    return ok(row!);
  });
}

// ---- what lapses ------------------------------------------------------------------------------

export type LapsedBenefit = "ANNUAL_VISIT" | "HANTERA_ACCOUNTS" | "LICENCE_RENTAL" | "HOSTING" | "MONITORING" | "LATEST_VERSIONS";

export interface LapseItem {
  benefit: LapsedBenefit;
  description: string;
  quantity: number | null;
  licenceKind: LicenceKind | null;
}

/** Item by item, what the customer loses if the agreement is not renewed by its end. */
export async function lapsePreview(db: DbOrTx, agreement: AgreementRecord, today: IsoDate): Promise<LapseItem[]> {
  if (agreement.status === "DRAFT" || agreement.status === "EXPIRED" || agreement.status === "TERMINATED") return [];
  const [tier] = await db.select().from(tiers).where(eq(tiers.code, agreement.tier));
  const items: LapseItem[] = [];
  const item = (benefit: LapsedBenefit, description: string, quantity: number | null = null, licenceKind: LicenceKind | null = null) =>
    items.push({ benefit, description, quantity, licenceKind });
  if (tier?.annualVisit) item("ANNUAL_VISIT", "The annual on-site support visit with its protocol.");
  const q = await hanteraQuota(db, agreement, today);
  if (q.used > 0) item("HANTERA_ACCOUNTS", `${q.used} Hantera account(s) in use lose their agreement (${q.included} included in the tier).`, q.used);
  for (const r of await listLicenceRentals(db, agreement.id)) {
    if (rentalIsActive(r, today) && !r.endedOn) item("LICENCE_RENTAL", `${r.quantity} rented ${r.kind.toLowerCase()} licence(s).`, r.quantity, r.kind);
  }
  for (const a of await listAddOns(db, agreement.id)) {
    if (addOnIsActive(a, agreement)) item(a.kind, a.kind === "HOSTING" ? `Aptus Hosting of ${a.hostedServices.join(", ")}.` : "24/7 system monitoring.");
  }
  if (tier?.latestVersions) item("LATEST_VERSIONS", "Updates to the latest versions of Multi-access, Hantera and Aptusportal.");
  return items;
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
