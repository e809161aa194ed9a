import { isReadableName } from "../../shared/text-rule.js";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import {
  actionItems,
  actionPlans,
  agreements,
  systemReviews,
  tailoringEvents,
  tailorings,
  users,
} from "../../db/schema/index.js";
import { paginate, type ConnectionArgs } from "../../shared/connection.js";
import type { IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { agreementScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { type Viewer, requireRole } from "../../shared/viewer.js";
import { findAgreement, isValid } from "../agreements/index.js";
import type { Clock } from "../../shared/clock.js";
import { queueMail } from "../notifications/index.js";
import { TAILORING_REQUESTED_MAIL } from "./tailoring.mails.js";
import { TailoringErrors as E } from "./tailoring.errors.js";
import { TAILORING_REQUESTERS, VENDOR_SIDE } from "./tailoring.roles.js";
import { stepIndex, stepsBetween, type TailoringStep } from "./tailoring-steps.js";
import {
  outOfOrder,
  lockTailoring,
  event,
  moveTo,
  type Loaded,
  type TailoringRow,
  type ActionPlanRow,
  type ActionItemRow,
  type ReviewArea,
} from "./tailoring-records.js";

export type {
  ActionItemRow,
  ActionPlanRow,
  Loaded,
  SystemReviewRow,
  TailoringEventRow,
  TailoringRow,
} from "./tailoring-records.js";

// ---- reading ----------------------------------------------------------------------------------

export async function tailoringOf(db: DbOrTx, agreementId: string): Promise<TailoringRow | null> {
  const [row] = await db.select().from(tailorings).where(eq(tailorings.agreementId, agreementId));
  return row ?? null;
}

export async function findTailoring(db: DbOrTx, viewer: Viewer, id: string, clock: Clock): Promise<Loaded | null> {
  const [tailoring] = await db.select().from(tailorings).where(eq(tailorings.id, id));
  const agreement = tailoring && (await findAgreement(db, viewer, tailoring.agreementId, clock));
  return tailoring && agreement ? { tailoring, agreement } : null;
}

export async function findActionPlan(
  db: DbOrTx,
  viewer: Viewer,
  id: string,
  clock: Clock,
): Promise<ActionPlanRow | null> {
  const [plan] = await db.select().from(actionPlans).where(eq(actionPlans.id, id));
  return plan && (await findTailoring(db, viewer, plan.tailoringId, clock)) ? plan : null;
}

export async function findActionItem(
  db: DbOrTx,
  viewer: Viewer,
  id: string,
  clock: Clock,
): Promise<ActionItemRow | null> {
  const [item] = await db.select().from(actionItems).where(eq(actionItems.id, id));
  return item && (await findActionPlan(db, viewer, item.actionPlanId, clock)) ? item : null;
}

export function historyOf(db: DbOrTx, tailoringId: string) {
  return db
    .select()
    .from(tailoringEvents)
    .where(eq(tailoringEvents.tailoringId, tailoringId))
    .orderBy(asc(tailoringEvents.occurredAt), asc(tailoringEvents.id));
}

export async function planOf(db: DbOrTx, tailoringId: string): Promise<ActionPlanRow | null> {
  const [row] = await db.select().from(actionPlans).where(eq(actionPlans.tailoringId, tailoringId));
  return row ?? null;
}

export function itemsOf(db: DbOrTx, actionPlanId: string) {
  return db
    .select()
    .from(actionItems)
    .where(eq(actionItems.actionPlanId, actionPlanId))
    .orderBy(asc(actionItems.position), asc(actionItems.createdAt));
}

/** Who the tailoring waits for now: the vendor's seller, the customer, or both. */
export function waitingOn(t: TailoringRow, plan: ActionPlanRow | null): ("VENDOR" | "CUSTOMER")[] {
  switch (t.currentStep) {
    case "REVIEW":
    case "ACTION_PLAN":
      return ["VENDOR"];
    case "PRIORITISATION":
      return plan?.prioritisedAt ? ["CUSTOMER"] : ["VENDOR", "CUSTOMER"];
    case "END_DATE": {
      const out: ("VENDOR" | "CUSTOMER")[] = [];
      if (!plan?.vendorAgreedById) out.push("VENDOR");
      if (!plan?.customerAgreedById) out.push("CUSTOMER");
      return out;
    }
    default:
      return [];
  }
}

export async function listTailorings(
  db: Db,
  viewer: Viewer,
  filter: { step?: TailoringStep | null; waitingOn?: "VENDOR" | "CUSTOMER" | null },
  page: ConnectionArgs,
) {
  const base = db
    .select({ tailoring: tailorings, plan: actionPlans })
    .from(tailorings)
    .innerJoin(agreements, eq(agreements.id, tailorings.agreementId))
    .leftJoin(actionPlans, eq(actionPlans.tailoringId, tailorings.id))
    .where(and(agreementScope(viewer), filter.step ? eq(tailorings.currentStep, filter.step) : undefined))
    .orderBy(asc(tailorings.createdAt));
  // The "waiting on" rule lives in one place (waitingOn); the lists are short, so it is applied here.
  const rows = (await base).filter(
    (r) => !filter.waitingOn || waitingOn(r.tailoring, r.plan).includes(filter.waitingOn),
  );
  return paginate(
    page,
    async () => rows.length,
    async (offset, limit) => rows.slice(offset, offset + limit),
    (r) => r.tailoring,
  );
}

// ---- step 1: contact your seller ------------------------------------------------------------

export async function requestTailoring(
  db: Db,
  viewer: Viewer,
  input: { agreementId: string; message?: string | null },
  clock: Clock,
): Promise<Result<TailoringRow>> {
  requireRole(viewer, TAILORING_REQUESTERS);
  return mutate(db, async (tx) => {
    const agreement = await findAgreement(tx, viewer, input.agreementId, clock);
    if (!agreement) return userError(E.NOT_FOUND, "No such agreement.", ["input", "agreementId"]);
    if (!isValid(agreement.status))
      return userError(
        E.AGREEMENT_NOT_ACTIVE,
        `Agreement ${agreement.number} is ${agreement.status.toLowerCase()}; tailoring needs a valid agreement.`,
      );
    await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, agreement.id)).for("update");
    if (await tailoringOf(tx, agreement.id))
      return userError(E.TAILORING_EXISTS, "A tailoring has already been started for this agreement.", [
        "input",
        "agreementId",
      ]);
    const message = input.message?.trim() || null;
    const [t] = await tx
      .insert(tailorings)
      .values({ agreementId: agreement.id, currentStep: "REVIEW", requestMessage: message })
      .returning();
    await event(tx, viewer, t!, "CONTACT", "requested", { message });
    if (agreement.sellerId && agreement.sellerId !== viewer.userId) {
      const [seller] = await tx.select().from(users).where(eq(users.id, agreement.sellerId));
      if (seller) {
        await queueMail(tx, TAILORING_REQUESTED_MAIL, seller, {
          seller: seller.name,
          requester: viewer.name,
          number: agreement.number,
          message,
        });
      }
    }
    return ok(t!);
  });
}

// ---- step 2: the system review --------------------------------------------------------------

export interface ReviewInput {
  tailoringId: string;
  meetingOn: IsoDate;
  attendees: string[];
  findings: { area: ReviewArea; finding: string }[];
  notes?: string | null;
}

export async function recordSystemReview(
  db: Db,
  viewer: Viewer,
  input: ReviewInput,
  clock: Clock,
): Promise<Result<TailoringRow>> {
  requireRole(viewer, VENDOR_SIDE);
  return mutate(db, async (tx) => {
    // The tailoring first: another seller's answers as a missing one, whatever the input (decision 0039).
    const loaded = await lockTailoring(tx, viewer, input.tailoringId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such tailoring.", ["input", "tailoringId"]);
    const attendees = input.attendees.map((a) => a.trim()).filter(Boolean);
    if (attendees.length === 0)
      return userError(E.INVALID_INPUT, "Name at least one attendee.", ["input", "attendees"]);
    if (!attendees.every(isReadableName))
      return userError(E.INVALID_INPUT, "Every attendee's name must contain at least one letter or digit.", [
        "input",
        "attendees",
      ]);
    const findings = input.findings.map((f) => ({ area: f.area, finding: f.finding.trim() })).filter((f) => f.finding);
    const { tailoring: t } = loaded;
    if (t.currentStep !== "REVIEW") return outOfOrder(t, "REVIEW");
    await tx.insert(systemReviews).values({
      tailoringId: t.id,
      meetingOn: input.meetingOn,
      attendees,
      findings,
      notes: input.notes?.trim() || null,
      recordedById: viewer.userId,
    });
    if (!(await planOf(tx, t.id))) await tx.insert(actionPlans).values({ tailoringId: t.id });
    await event(tx, viewer, t, "REVIEW", "reviewRecorded", {
      meetingOn: input.meetingOn,
      attendees,
      findings: findings.length,
    });
    return ok(await moveTo(tx, t, "ACTION_PLAN", "REVIEW"));
  });
}

// ---- going back -------------------------------------------------------------------------------

export async function reopenTailoringStep(
  db: Db,
  viewer: Viewer,
  input: { tailoringId: string; step: TailoringStep; reason: string },
  clock: Clock,
): Promise<Result<TailoringRow>> {
  requireRole(viewer, VENDOR_SIDE);
  return mutate(db, async (tx) => {
    const loaded = await lockTailoring(tx, viewer, input.tailoringId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such tailoring.", ["input", "tailoringId"]);
    const reason = input.reason.trim();
    if (!reason) return userError(E.INVALID_INPUT, "Say why the step is reopened.", ["input", "reason"]);
    const t = loaded.tailoring;
    if (input.step === "CONTACT" || input.step === "DONE" || stepIndex(input.step) >= stepIndex(t.currentStep)) {
      return userError(
        E.STEP_OUT_OF_ORDER,
        `Only a finished step can be reopened; the tailoring is at ${t.currentStep}.`,
        ["input", "step"],
      );
    }
    const redo = [
      ...new Set([
        ...t.stepsToRedo,
        ...stepsBetween(input.step, t.currentStep === "DONE" ? "END_DATE" : t.currentStep),
      ]),
    ].sort((a, b) => stepIndex(a) - stepIndex(b));
    const plan = await planOf(tx, t.id);
    if (plan) {
      // What later steps agreed is no longer agreed: they are done again. Their events stay in the history.
      const reset: Partial<ActionPlanRow> = {
        proposedEndOn: null,
        vendorAgreedById: null,
        customerAgreedById: null,
        endOn: null,
      };
      if (stepIndex(input.step) <= stepIndex("PRIORITISATION"))
        Object.assign(reset, { prioritiesConfirmedAt: null, prioritiesConfirmedById: null });
      if (stepIndex(input.step) <= stepIndex("ACTION_PLAN"))
        Object.assign(reset, { prioritisedAt: null, prioritisedById: null });
      await tx
        .update(actionPlans)
        .set({ ...reset, version: sql`${actionPlans.version} + 1` })
        .where(eq(actionPlans.id, plan.id));
    }
    const [row] = await tx
      .update(tailorings)
      .set({
        currentStep: input.step,
        stepsToRedo: redo.filter((s) => s !== input.step),
        version: sql`${tailorings.version} + 1`,
      })
      .where(eq(tailorings.id, t.id))
      .returning();
    await event(tx, viewer, t, input.step, "stepReopened", { from: t.currentStep, redo }, reason);
    return ok(row!);
  });
}
