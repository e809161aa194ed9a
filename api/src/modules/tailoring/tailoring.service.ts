import { and, asc, desc, eq, max, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { actionItems, actionPlans, agreements, systemReviews, tailoringEvents, tailorings, tiers, users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { paginate, type ConnectionArgs } from "../../shared/connection.js";
import type { IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { agreementScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { type Viewer, requireRole } from "../../shared/viewer.js";
import { effectiveEnd, isValid } from "../agreements/agreement-status.js";
import type { Clock } from "../../shared/clock.js";
import type { AgreementRecord } from "../agreements/agreement-records.js";
import { findAgreement } from "../agreements/agreement.service.js";
import { queueEmail } from "../notifications/email.service.js";
import { TailoringErrors as E } from "./tailoring.errors.js";
import { PLAN_WRITERS, PRIORITY_CONFIRMERS, TAILORING_REQUESTERS, VENDOR_SIDE } from "./tailoring.roles.js";
import { stepIndex, stepsBetween, type TailoringStep } from "./tailoring-steps.js";

export type TailoringRow = typeof tailorings.$inferSelect;
export type TailoringEventRow = typeof tailoringEvents.$inferSelect;
export type SystemReviewRow = typeof systemReviews.$inferSelect;
export type ActionPlanRow = typeof actionPlans.$inferSelect;
export type ActionItemRow = typeof actionItems.$inferSelect;
export type ActionItemOwner = ActionItemRow["owner"];
export type ActionItemStatus = ActionItemRow["status"];
export type ReviewArea = NonNullable<ActionItemRow["fromFindingArea"]>;



function outOfOrder(t: TailoringRow, wanted: TailoringStep | TailoringStep[]) {
  const list = Array.isArray(wanted) ? wanted : [wanted];
  return userError(
    E.STEP_OUT_OF_ORDER,
    `This belongs to step ${list.map((s) => stepIndex(s) + 1).join(" or ")} (${list.join(", ")}); the tailoring is at ${t.currentStep === "DONE" ? "DONE" : `step ${stepIndex(t.currentStep) + 1} (${t.currentStep})`}.`,
  );
}

interface Loaded {
  tailoring: TailoringRow;
  agreement: AgreementRecord;
}

/** Loads (and locks) a tailoring through its agreement, so the agreement's tenant scope applies. */
async function lockTailoring(tx: Tx, viewer: Viewer, tailoringId: string, clock: Clock): Promise<Loaded | null> {
  const [tailoring] = await tx.select().from(tailorings).where(eq(tailorings.id, tailoringId)).for("update");
  if (!tailoring) return null;
  const agreement = await findAgreement(tx, viewer, tailoring.agreementId, clock);
  return agreement ? { tailoring, agreement } : null;
}

async function lockPlan(tx: Tx, viewer: Viewer, actionPlanId: string, clock: Clock): Promise<(Loaded & { plan: ActionPlanRow }) | null> {
  const [plan] = await tx.select().from(actionPlans).where(eq(actionPlans.id, actionPlanId)).for("update");
  if (!plan) return null;
  const loaded = await lockTailoring(tx, viewer, plan.tailoringId, clock);
  return loaded && { ...loaded, plan };
}

function customerSide(viewer: Viewer, agreement: AgreementRecord): boolean {
  return viewer.role === "CUSTOMER_ADMIN" && viewer.organisationId === agreement.customerId;
}

async function event(tx: Tx, viewer: Viewer, t: TailoringRow, step: TailoringStep, action: string, details: Record<string, unknown> = {}, reason: string | null = null) {
  await tx.insert(tailoringEvents).values({ tailoringId: t.id, step, action, actorUserId: viewer.userId, reason, details });
  await recordAudit(tx, viewer, { action: `tailoring.${action}`, objectType: "Tailoring", objectId: t.id, details: { step, ...details, ...(reason ? { reason } : {}) } });
}

async function moveTo(tx: Tx, t: TailoringRow, step: TailoringStep, done: TailoringStep) {
  const [row] = await tx
    .update(tailorings)
    .set({ currentStep: step, stepsToRedo: t.stepsToRedo.filter((s) => s !== done), version: sql`${tailorings.version} + 1` })
    .where(eq(tailorings.id, t.id))
    .returning();
  return row!;
}

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

export async function findActionPlan(db: DbOrTx, viewer: Viewer, id: string, clock: Clock): Promise<ActionPlanRow | null> {
  const [plan] = await db.select().from(actionPlans).where(eq(actionPlans.id, id));
  return plan && (await findTailoring(db, viewer, plan.tailoringId, clock)) ? plan : null;
}

export async function findActionItem(db: DbOrTx, viewer: Viewer, id: string, clock: Clock): Promise<ActionItemRow | null> {
  const [item] = await db.select().from(actionItems).where(eq(actionItems.id, id));
  return item && (await findActionPlan(db, viewer, item.actionPlanId, clock)) ? item : null;
}

export function historyOf(db: DbOrTx, tailoringId: string) {
  return db.select().from(tailoringEvents).where(eq(tailoringEvents.tailoringId, tailoringId)).orderBy(asc(tailoringEvents.occurredAt), asc(tailoringEvents.id));
}

export async function latestReview(db: DbOrTx, tailoringId: string): Promise<SystemReviewRow | null> {
  const [row] = await db.select().from(systemReviews).where(eq(systemReviews.tailoringId, tailoringId)).orderBy(desc(systemReviews.recordedAt)).limit(1);
  return row ?? null;
}

export async function planOf(db: DbOrTx, tailoringId: string): Promise<ActionPlanRow | null> {
  const [row] = await db.select().from(actionPlans).where(eq(actionPlans.tailoringId, tailoringId));
  return row ?? null;
}

export function itemsOf(db: DbOrTx, actionPlanId: string) {
  return db.select().from(actionItems).where(eq(actionItems.actionPlanId, actionPlanId)).orderBy(asc(actionItems.position), asc(actionItems.createdAt));
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

/** For 500+ the next annual visit is proposed from the agreed end date; BRF has no visit. */
export async function proposedServiceVisitOn(db: DbOrTx, agreement: AgreementRecord, plan: ActionPlanRow | null): Promise<IsoDate | null> {
  if (!plan?.endOn) return null;
  const [tier] = await db.select().from(tiers).where(eq(tiers.code, agreement.tier));
  return tier?.annualVisit ? plan.endOn : null;
}

export async function listTailorings(db: Db, viewer: Viewer, filter: { step?: TailoringStep | null; waitingOn?: "VENDOR" | "CUSTOMER" | null }, page: ConnectionArgs) {
  const base = db
    .select({ tailoring: tailorings, plan: actionPlans })
    .from(tailorings)
    .innerJoin(agreements, eq(agreements.id, tailorings.agreementId))
    .leftJoin(actionPlans, eq(actionPlans.tailoringId, tailorings.id))
    .where(and(agreementScope(viewer), filter.step ? eq(tailorings.currentStep, filter.step) : undefined))
    .orderBy(asc(tailorings.createdAt));
  // The "waiting on" rule lives in one place (waitingOn); the lists are short, so it is applied here.
  const rows = (await base).filter((r) => !filter.waitingOn || waitingOn(r.tailoring, r.plan).includes(filter.waitingOn));
  return paginate(page, async () => rows.length, async (offset, limit) => rows.slice(offset, offset + limit), (r) => r.tailoring);
}

// ---- step 1: contact your seller ------------------------------------------------------------

export async function requestTailoring(db: Db, viewer: Viewer, input: { agreementId: string; message?: string | null }, clock: Clock): Promise<Result<TailoringRow>> {
  requireRole(viewer, TAILORING_REQUESTERS);
  return mutate(db, async (tx) => {
    const agreement = await findAgreement(tx, viewer, input.agreementId, clock);
    if (!agreement) return userError(E.NOT_FOUND, "No such agreement.", ["input", "agreementId"]);
    if (!isValid(agreement.status)) return userError(E.AGREEMENT_NOT_ACTIVE, `Agreement ${agreement.number} is ${agreement.status.toLowerCase()}; tailoring needs a valid agreement.`);
    await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, agreement.id)).for("update");
    if (await tailoringOf(tx, agreement.id)) return userError(E.TAILORING_EXISTS, "A tailoring has already been started for this agreement.", ["input", "agreementId"]);
    const message = input.message?.trim() || null;
    const [t] = await tx.insert(tailorings).values({ agreementId: agreement.id, currentStep: "REVIEW", requestMessage: message }).returning();
    await event(tx, viewer, t!, "CONTACT", "requested", { message });
    if (agreement.sellerId && agreement.sellerId !== viewer.userId) {
      const [seller] = await tx.select().from(users).where(eq(users.id, agreement.sellerId));
      if (seller) {
        await queueEmail(tx, {
          to: seller.email,
          subject: `Trygg: ${viewer.name} vill gå igenom avtal ${agreement.number}`,
          body: `Hej ${seller.name}!\n\n${viewer.name} har bett om en genomgång av systemet (steg 1 av 5, "Kontakta din säljare") för avtal ${agreement.number}.\n${message ? `\nMeddelande: ${message}\n` : ""}\nBoka ett första möte och registrera genomgången i Trygg.\n`,
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

export async function recordSystemReview(db: Db, viewer: Viewer, input: ReviewInput, clock: Clock): Promise<Result<TailoringRow>> {
  requireRole(viewer, VENDOR_SIDE);
  const attendees = input.attendees.map((a) => a.trim()).filter(Boolean);
  if (attendees.length === 0) return userError(E.INVALID_INPUT, "Name at least one attendee.", ["input", "attendees"]);
  const findings = input.findings.map((f) => ({ area: f.area, finding: f.finding.trim() })).filter((f) => f.finding);
  return mutate(db, async (tx) => {
    const loaded = await lockTailoring(tx, viewer, input.tailoringId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such tailoring.", ["input", "tailoringId"]);
    const { tailoring: t } = loaded;
    if (t.currentStep !== "REVIEW") return outOfOrder(t, "REVIEW");
    await tx.insert(systemReviews).values({ tailoringId: t.id, meetingOn: input.meetingOn, attendees, findings, notes: input.notes?.trim() || null, recordedById: viewer.userId });
    if (!(await planOf(tx, t.id))) await tx.insert(actionPlans).values({ tailoringId: t.id });
    await event(tx, viewer, t, "REVIEW", "reviewRecorded", { meetingOn: input.meetingOn, attendees, findings: findings.length });
    return ok(await moveTo(tx, t, "ACTION_PLAN", "REVIEW"));
  });
}

// ---- step 3: the action plan ----------------------------------------------------------------

export interface ActionItemInput {
  title: string;
  description?: string | null;
  why?: string | null;
  owner: ActionItemOwner;
  estimateHours?: number | null;
  estimateMinor?: number | null;
  fromFindingArea?: ReviewArea | null;
}

function checkItem(input: { title?: string | null; estimateHours?: number | null; estimateMinor?: number | null }) {
  if (input.title != null && !input.title.trim()) return userError(E.INVALID_INPUT, "Give the action item a title.", ["input", "title"]);
  if ((input.estimateHours ?? 0) < 0 || (input.estimateMinor ?? 0) < 0) return userError(E.INVALID_INPUT, "An estimate cannot be negative.", ["input", "estimate"]);
  return null;
}

async function bumpPlan(tx: Tx, planId: string) {
  await tx.update(actionPlans).set({ version: sql`${actionPlans.version} + 1` }).where(eq(actionPlans.id, planId));
}

export async function addActionItem(db: Db, viewer: Viewer, input: ActionItemInput & { actionPlanId: string }, clock: Clock): Promise<Result<ActionItemRow>> {
  requireRole(viewer, PLAN_WRITERS);
  const bad = checkItem(input);
  if (bad) return bad;
  return mutate(db, async (tx) => {
    const loaded = await lockPlan(tx, viewer, input.actionPlanId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such action plan.", ["input", "actionPlanId"]);
    if (loaded.tailoring.currentStep !== "ACTION_PLAN") return outOfOrder(loaded.tailoring, "ACTION_PLAN");
    const [{ last } = { last: 0 }] = await tx.select({ last: max(actionItems.position) }).from(actionItems).where(eq(actionItems.actionPlanId, loaded.plan.id));
    const [item] = await tx
      .insert(actionItems)
      .values({
        actionPlanId: loaded.plan.id,
        position: (last ?? 0) + 1,
        title: input.title.trim(),
        description: input.description?.trim() ?? "",
        why: input.why?.trim() ?? "",
        owner: input.owner,
        estimateHours: input.estimateHours ?? null,
        estimateMinor: input.estimateMinor ?? null,
        fromFindingArea: input.fromFindingArea ?? null,
      })
      .returning();
    await bumpPlan(tx, loaded.plan.id);
    await event(tx, viewer, loaded.tailoring, "ACTION_PLAN", "itemAdded", { actionItemId: item!.id, title: item!.title, owner: item!.owner });
    return ok(item!);
  });
}

export interface UpdateItemInput extends Omit<Partial<ActionItemInput>, "title" | "owner"> {
  title?: string | null;
  owner?: ActionItemOwner | null;
  actionItemId: string;
  status?: ActionItemStatus | null;
  expectedVersion?: number | null;
}

/** Content changes while the plan is written (step 3); progress (status) at any later time too. */
export async function updateActionItem(db: Db, viewer: Viewer, input: UpdateItemInput, clock: Clock): Promise<Result<ActionItemRow>> {
  requireRole(viewer, PLAN_WRITERS);
  const bad = checkItem(input);
  if (bad) return bad;
  return mutate(db, async (tx) => {
    const [item] = await tx.select().from(actionItems).where(eq(actionItems.id, input.actionItemId)).for("update");
    const loaded = item && (await lockPlan(tx, viewer, item.actionPlanId, clock));
    if (!item || !loaded) return userError(E.NOT_FOUND, "No such action item.", ["input", "actionItemId"]);
    if (input.expectedVersion != null && input.expectedVersion !== item.version) {
      return userError(E.STALE_VERSION, "Someone else changed the action item meanwhile. Reload and try again.", ["input", "expectedVersion"]);
    }
    const step = loaded.tailoring.currentStep;
    const changesContent = ["title", "description", "why", "owner", "estimateHours", "estimateMinor", "fromFindingArea"].some((k) => input[k as keyof UpdateItemInput] != null);
    if (changesContent && step !== "ACTION_PLAN") return outOfOrder(loaded.tailoring, "ACTION_PLAN");
    if (input.status && stepIndex(step) < stepIndex("ACTION_PLAN")) return outOfOrder(loaded.tailoring, "ACTION_PLAN");
    const patch = {
      ...(input.title != null ? { title: input.title.trim() } : {}),
      ...(input.description != null ? { description: input.description.trim() } : {}),
      ...(input.why != null ? { why: input.why.trim() } : {}),
      ...(input.owner != null ? { owner: input.owner } : {}),
      ...(input.estimateHours != null ? { estimateHours: input.estimateHours } : {}),
      ...(input.estimateMinor != null ? { estimateMinor: input.estimateMinor } : {}),
      ...(input.status != null ? { status: input.status } : {}),
    };
    const [row] = await tx
      .update(actionItems)
      .set({ ...patch, version: sql`${actionItems.version} + 1`, updatedAt: new Date() })
      .where(eq(actionItems.id, item.id))
      .returning();
    // The title goes with every event so the history reads without looking the item up.
    await event(tx, viewer, loaded.tailoring, step, "itemUpdated", { actionItemId: item.id, title: row!.title, ...patch });
    return ok(row!);
  });
}

export async function removeActionItem(db: Db, viewer: Viewer, input: { actionItemId: string }, clock: Clock): Promise<Result<ActionItemRow>> {
  requireRole(viewer, PLAN_WRITERS);
  return mutate(db, async (tx) => {
    const [item] = await tx.select().from(actionItems).where(eq(actionItems.id, input.actionItemId));
    const loaded = item && (await lockPlan(tx, viewer, item.actionPlanId, clock));
    if (!item || !loaded) return userError(E.NOT_FOUND, "No such action item.", ["input", "actionItemId"]);
    if (loaded.tailoring.currentStep !== "ACTION_PLAN") return outOfOrder(loaded.tailoring, "ACTION_PLAN");
    await tx.delete(actionItems).where(eq(actionItems.id, item.id));
    await tx
      .update(actionItems)
      .set({ position: sql`${actionItems.position} - 1` })
      .where(and(eq(actionItems.actionPlanId, item.actionPlanId), sql`${actionItems.position} > ${item.position}`));
    await bumpPlan(tx, loaded.plan.id);
    await event(tx, viewer, loaded.tailoring, "ACTION_PLAN", "itemRemoved", { actionItemId: item.id, title: item.title });
    return ok(item);
  });
}

// ---- step 4: prioritise together --------------------------------------------------------------

export async function prioritiseActionPlan(
  db: Db,
  viewer: Viewer,
  input: { actionPlanId: string; itemIds: string[]; expectedVersion: number },
  clock: Clock,
): Promise<Result<ActionPlanRow>> {
  requireRole(viewer, PLAN_WRITERS);
  return mutate(db, async (tx) => {
    // The plan row lock makes a second, concurrent reorder wait, then see the bumped version.
    const loaded = await lockPlan(tx, viewer, input.actionPlanId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such action plan.", ["input", "actionPlanId"]);
    const { tailoring: t, plan } = loaded;
    if (t.currentStep !== "ACTION_PLAN" && t.currentStep !== "PRIORITISATION") return outOfOrder(t, "PRIORITISATION");
    if (plan.version !== input.expectedVersion) {
      return userError(E.STALE_VERSION, `Someone else reordered or changed the plan meanwhile (version ${plan.version}, you had ${input.expectedVersion}). Reload to see their order.`, [
        "input",
        "expectedVersion",
      ]);
    }
    const items = await itemsOf(tx, plan.id);
    if (items.length === 0) return userError(E.EMPTY_ACTION_PLAN, "Add action items before prioritising.", ["input", "actionPlanId"]);
    const wanted = new Set(input.itemIds);
    if (wanted.size !== input.itemIds.length || wanted.size !== items.length || items.some((i) => !wanted.has(i.id))) {
      return userError(E.ITEMS_MISMATCH, "List every item of the plan exactly once.", ["input", "itemIds"]);
    }
    for (const [index, id] of input.itemIds.entries()) {
      await tx.update(actionItems).set({ position: index + 1 }).where(eq(actionItems.id, id));
    }
    const [row] = await tx
      .update(actionPlans)
      .set({ version: plan.version + 1, prioritisedAt: new Date(), prioritisedById: viewer.userId, prioritiesConfirmedAt: null, prioritiesConfirmedById: null })
      .where(eq(actionPlans.id, plan.id))
      .returning();
    await event(tx, viewer, t, "PRIORITISATION", "prioritised", { order: input.itemIds });
    if (t.currentStep === "ACTION_PLAN") await moveTo(tx, t, "PRIORITISATION", "ACTION_PLAN");
    return ok(row!);
  });
}

export async function confirmPriorities(db: Db, viewer: Viewer, input: { actionPlanId: string; expectedVersion?: number | null }, clock: Clock): Promise<Result<ActionPlanRow>> {
  requireRole(viewer, PRIORITY_CONFIRMERS);
  return mutate(db, async (tx) => {
    const loaded = await lockPlan(tx, viewer, input.actionPlanId, clock);
    if (!loaded || !customerSide(viewer, loaded.agreement)) return userError(E.NOT_FOUND, "No such action plan.", ["input", "actionPlanId"]);
    const { tailoring: t, plan } = loaded;
    if (t.currentStep !== "PRIORITISATION") return outOfOrder(t, "PRIORITISATION");
    if (!plan.prioritisedAt) return userError(E.NOT_PRIORITISED, "Put the items in order before confirming.", ["input", "actionPlanId"]);
    if (input.expectedVersion != null && input.expectedVersion !== plan.version) {
      return userError(E.STALE_VERSION, "The order changed since you looked at it. Reload and confirm the new order.", ["input", "expectedVersion"]);
    }
    const [row] = await tx.update(actionPlans).set({ prioritiesConfirmedAt: new Date(), prioritiesConfirmedById: viewer.userId }).where(eq(actionPlans.id, plan.id)).returning();
    await event(tx, viewer, t, "PRIORITISATION", "prioritiesConfirmed", { version: plan.version });
    await moveTo(tx, t, "END_DATE", "PRIORITISATION");
    return ok(row!);
  });
}

// ---- step 5: agree an end date ----------------------------------------------------------------

/** Both parties agree the same date: the first proposes, the other confirms; a new date starts over. */
export async function agreeEndDate(db: Db, viewer: Viewer, input: { actionPlanId: string; endOn: IsoDate }, clock: Clock): Promise<Result<ActionPlanRow>> {
  requireRole(viewer, PLAN_WRITERS);
  return mutate(db, async (tx) => {
    const loaded = await lockPlan(tx, viewer, input.actionPlanId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such action plan.", ["input", "actionPlanId"]);
    const { tailoring: t, plan, agreement } = loaded;
    if (t.currentStep !== "END_DATE") return outOfOrder(t, "END_DATE");
    const end = effectiveEnd(agreement);
    if (input.endOn < agreement.startsOn || input.endOn > end) {
      return userError(E.OUTSIDE_AGREEMENT_PERIOD, `The end date must lie within the agreement, ${agreement.startsOn} – ${end}.`, ["input", "endOn"]);
    }
    const isCustomer = customerSide(viewer, agreement);
    const sameDate = plan.proposedEndOn === input.endOn;
    const patch = {
      proposedEndOn: input.endOn,
      vendorAgreedById: isCustomer ? (sameDate ? plan.vendorAgreedById : null) : viewer.userId,
      customerAgreedById: isCustomer ? viewer.userId : sameDate ? plan.customerAgreedById : null,
    };
    const both = !!patch.vendorAgreedById && !!patch.customerAgreedById;
    const [row] = await tx
      .update(actionPlans)
      .set({ ...patch, endOn: both ? input.endOn : null })
      .where(eq(actionPlans.id, plan.id))
      .returning();
    await event(tx, viewer, t, "END_DATE", both ? "endDateAgreed" : "endDateProposed", { endOn: input.endOn });
    if (both) await moveTo(tx, t, "DONE", "END_DATE");
    return ok(row!);
  });
}

// ---- going back -------------------------------------------------------------------------------

export async function reopenTailoringStep(db: Db, viewer: Viewer, input: { tailoringId: string; step: TailoringStep; reason: string }, clock: Clock): Promise<Result<TailoringRow>> {
  requireRole(viewer, VENDOR_SIDE);
  const reason = input.reason.trim();
  if (!reason) return userError(E.INVALID_INPUT, "Say why the step is reopened.", ["input", "reason"]);
  return mutate(db, async (tx) => {
    const loaded = await lockTailoring(tx, viewer, input.tailoringId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such tailoring.", ["input", "tailoringId"]);
    const t = loaded.tailoring;
    if (input.step === "CONTACT" || input.step === "DONE" || stepIndex(input.step) >= stepIndex(t.currentStep)) {
      return userError(E.STEP_OUT_OF_ORDER, `Only a finished step can be reopened; the tailoring is at ${t.currentStep}.`, ["input", "step"]);
    }
    const redo = [...new Set([...t.stepsToRedo, ...stepsBetween(input.step, t.currentStep === "DONE" ? "END_DATE" : t.currentStep)])].sort((a, b) => stepIndex(a) - stepIndex(b));
    const plan = await planOf(tx, t.id);
    if (plan) {
      // What later steps agreed is no longer agreed: they are done again. Their events stay in the history.
      const reset: Partial<ActionPlanRow> = { proposedEndOn: null, vendorAgreedById: null, customerAgreedById: null, endOn: null };
      if (stepIndex(input.step) <= stepIndex("PRIORITISATION")) Object.assign(reset, { prioritiesConfirmedAt: null, prioritiesConfirmedById: null });
      if (stepIndex(input.step) <= stepIndex("ACTION_PLAN")) Object.assign(reset, { prioritisedAt: null, prioritisedById: null });
      await tx.update(actionPlans).set({ ...reset, version: sql`${actionPlans.version} + 1` }).where(eq(actionPlans.id, plan.id));
    }
    const [row] = await tx
      .update(tailorings)
      .set({ currentStep: input.step, stepsToRedo: redo.filter((s) => s !== input.step), version: sql`${tailorings.version} + 1` })
      .where(eq(tailorings.id, t.id))
      .returning();
    await event(tx, viewer, t, input.step, "stepReopened", { from: t.currentStep, redo }, reason);
    return ok(row!);
  });
}

export function percentDone(items: ActionItemRow[]): number {
  const counted = items.filter((i) => i.status !== "DROPPED");
  if (counted.length === 0) return 0;
  return Math.round((100 * counted.filter((i) => i.status === "DONE").length) / counted.length);
}

export function pastEndDate(items: ActionItemRow[], plan: ActionPlanRow, today: IsoDate): ActionItemRow[] {
  if (!plan.endOn || today <= plan.endOn) return [];
  return items.filter((i) => i.status === "OPEN" || i.status === "IN_PROGRESS");
}


