import { asc, eq, gte, lte, and } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { supportCalendarExceptions, supportCalendarRevision, supportOpeningHours } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { todayInSweden, type IsoDate } from "../../shared/dates.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { SupportCalendar, type CalendarException } from "./support-calendar.js";
import { SupportErrors } from "./support.errors.js";
import { CALENDAR_KEEPERS } from "./support.roles.js";

/** The years precomputed up front; others are added when asked for. */
function yearsInUse(now: Date): { first: number; last: number } {
  const year = Number(todayInSweden(now).slice(0, 4));
  return { first: year - 1, last: year + 2 };
}

async function loadCalendar(db: DbOrTx, proposed?: CalendarException): Promise<SupportCalendar> {
  const rules = await db.select().from(supportOpeningHours);
  const stored = await db.select().from(supportCalendarExceptions);
  const exceptions = proposed ? [...stored.filter((e) => e.date !== proposed.date), proposed] : stored;
  return new SupportCalendar(rules, exceptions, yearsInUse(new Date()));
}

/** The calendar as it would be with `proposed` saved (replacing that date's exception); never cached. */
export function calendarWithException(db: DbOrTx, proposed: CalendarException): Promise<SupportCalendar> {
  return loadCalendar(db, proposed);
}

/**
 * One precomputed calendar per database and rules revision. Several API processes may run: each
 * reads the one-row revision (bumped by a trigger on every change to hours or exceptions) and
 * rebuilds when it moved, so a closed day added through any process is seen by all at once.
 */
const cache = new WeakMap<object, { revision: number; calendar: Promise<SupportCalendar> }>();

export async function supportCalendar(db: Db): Promise<SupportCalendar> {
  const [row] = await db
    .select({ revision: supportCalendarRevision.revision })
    .from(supportCalendarRevision)
    .where(eq(supportCalendarRevision.id, 1));
  const revision = row?.revision ?? 0;
  const hit = cache.get(db);
  if (hit && hit.revision === revision) return hit.calendar;
  // The revision is read before the rules, so the cached rules are at least as new as it says.
  const calendar = loadCalendar(db);
  cache.set(db, { revision, calendar });
  calendar.catch(() => cache.delete(db));
  return calendar;
}

/** Inside a transaction that changed the rules: its own view, never cached (it may roll back). */
export function supportCalendarIn(tx: Tx): Promise<SupportCalendar> {
  return loadCalendar(tx);
}

export async function listCalendarExceptions(db: DbOrTx, from: IsoDate, to: IsoDate) {
  return db
    .select()
    .from(supportCalendarExceptions)
    .where(and(gte(supportCalendarExceptions.date, from), lte(supportCalendarExceptions.date, to)))
    .orderBy(asc(supportCalendarExceptions.date));
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface CalendarExceptionInput {
  date: IsoDate;
  opensAt?: string | null;
  closesAt?: string | null;
  reason: string;
}

/** What a valid exception is: a reason, and either no times (closed) or one slot that ends after it starts. */
export function checkException(input: CalendarExceptionInput): Result<CalendarException> {
  const reason = input.reason.trim();
  if (!reason)
    return userError(SupportErrors.REASON_REQUIRED, "Say why support is closed or open at other hours that day.", [
      "input",
      "reason",
    ]);
  const opensAt = input.opensAt ?? null;
  const closesAt = input.closesAt ?? null;
  if ((opensAt === null) !== (closesAt === null)) {
    return userError(
      SupportErrors.INVALID_OPENING_TIMES,
      "Give both opening and closing time for changed hours, or neither for a closed day.",
      ["input", opensAt === null ? "opensAt" : "closesAt"],
    );
  }
  if (opensAt !== null && closesAt !== null && (!CLOCK.test(opensAt) || !CLOCK.test(closesAt) || closesAt <= opensAt)) {
    return userError(
      SupportErrors.INVALID_OPENING_TIMES,
      "Times are HH:MM in Swedish time, and closing comes after opening.",
      ["input", "closesAt"],
    );
  }
  return ok({ date: input.date, opensAt, closesAt, reason });
}

export type CalendarExceptionRow = typeof supportCalendarExceptions.$inferSelect;

/**
 * Adds or changes the exception of one date (admins only), in the caller's transaction so that the
 * deadlines recomputed from it land together with it.
 */
export async function setCalendarException(
  tx: Tx,
  viewer: Viewer,
  input: CalendarExceptionInput,
): Promise<Result<CalendarExceptionRow>> {
  requireRole(viewer, CALENDAR_KEEPERS);
  const checked = checkException(input);
  if ("errors" in checked) return checked;
  const e = checked.ok;
  const [row] = await tx
    .insert(supportCalendarExceptions)
    .values({ date: e.date, opensAt: e.opensAt, closesAt: e.closesAt, reason: e.reason, createdBy: viewer.userId })
    .onConflictDoUpdate({
      target: supportCalendarExceptions.date,
      set: {
        opensAt: e.opensAt,
        closesAt: e.closesAt,
        reason: e.reason,
        createdBy: viewer.userId,
        updatedAt: new Date(),
      },
    })
    .returning();
  await recordAudit(tx, viewer, {
    action: "supportCalendarExceptionSet",
    objectType: "SupportCalendarException",
    objectId: row!.id,
    details: { ...e },
  });
  return ok(row!);
}

export async function removeCalendarException(
  tx: Tx,
  viewer: Viewer,
  date: IsoDate,
): Promise<Result<CalendarExceptionRow>> {
  requireRole(viewer, CALENDAR_KEEPERS);
  const [row] = await tx.delete(supportCalendarExceptions).where(eq(supportCalendarExceptions.date, date)).returning();
  if (!row) return userError(SupportErrors.NOT_FOUND, "No exception on that date.", ["input", "date"]);
  await recordAudit(tx, viewer, {
    action: "supportCalendarExceptionRemoved",
    objectType: "SupportCalendarException",
    objectId: row.id,
    details: { date, reason: row.reason },
  });
  return ok(row);
}
