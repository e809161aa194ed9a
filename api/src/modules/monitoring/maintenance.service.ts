import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { monitoringMaintenanceWindows as windows, properties } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { propertyScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { findCheck } from "./check.service.js";
import { DEFAULT_TIME_ZONE, nextCronRun, scheduleProblem } from "./check-schedule.js";
import { maintenanceScope, type MaintenanceWindowRow } from "./maintenance-queries.js";
import { currentOrNext } from "./maintenance-window.js";
import { MonitoringErrors as E } from "./monitoring.errors.js";
import { MAINTENANCE_PLANNERS } from "./monitoring.roles.js";

export interface MaintenanceInput {
  propertyId?: string | null;
  checkId?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  cronExpression?: string | null;
  durationSeconds?: number | null;
  reason: string;
}

const HOUR = 3600;
const DAY = 86_400;
/** A one-off window is work someone is doing; a week covers a move of the server, longer is a pause. */
const MAX_ONE_OFF_SECONDS = 7 * DAY;
/** How far ahead a window may be planned: the demand for it is known, the calendar a year out is not. */
const MAX_LEAD_SECONDS = 366 * DAY;
const MIN_DURATION = 5 * 60;
const MAX_DURATION = DAY;

type Plan = Pick<
  MaintenanceWindowRow,
  "startsAt" | "endsAt" | "cronExpression" | "durationSeconds" | "timeZone" | "reason"
>;

/**
 * The window read and checked. A window starts no earlier than it is planned: planning must not
 * rewrite history (uptime already reported, incidents already opened).
 */
function readPlan(input: MaintenanceInput, now: Date): Result<Plan> {
  const reason = input.reason.trim();
  if (!reason || reason.length > 500)
    return userError(E.INVALID_INPUT, "Say why, in 1–500 characters.", ["input", "reason"]);
  const startsAt = input.startsAt && +input.startsAt > +now ? input.startsAt : now;
  const endsAt = input.endsAt ?? null;
  if (endsAt && +endsAt <= +(input.startsAt ?? now))
    return userError(E.INVALID_WINDOW, "The window must end after it starts.", ["input", "endsAt"]);
  if (endsAt && +endsAt <= +now)
    return userError(E.WINDOW_IN_PAST, "The window would be over before it is planned.", ["input", "endsAt"]);
  if ((+startsAt - +now) / 1000 > MAX_LEAD_SECONDS)
    return userError(E.WINDOW_TOO_LONG, "A window starts within a year.", ["input", "startsAt"]);
  const expression = input.cronExpression?.trim();
  if (!expression) {
    if (input.durationSeconds != null)
      return userError(E.INVALID_DURATION, "A duration is for a recurring window with a cron expression.", [
        "input",
        "durationSeconds",
      ]);
    if (!endsAt) return userError(E.INVALID_WINDOW, "A one-off window needs its end.", ["input", "endsAt"]);
    if ((+endsAt - +startsAt) / 1000 > MAX_ONE_OFF_SECONDS)
      return userError(E.WINDOW_TOO_LONG, "A one-off window lasts at most 7 days.", ["input", "endsAt"]);
    return ok({ startsAt, endsAt, cronExpression: null, durationSeconds: null, timeZone: DEFAULT_TIME_ZONE, reason });
  }
  const duration = input.durationSeconds;
  if (duration == null || !Number.isInteger(duration) || duration < MIN_DURATION || duration > MAX_DURATION)
    return userError(E.INVALID_DURATION, "A recurring window lasts 5 minutes to 24 hours (in seconds).", [
      "input",
      "durationSeconds",
    ]);
  const problem = scheduleProblem({ kind: "CRON", expression, timeZone: DEFAULT_TIME_ZONE }, startsAt);
  if (problem) return userError(E.INVALID_SCHEDULE, problem, ["input", "cronExpression"]);
  if (!hourlyAtMost(expression, startsAt))
    return userError(E.INVALID_SCHEDULE, "A recurring window starts at most once an hour.", [
      "input",
      "cronExpression",
    ]);
  return ok({
    startsAt,
    endsAt,
    cronExpression: expression,
    durationSeconds: duration,
    timeZone: DEFAULT_TIME_ZONE,
    reason,
  });
}

/** Whether the next day's runs are an hour apart or more: a window every minute is a pause in disguise. */
function hourlyAtMost(expression: string, from: Date): boolean {
  let previous = nextCronRun(expression, DEFAULT_TIME_ZONE, from);
  for (let i = 0; previous && i < 25; i++) {
    const next = nextCronRun(expression, DEFAULT_TIME_ZONE, previous);
    if (!next) return true;
    if ((+next - +previous) / 1000 < HOUR) return false;
    previous = next;
  }
  return true;
}

const where = (input: MaintenanceInput) => (input.checkId ? "checkId" : "propertyId");

/** Plans maintenance of a property's installation or of one check the viewer may see. */
export async function scheduleMaintenance(
  db: Db,
  viewer: Viewer,
  input: MaintenanceInput,
  now: Date,
): Promise<Result<MaintenanceWindowRow>> {
  requireRole(viewer, MAINTENANCE_PLANNERS);
  if (!input.propertyId === !input.checkId)
    return userError(E.INVALID_INPUT, "Name either the installation's property or one check.", ["input", where(input)]);
  return mutate(db, async (tx) => {
    let target: { propertyId: string; customerId: string; checkId: string | null } | null = null;
    if (input.checkId) {
      const check = await findCheck(tx, viewer, input.checkId);
      target = check && { propertyId: check.propertyId, customerId: check.customerId, checkId: check.id };
    } else {
      const [property] = await tx
        .select({ id: properties.id, customerId: properties.customerId })
        .from(properties)
        .where(and(eq(properties.id, input.propertyId!), propertyScope(viewer)));
      target = property ? { propertyId: property.id, customerId: property.customerId, checkId: null } : null;
    }
    if (!target) return userError(E.NOT_FOUND, "No such installation or check.", ["input", where(input)]);
    const plan = readPlan(input, now);
    if ("errors" in plan) return plan;
    const [row] = await tx
      .insert(windows)
      .values({ ...plan.ok, ...target, createdByUserId: viewer.userId, createdAt: now })
      .returning();
    await recordAudit(tx, viewer, {
      action: "maintenanceWindow.schedule",
      objectType: "MaintenanceWindow",
      objectId: row!.id,
      organisationId: target.customerId,
      details: {
        propertyId: target.propertyId,
        checkId: target.checkId,
        startsAt: plan.ok.startsAt,
        endsAt: plan.ok.endsAt,
        cronExpression: plan.ok.cronExpression,
        durationSeconds: plan.ok.durationSeconds,
        reason: plan.ok.reason,
      },
    });
    return ok(row!);
  });
}

/**
 * Ends a window now: a running one stops at once (a check still down then opens its incident), one
 * not yet begun is cancelled. The row stays, as the record of what was planned.
 */
export async function endMaintenance(
  db: Db,
  viewer: Viewer,
  input: { maintenanceWindowId: string },
  now: Date,
): Promise<Result<MaintenanceWindowRow>> {
  requireRole(viewer, MAINTENANCE_PLANNERS);
  return mutate(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(windows)
      .where(and(eq(windows.id, input.maintenanceWindowId), maintenanceScope(viewer)))
      .for("update");
    if (!row) return userError(E.NOT_FOUND, "No such maintenance window.", ["input", "maintenanceWindowId"]);
    if (!currentOrNext(row, now))
      return userError(E.MAINTENANCE_ALREADY_ENDED, "The window is already over.", ["input", "maintenanceWindowId"]);
    const [ended] = await tx
      .update(windows)
      .set({ endedAt: now, endedByUserId: viewer.userId })
      .where(eq(windows.id, row.id))
      .returning();
    await recordAudit(tx, viewer, {
      action: "maintenanceWindow.end",
      objectType: "MaintenanceWindow",
      objectId: row.id,
      organisationId: row.customerId,
      details: { startedBeforeEnd: +row.startsAt <= +now },
    });
    return ok(ended!);
  });
}
