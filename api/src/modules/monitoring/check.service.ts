import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { monitoringChecks, properties } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { todayInSweden } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { propertyScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { isVendorStaff, requireRole, type Viewer } from "../../shared/viewer.js";
import { factsOf, storeStep, type CheckKind, type CheckRow } from "./check-records.js";
import { DEFAULT_TIME_ZONE, scheduleProblem, validTimeZone, type CheckSchedule } from "./check-schedule.js";
import { applyCheckEvent, newCheckFacts, resettle } from "./check-state.js";
import { monitoringAgreement } from "./monitoring-coverage.js";
import { MonitoringErrors as E } from "./monitoring.errors.js";
import { CHECK_MANAGERS } from "./monitoring.roles.js";
import { newPingKey } from "./ping-key.js";

/** Checks of properties the viewer may see: the property decides, so no check leaks past its tenant. */
export function checkScope(v: Viewer): SQL | undefined {
  if (isVendorStaff(v)) return undefined;
  return inArray(
    monitoringChecks.propertyId,
    sql`(select ${properties.id} from ${properties} where ${propertyScope(v)})`,
  );
}

export async function findCheck(db: DbOrTx, viewer: Viewer, id: string): Promise<CheckRow | null> {
  const [row] = await db
    .select()
    .from(monitoringChecks)
    .where(and(eq(monitoringChecks.id, id), checkScope(viewer)));
  return row ?? null;
}

export interface CheckSettings {
  name: string;
  periodSeconds?: number | null;
  cronExpression?: string | null;
  timeZone?: string | null;
  graceSeconds: number;
  runGraceSeconds?: number | null;
  failureThreshold?: number | null;
  successThreshold?: number | null;
}

/** A run may take an hour unless the check says otherwise. */
const DEFAULT_RUN_GRACE_SECONDS = 3600;

/** The settings read and checked, or the userError saying which one is wrong. */
function readSettings(
  kind: CheckKind,
  s: CheckSettings,
  now: Date,
): Result<
  Omit<
    typeof monitoringChecks.$inferInsert,
    "customerId" | "propertyId" | "agreementId" | "kind" | "pingKeyPrefix" | "pingKeyHash"
  >
> {
  const name = s.name.trim();
  if (!name || name.length > 120)
    return userError(E.INVALID_INPUT, "Name the check in 1–120 characters.", ["input", "name"]);
  const heartbeat = kind === "HEARTBEAT";
  if (heartbeat && (s.periodSeconds == null || s.cronExpression))
    return userError(E.INVALID_SCHEDULE, "A heartbeat has a period and no cron expression.", [
      "input",
      "periodSeconds",
    ]);
  if (!heartbeat && (!s.cronExpression || s.periodSeconds != null))
    return userError(E.INVALID_SCHEDULE, "A job has a cron expression and no period.", ["input", "cronExpression"]);
  const timeZone = s.timeZone?.trim() || DEFAULT_TIME_ZONE;
  const schedule: CheckSchedule = heartbeat
    ? { kind: "PERIOD", periodSeconds: s.periodSeconds! }
    : { kind: "CRON", expression: s.cronExpression!.trim(), timeZone };
  const problem = scheduleProblem(schedule, now);
  if (problem) {
    const field = heartbeat ? "periodSeconds" : validTimeZone(timeZone) ? "cronExpression" : "timeZone";
    return userError(E.INVALID_SCHEDULE, problem, ["input", field]);
  }
  const runGraceSeconds = s.runGraceSeconds ?? DEFAULT_RUN_GRACE_SECONDS;
  if (!Number.isInteger(s.graceSeconds) || s.graceSeconds < 0 || s.graceSeconds > 7 * 86_400)
    return userError(E.INVALID_INPUT, "The grace is whole seconds from 0 to a week.", ["input", "graceSeconds"]);
  if (!Number.isInteger(runGraceSeconds) || runGraceSeconds < 60 || runGraceSeconds > 7 * 86_400)
    return userError(E.INVALID_INPUT, "The run grace is whole seconds from a minute to a week.", [
      "input",
      "runGraceSeconds",
    ]);
  const facts = newCheckFacts({
    schedule,
    graceSeconds: s.graceSeconds,
    runGraceSeconds,
    failureThreshold: s.failureThreshold ?? undefined,
    successThreshold: s.successThreshold ?? undefined,
  });
  for (const [field, value] of [
    ["failureThreshold", facts.failureThreshold],
    ["successThreshold", facts.successThreshold],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 10)
      return userError(E.INVALID_INPUT, "A threshold is a whole number from 1 to 10.", ["input", field]);
  }
  return ok({
    name,
    periodSeconds: heartbeat ? s.periodSeconds! : null,
    cronExpression: heartbeat ? null : schedule.kind === "CRON" ? schedule.expression : null,
    timeZone,
    graceSeconds: s.graceSeconds,
    runGraceSeconds,
    failureThreshold: facts.failureThreshold,
    successThreshold: facts.successThreshold,
  });
}

/** A new check and its ping key, which is shown this once. */
export interface CheckWithKey {
  check: CheckRow;
  pingKey: string;
}

export async function createCheck(
  db: Db,
  viewer: Viewer,
  input: CheckSettings & { propertyId: string; kind: CheckKind },
  now: Date,
): Promise<Result<CheckWithKey>> {
  requireRole(viewer, CHECK_MANAGERS);
  return mutate(db, async (tx) => {
    const [property] = await tx
      .select({ id: properties.id, customerId: properties.customerId })
      .from(properties)
      .where(and(eq(properties.id, input.propertyId), propertyScope(viewer)));
    if (!property) return userError(E.NOT_FOUND, "No such property.", ["input", "propertyId"]);
    const settings = readSettings(input.kind, input, now);
    if ("errors" in settings) return settings;
    const agreement = await monitoringAgreement(tx, property.id, todayInSweden(now));
    if (!agreement)
      return userError(
        E.MONITORING_NOT_COVERED,
        "The property has no valid agreement with Systemövervakning or Aptus Hosting.",
        ["input", "propertyId"],
      );
    const key = newPingKey();
    const [check] = await tx
      .insert(monitoringChecks)
      .values({
        ...settings.ok,
        customerId: property.customerId,
        propertyId: property.id,
        agreementId: agreement.id,
        kind: input.kind,
        pingKeyPrefix: key.prefix,
        pingKeyHash: key.hash,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, viewer, {
      action: "monitoringCheck.create",
      objectType: "MonitoringCheck",
      objectId: check!.id,
      organisationId: property.customerId,
      details: { kind: input.kind, name: check!.name, agreementId: agreement.id },
    });
    return ok({ check: check!, pingKey: key.key });
  });
}

/** Locks a check the viewer may manage, or answers NOT_FOUND exactly as for a missing one. */
async function lockCheck(tx: DbOrTx, viewer: Viewer, id: string): Promise<CheckRow | null> {
  const [row] = await tx
    .select()
    .from(monitoringChecks)
    .where(and(eq(monitoringChecks.id, id), checkScope(viewer)))
    .for("update");
  return row ?? null;
}

const notFound = () => userError(E.NOT_FOUND, "No such monitoring check.", ["input", "checkId"]);

/**
 * Changes a check's name, schedule, graces or thresholds. The state is kept and the deadline follows
 * the new settings at once (check-state.ts `resettle`): a heartbeat moved from five minutes to a day
 * is not judged late by the old period, and a longer grace holds off a DOWN it would have meant.
 */
export async function updateCheck(
  db: Db,
  viewer: Viewer,
  input: CheckSettings & { checkId: string },
  now: Date,
): Promise<Result<CheckRow>> {
  requireRole(viewer, CHECK_MANAGERS);
  return mutate(db, async (tx) => {
    const row = await lockCheck(tx, viewer, input.checkId);
    if (!row) return notFound();
    const settings = readSettings(row.kind, input, now);
    if ("errors" in settings) return settings;
    const [changed] = await tx
      .update(monitoringChecks)
      .set({ ...settings.ok, updatedAt: now })
      .where(eq(monitoringChecks.id, row.id))
      .returning();
    const { row: updated } = await storeStep(
      tx,
      changed!,
      { facts: resettle(factsOf(changed!), changed!.lastPingAt, now), flips: [] },
      now,
    );
    await recordAudit(tx, viewer, {
      action: "monitoringCheck.update",
      objectType: "MonitoringCheck",
      objectId: row.id,
      organisationId: row.customerId,
      details: settings.ok,
    });
    return ok(updated!);
  });
}

/** A new ping key; the old one stops working at once. */
export async function rotatePingKey(db: Db, viewer: Viewer, input: { checkId: string }, now: Date) {
  requireRole(viewer, CHECK_MANAGERS);
  return mutate(db, async (tx): Promise<Result<CheckWithKey>> => {
    const row = await lockCheck(tx, viewer, input.checkId);
    if (!row) return notFound();
    const key = newPingKey();
    const [check] = await tx
      .update(monitoringChecks)
      .set({ pingKeyPrefix: key.prefix, pingKeyHash: key.hash, updatedAt: now })
      .where(eq(monitoringChecks.id, row.id))
      .returning();
    await recordAudit(tx, viewer, {
      action: "monitoringCheck.rotateKey",
      objectType: "MonitoringCheck",
      objectId: row.id,
      organisationId: row.customerId,
      details: { prefix: key.prefix },
    });
    return ok({ check: check!, pingKey: key.key });
  });
}

/** Pauses (no judging, no incidents) or resumes (waits for the next signal) a check by a person's choice. */
export async function setCheckPaused(
  db: Db,
  viewer: Viewer,
  input: { checkId: string; paused: boolean },
  now: Date,
): Promise<Result<CheckRow>> {
  requireRole(viewer, CHECK_MANAGERS);
  return mutate(db, async (tx) => {
    const row = await lockCheck(tx, viewer, input.checkId);
    if (!row) return notFound();
    if (input.paused && row.state === "PAUSED")
      return userError(E.CHECK_ALREADY_PAUSED, "The check is already paused.", ["input", "checkId"]);
    if (!input.paused && row.state !== "PAUSED")
      return userError(E.CHECK_NOT_PAUSED, "The check is not paused.", ["input", "checkId"]);
    if (
      !input.paused &&
      row.pauseCause === "NOT_COVERED" &&
      !(await monitoringAgreement(tx, row.propertyId, todayInSweden(now)))
    )
      return userError(
        E.MONITORING_NOT_COVERED,
        "The check was paused because no valid agreement with Systemövervakning or Aptus Hosting covers the property.",
        ["input", "checkId"],
      );
    const step = applyCheckEvent(factsOf(row), { type: input.paused ? "PAUSE" : "RESUME", at: now });
    const stored = await storeStep(tx, row, step, now, { pauseCause: input.paused ? "BY_USER" : null });
    await recordAudit(tx, viewer, {
      action: input.paused ? "monitoringCheck.pause" : "monitoringCheck.resume",
      objectType: "MonitoringCheck",
      objectId: row.id,
      organisationId: row.customerId,
      details: {},
    });
    return ok(stored.row);
  });
}
