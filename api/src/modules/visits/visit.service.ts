import { and, asc, eq, gt, gte, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { tellPartnerOfVisit } from "./visit-webhook.js";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import {
  agreementProperties,
  agreements,
  serviceVisitBookings,
  serviceVisits,
  tiers,
  users,
} from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { boundedCount } from "../../shared/bounded-count.js";
import { paginateKeyset, type KeyValue, type PageRequest } from "../../shared/connection.js";
import { keysetOrder, type KeyColumn } from "../../shared/keyset-order.js";
import { todayInSweden, type IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { agreementScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { holds, type Viewer, requireRole } from "../../shared/viewer.js";
import { type AgreementRecord, effectiveEnd, findAgreement, isValid } from "../agreements/index.js";
import type { Clock } from "../../shared/clock.js";
import { planOf, tailoringOf } from "../tailoring/index.js";
import { VisitErrors as E } from "./visit.errors.js";
import { TECHNICIANS, VISIT_BOOKERS } from "./visit.roles.js";
import { mailVisitBooking } from "./visit-booking-mail.js";
import { matchVisits, proposedVisitDates, type Proposal } from "./visit-proposals.js";

export type ServiceVisitRow = typeof serviceVisits.$inferSelect;
export type BookingRow = typeof serviceVisitBookings.$inferSelect;

/** The Swedish calendar day of a visit. */
export function visitDay(v: Pick<ServiceVisitRow, "scheduledAt">): IsoDate {
  return todayInSweden(v.scheduledAt);
}

/** Where a visit stands, derived every time from its time and completion; the GraphQL enum is made from this list. */
export const SERVICE_VISIT_STATES = ["BOOKED", "OVERDUE", "COMPLETED", "CANCELLED"] as const;

/** Past its time and neither completed nor called off: the brochure promises the visit, so a missed one must show. */
export function isOverdue(v: Pick<ServiceVisitRow, "scheduledAt" | "completedAt" | "cancelledAt">, now: Date): boolean {
  return !v.completedAt && !v.cancelledAt && v.scheduledAt.getTime() < now.getTime();
}

export interface LoadedVisit {
  visit: ServiceVisitRow;
  agreement: AgreementRecord;
}

/** A visit is seen by whoever sees its agreement (the tenant scope of agreements applies). */
export async function findVisit(db: DbOrTx, viewer: Viewer, id: string, clock: Clock): Promise<LoadedVisit | null> {
  const [visit] = await db.select().from(serviceVisits).where(eq(serviceVisits.id, id));
  const agreement = visit && (await findAgreement(db, viewer, visit.agreementId, clock));
  return visit && agreement ? { visit, agreement } : null;
}

/** Loads and locks the visit for a change, so two writers to one protocol queue. */
export async function lockVisit(tx: Tx, viewer: Viewer, id: string, clock: Clock): Promise<LoadedVisit | null> {
  const [visit] = await tx.select().from(serviceVisits).where(eq(serviceVisits.id, id)).for("update");
  const agreement = visit && (await findAgreement(tx, viewer, visit.agreementId, clock));
  return visit && agreement ? { visit, agreement } : null;
}

export async function bumpVisit(
  tx: Tx,
  visit: ServiceVisitRow,
  patch: Partial<ServiceVisitRow> = {},
): Promise<ServiceVisitRow> {
  const [row] = await tx
    .update(serviceVisits)
    .set({ ...patch, version: visit.version + 1 })
    .where(eq(serviceVisits.id, visit.id))
    .returning();
  return row!;
}

/** The visits that answer a proposal: a cancelled one does not, so its year is proposed again. */
function visitsOfAgreement(db: DbOrTx, agreementId: string) {
  return db
    .select()
    .from(serviceVisits)
    .where(and(eq(serviceVisits.agreementId, agreementId), isNull(serviceVisits.cancelledAt)))
    .orderBy(asc(serviceVisits.scheduledAt));
}

export function bookingsOf(db: DbOrTx, visitId: string) {
  return db
    .select()
    .from(serviceVisitBookings)
    .where(eq(serviceVisitBookings.visitId, visitId))
    .orderBy(asc(serviceVisitBookings.changedAt), asc(serviceVisitBookings.id));
}

/** Whether the agreement's tier includes the annual visit (a row of the tiers table: 500+ does, BRF not). */
export async function tierIncludesVisit(db: DbOrTx, agreement: AgreementRecord): Promise<boolean> {
  const [tier] = await db.select({ annualVisit: tiers.annualVisit }).from(tiers).where(eq(tiers.code, agreement.tier));
  return !!tier?.annualVisit;
}

/** The annual visits proposed for an agreement, each with the visit that answers it; none for a tier without visits. */
export async function visitProposals(db: DbOrTx, agreement: AgreementRecord): Promise<Proposal[]> {
  if (!(await tierIncludesVisit(db, agreement))) return [];
  const tailoring = await tailoringOf(db, agreement.id);
  const plan = tailoring && (await planOf(db, tailoring.id));
  if (!plan?.endOn) return [];
  const visits = await visitsOfAgreement(db, agreement.id);
  return matchVisits(
    proposedVisitDates(plan.endOn, effectiveEnd(agreement)),
    visits.map((v) => ({ id: v.id, on: visitDay(v) })),
  );
}

export interface BookingInput {
  scheduledAt: Date;
  technicianId: string;
}

/** The rules every booking and rebooking share: inside the period, a vendor technician. */
export async function checkBooking(
  tx: Tx,
  agreement: AgreementRecord,
  input: BookingInput,
): Promise<{ errors: ReturnType<typeof userError>["errors"] } | null> {
  const day = todayInSweden(input.scheduledAt);
  const end = effectiveEnd(agreement);
  if (Number.isNaN(input.scheduledAt.getTime()) || day < agreement.startsOn || day > end) {
    return userError(
      E.OUTSIDE_AGREEMENT_PERIOD,
      `The visit must lie within the agreement period, ${agreement.startsOn} – ${end}.`,
      ["input", "scheduledAt"],
    );
  }
  const [tech] = await tx.select().from(users).where(eq(users.id, input.technicianId));
  if (!tech || !holds(tech, TECHNICIANS)) {
    return userError(
      E.INVALID_TECHNICIAN,
      "The technician must be one of the vendor's support staff (SUPPORT or ADMIN).",
      ["input", "technicianId"],
    );
  }
  return null;
}

/**
 * The rules every new booking shares, in the caller's transaction: a tier with a visit, a valid
 * agreement, a covered property, a time in the period and a vendor technician. Booked directly by
 * staff, or by the customer accepting one of the proposed times (visit-proposal.service.ts).
 */
export async function bookVisit(
  tx: Tx,
  viewer: Viewer,
  agreement: AgreementRecord,
  input: BookingInput & { propertyId: string },
): Promise<Result<ServiceVisitRow>> {
  const bad = await bookingProblem(tx, agreement, input);
  if (bad) return bad;
  const [visit] = await tx
    .insert(serviceVisits)
    .values({
      agreementId: agreement.id,
      propertyId: input.propertyId,
      technicianId: input.technicianId,
      scheduledAt: input.scheduledAt,
      bookedById: viewer.userId,
    })
    .returning();
  await tx.insert(serviceVisitBookings).values({
    visitId: visit!.id,
    scheduledAt: input.scheduledAt,
    technicianId: input.technicianId,
    changedById: viewer.userId,
  });
  await recordAudit(tx, viewer, {
    action: "serviceVisit.schedule",
    objectType: "ServiceVisit",
    objectId: visit!.id,
    organisationId: agreement.customerId,
    details: { scheduledAt: input.scheduledAt.toISOString() },
  });
  await tellPartnerOfVisit(tx, visit!, agreement, "VISIT_BOOKED", "BOOKED");
  await mailVisitBooking(tx, visit!, agreement, null);
  return ok(visit!);
}

/** Why the agreement cannot have this visit booked, or null when it can. */
export async function bookingProblem(
  tx: Tx,
  agreement: AgreementRecord,
  input: BookingInput & { propertyId: string },
): Promise<{ errors: ReturnType<typeof userError>["errors"] } | null> {
  if (!(await tierIncludesVisit(tx, agreement))) {
    return userError(E.VISIT_NOT_IN_TIER, `The ${agreement.tier} tier does not include an annual support visit.`, [
      "input",
      "agreementId",
    ]);
  }
  if (!isValid(agreement.status))
    return userError(E.AGREEMENT_NOT_ACTIVE, `Agreement ${agreement.number} is ${agreement.status.toLowerCase()}.`, [
      "input",
      "agreementId",
    ]);
  const [covered] = await tx
    .select()
    .from(agreementProperties)
    .where(
      and(eq(agreementProperties.agreementId, agreement.id), eq(agreementProperties.propertyId, input.propertyId)),
    );
  if (!covered)
    return userError(E.PROPERTY_NOT_IN_AGREEMENT, "The property is not covered by this agreement.", [
      "input",
      "propertyId",
    ]);
  return checkBooking(tx, agreement, input);
}

export async function scheduleServiceVisit(
  db: Db,
  viewer: Viewer,
  input: BookingInput & { agreementId: string; propertyId: string },
  clock: Clock,
): Promise<Result<ServiceVisitRow>> {
  requireRole(viewer, VISIT_BOOKERS);
  return mutate(db, async (tx) => {
    const agreement = await findAgreement(tx, viewer, input.agreementId, clock);
    if (!agreement) return userError(E.NOT_FOUND, "No such agreement.", ["input", "agreementId"]);
    return bookVisit(tx, viewer, agreement, input);
  });
}

export async function rescheduleServiceVisit(
  db: Db,
  viewer: Viewer,
  input: {
    visitId: string;
    scheduledAt: Date;
    technicianId?: string | null;
    reason?: string | null;
    expectedVersion: number;
  },
  clock: Clock,
  now: Date,
): Promise<Result<ServiceVisitRow>> {
  requireRole(viewer, VISIT_BOOKERS);
  // A visit is moved to when it will happen; one that took place is recorded, not booked afterwards.
  if (input.scheduledAt.getTime() <= now.getTime())
    return userError(E.TIME_IN_PAST, "A visit can only be moved to a time ahead.", ["input", "scheduledAt"]);
  return mutate(db, async (tx) => {
    const loaded = await lockVisit(tx, viewer, input.visitId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such service visit.", ["input", "visitId"]);
    const { visit } = loaded;
    const stuck = unmovable(visit);
    if (stuck) return stuck;
    if (input.expectedVersion !== visit.version)
      return userError(E.STALE_VERSION, "The visit has changed since you read it; reload and try again.", [
        "input",
        "expectedVersion",
      ]);
    const booking = { scheduledAt: input.scheduledAt, technicianId: input.technicianId ?? visit.technicianId };
    return moveVisit(tx, viewer, loaded, booking, input.reason?.trim() || null);
  });
}

/** Why a visit cannot be moved (or get new times offered): it took place, or it was called off. */
export function unmovable(visit: ServiceVisitRow): { errors: ReturnType<typeof userError>["errors"] } | null {
  if (visit.completedAt)
    return userError(E.VISIT_COMPLETED, "The visit is completed; it cannot be moved.", ["input", "visitId"]);
  if (visit.cancelledAt)
    return userError(E.VISIT_CANCELLED, "The visit was cancelled; book a new one.", ["input", "visitId"]);
  return null;
}

/**
 * Moves a booked visit, locked by the caller: a booking row (the count of which is the calendar event's SEQUENCE), the
 * new time, the mail whose `.ics` updates the event the calendars already hold, the audit and the partner's webhook.
 * Staff moving it (rescheduleServiceVisit) and the customer accepting new times (decision 0093) both come here.
 */
export async function moveVisit(
  tx: Tx,
  viewer: Viewer,
  { visit, agreement }: LoadedVisit,
  booking: BookingInput,
  reason: string | null,
): Promise<Result<ServiceVisitRow>> {
  const stuck = unmovable(visit);
  if (stuck) return stuck;
  const bad = await checkBooking(tx, agreement, booking);
  if (bad) return bad;
  await tx.insert(serviceVisitBookings).values({ visitId: visit.id, ...booking, reason, changedById: viewer.userId });
  const row = await bumpVisit(tx, visit, booking);
  await mailVisitBooking(tx, row, agreement, reason);
  await recordAudit(tx, viewer, {
    action: "serviceVisit.reschedule",
    objectType: "ServiceVisit",
    objectId: visit.id,
    organisationId: agreement.customerId,
    details: { from: visit.scheduledAt.toISOString(), to: booking.scheduledAt.toISOString(), reason },
  });
  await tellPartnerOfVisit(tx, row, agreement, "VISIT_BOOKED", "RESCHEDULED");
  return ok(row);
}

export interface VisitFilter {
  overdue?: boolean | null;
  upcoming?: boolean | null;
  done?: boolean | null;
  agreementId?: string | null;
  updatedSince?: Date | null;
}

/** The visit calendar: every visit the viewer's agreements have, by time; the filters are ORed states. */
export async function listServiceVisits(db: Db, viewer: Viewer, filter: VisitFilter, page: PageRequest, now: Date) {
  const states: SQL[] = [];
  const scope = agreementScope(viewer);
  const open = and(isNull(serviceVisits.completedAt), isNull(serviceVisits.cancelledAt));
  if (filter.overdue) states.push(and(open, lt(serviceVisits.scheduledAt, now))!);
  if (filter.upcoming) states.push(and(open, gte(serviceVisits.scheduledAt, now))!);
  if (filter.done) states.push(isNotNull(serviceVisits.completedAt));
  const where = and(
    scope,
    filter.agreementId ? eq(serviceVisits.agreementId, filter.agreementId) : undefined,
    states.length === 0 ? undefined : or(...states),
    filter.updatedSince ? visitChangedSince(filter.updatedSince, now) : undefined,
  );
  const order = filter.done && !filter.upcoming && !filter.overdue ? LATEST_FIRST : EARLIEST_FIRST;
  return paginateKeyset(
    page,
    order.sortKey,
    () =>
      boundedCount(
        db,
        // Staff see every agreement, and every visit has one: their count reads the visits alone, where the join
        // read every agreement (issue 23: 100,000 of them for support's count of overdue visits).
        scope
          ? sql`${serviceVisits} inner join ${agreements} on ${agreements.id} = ${serviceVisits.agreementId}`
          : serviceVisits,
        where,
      ),
    async (window) => ({
      rows: await db
        .select({ visit: serviceVisits, cursorKey: order.cursorKey })
        .from(serviceVisits)
        .innerJoin(agreements, eq(agreements.id, serviceVisits.agreementId))
        .where(and(where, order.within(window)))
        .orderBy(...order.orderBy(window))
        .limit(window.limit),
      totalCount: null,
      bounded: true,
    }),
    (r) => r.visit,
  );
}

/** The calendar's order, by the index on (scheduled_at, id); done visits alone are shown latest first. */
type VisitKeyRow = { visit: ServiceVisitRow; cursorKey: KeyValue[] };
const VISIT_TIME: KeyColumn[] = [
  { sql: serviceVisits.scheduledAt, part: "timestamp" },
  { sql: serviceVisits.id, part: "uuid" },
];
const EARLIEST_FIRST = keysetOrder<VisitKeyRow>(VISIT_TIME, "asc");
const LATEST_FIRST = keysetOrder<VisitKeyRow>(VISIT_TIME, "desc");

/** A visit to read again since `since`: written since then, or become overdue (its time passed, not completed). */
function visitChangedSince(since: Date, now: Date): SQL {
  return or(
    gt(serviceVisits.updatedAt, since),
    and(isNull(serviceVisits.completedAt), gt(serviceVisits.scheduledAt, since), lt(serviceVisits.scheduledAt, now)),
  )!;
}
