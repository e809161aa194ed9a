import { and, eq, max, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { actionItems, actionPlans, tailoringEvents } from "../../db/schema/index.js";
import type { IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { type Viewer, requireRole } from "../../shared/viewer.js";
import { effectiveEnd } from "../agreements/index.js";
import type { Clock } from "../../shared/clock.js";
import { TailoringErrors as E } from "./tailoring.errors.js";
import { ACTION_ITEM_UPDATERS, PLAN_WRITERS, PRIORITY_CONFIRMERS } from "./tailoring.roles.js";
import { partnerProgressRefusal } from "./partner-progress.js";
import { stepIndex } from "./tailoring-steps.js";
import { itemsOf, planOf, tailoringOf } from "./tailoring.service.js";
import {
  outOfOrder,
  lockPlan,
  customerSide,
  event,
  moveTo,
  type ActionPlanRow,
  type ActionItemOwner,
  type ActionItemRow,
  type ActionItemStatus,
  type ReviewArea,
} from "./tailoring-records.js";

/* Steps 3–5 of the tailoring: write the action plan, prioritise it together, agree its end date. */

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
  if (input.title != null && !input.title.trim())
    return userError(E.INVALID_INPUT, "Give the action item a title.", ["input", "title"]);
  if ((input.estimateHours ?? 0) < 0 || (input.estimateMinor ?? 0) < 0)
    return userError(E.INVALID_INPUT, "An estimate cannot be negative.", ["input", "estimate"]);
  return null;
}

async function bumpPlan(tx: Tx, planId: string) {
  await tx
    .update(actionPlans)
    .set({ version: sql`${actionPlans.version} + 1` })
    .where(eq(actionPlans.id, planId));
}

export async function addActionItem(
  db: Db,
  viewer: Viewer,
  input: ActionItemInput & { actionPlanId: string },
  clock: Clock,
): Promise<Result<ActionItemRow>> {
  requireRole(viewer, PLAN_WRITERS);
  return mutate(db, async (tx) => {
    // The plan first: another tenant's answers as a missing one, whatever the input (decision 0039).
    const loaded = await lockPlan(tx, viewer, input.actionPlanId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such action plan.", ["input", "actionPlanId"]);
    const bad = checkItem(input);
    if (bad) return bad;
    if (loaded.tailoring.currentStep !== "ACTION_PLAN") return outOfOrder(loaded.tailoring, "ACTION_PLAN");
    const [{ last } = { last: 0 }] = await tx
      .select({ last: max(actionItems.position) })
      .from(actionItems)
      .where(eq(actionItems.actionPlanId, loaded.plan.id));
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
    await event(tx, viewer, loaded.tailoring, "ACTION_PLAN", "itemAdded", {
      actionItemId: item!.id,
      title: item!.title,
      owner: item!.owner,
    });
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
export async function updateActionItem(
  db: Db,
  viewer: Viewer,
  input: UpdateItemInput,
  clock: Clock,
): Promise<Result<ActionItemRow>> {
  requireRole(viewer, ACTION_ITEM_UPDATERS);
  return mutate(db, async (tx) => {
    const [item] = await tx.select().from(actionItems).where(eq(actionItems.id, input.actionItemId)).for("update");
    const loaded = item && (await lockPlan(tx, viewer, item.actionPlanId, clock));
    if (!item || !loaded) return userError(E.NOT_FOUND, "No such action item.", ["input", "actionItemId"]);
    const bad = checkItem(input);
    if (bad) return bad;
    if (input.expectedVersion != null && input.expectedVersion !== item.version) {
      return userError(E.STALE_VERSION, "Someone else changed the action item meanwhile. Reload and try again.", [
        "input",
        "expectedVersion",
      ]);
    }
    const step = loaded.tailoring.currentStep;
    const changesContent = [
      "title",
      "description",
      "why",
      "owner",
      "estimateHours",
      "estimateMinor",
      "fromFindingArea",
    ].some((k) => input[k as keyof UpdateItemInput] != null);
    const refused = partnerProgressRefusal(viewer, loaded.agreement, item, changesContent);
    if (refused) return refused;
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
    await event(tx, viewer, loaded.tailoring, step, "itemUpdated", {
      actionItemId: item.id,
      title: row!.title,
      ...patch,
    });
    return ok(row!);
  });
}

export async function removeActionItem(
  db: Db,
  viewer: Viewer,
  input: { actionItemId: string },
  clock: Clock,
): Promise<Result<ActionItemRow>> {
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
    await event(tx, viewer, loaded.tailoring, "ACTION_PLAN", "itemRemoved", {
      actionItemId: item.id,
      title: item.title,
    });
    return ok(item);
  });
}

// ---- after the plan: an item from a service visit --------------------------------------------

export interface ItemFromVisit {
  title: string;
  description: string;
  why: string;
  owner: ActionItemOwner;
  estimateHours: number | null;
  estimateMinor: number | null;
  fromFindingArea: ReviewArea;
}

/**
 * "En kontroll som behöver åtgärdas kan bli en ny punkt i åtgärdsplanen": the item joins the agreed
 * plan at its end, after the prioritised items, so the order both parties confirmed is not changed;
 * step 3's gate (addActionItem) is for writing the plan, which is long finished when the visit
 * comes (decision 0016). In the visit's transaction; the visit has checked who may. Null when the
 * agreement has no action plan yet.
 */
export async function addActionItemFromVisit(
  tx: Tx,
  viewer: Viewer,
  input: { agreementId: string; item: ItemFromVisit; from: { visitId: string; check: string } },
): Promise<ActionItemRow | null> {
  const tailoring = await tailoringOf(tx, input.agreementId);
  const plan = tailoring && (await planOf(tx, tailoring.id));
  if (!tailoring || !plan) return null;
  // Lock the plan like a reorder does, so a concurrent prioritisation sees the new item (STALE_VERSION).
  await tx.select({ id: actionPlans.id }).from(actionPlans).where(eq(actionPlans.id, plan.id)).for("update");
  const [{ last } = { last: 0 }] = await tx
    .select({ last: max(actionItems.position) })
    .from(actionItems)
    .where(eq(actionItems.actionPlanId, plan.id));
  const [item] = await tx
    .insert(actionItems)
    .values({ actionPlanId: plan.id, position: (last ?? 0) + 1, ...input.item })
    .returning();
  await bumpPlan(tx, plan.id);
  // The tailoring's history tells where the item came from; the visit's audit row records the change.
  await tx.insert(tailoringEvents).values({
    tailoringId: tailoring.id,
    step: "ACTION_PLAN",
    action: "itemAddedFromVisit",
    actorUserId: viewer.userId,
    details: { actionItemId: item!.id, title: input.item.title, owner: input.item.owner, ...input.from },
  });
  return item!;
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
      return userError(
        E.STALE_VERSION,
        `Someone else reordered or changed the plan meanwhile (version ${plan.version}, you had ${input.expectedVersion}). Reload to see their order.`,
        ["input", "expectedVersion"],
      );
    }
    const items = await itemsOf(tx, plan.id);
    if (items.length === 0)
      return userError(E.EMPTY_ACTION_PLAN, "Add action items before prioritising.", ["input", "actionPlanId"]);
    const wanted = new Set(input.itemIds);
    if (wanted.size !== input.itemIds.length || wanted.size !== items.length || items.some((i) => !wanted.has(i.id))) {
      return userError(E.ITEMS_MISMATCH, "List every item of the plan exactly once.", ["input", "itemIds"]);
    }
    for (const [index, id] of input.itemIds.entries()) {
      await tx
        .update(actionItems)
        .set({ position: index + 1 })
        .where(eq(actionItems.id, id));
    }
    const [row] = await tx
      .update(actionPlans)
      .set({
        version: plan.version + 1,
        prioritisedAt: new Date(),
        prioritisedById: viewer.userId,
        prioritiesConfirmedAt: null,
        prioritiesConfirmedById: null,
      })
      .where(eq(actionPlans.id, plan.id))
      .returning();
    await event(tx, viewer, t, "PRIORITISATION", "prioritised", { order: input.itemIds });
    if (t.currentStep === "ACTION_PLAN") await moveTo(tx, t, "PRIORITISATION", "ACTION_PLAN");
    return ok(row!);
  });
}

export async function confirmPriorities(
  db: Db,
  viewer: Viewer,
  input: { actionPlanId: string; expectedVersion?: number | null },
  clock: Clock,
): Promise<Result<ActionPlanRow>> {
  requireRole(viewer, PRIORITY_CONFIRMERS);
  return mutate(db, async (tx) => {
    const loaded = await lockPlan(tx, viewer, input.actionPlanId, clock);
    if (!loaded || !customerSide(viewer, loaded.agreement))
      return userError(E.NOT_FOUND, "No such action plan.", ["input", "actionPlanId"]);
    const { tailoring: t, plan } = loaded;
    if (t.currentStep !== "PRIORITISATION") return outOfOrder(t, "PRIORITISATION");
    if (!plan.prioritisedAt)
      return userError(E.NOT_PRIORITISED, "Put the items in order before confirming.", ["input", "actionPlanId"]);
    if (input.expectedVersion != null && input.expectedVersion !== plan.version) {
      return userError(E.STALE_VERSION, "The order changed since you looked at it. Reload and confirm the new order.", [
        "input",
        "expectedVersion",
      ]);
    }
    const [row] = await tx
      .update(actionPlans)
      .set({ prioritiesConfirmedAt: new Date(), prioritiesConfirmedById: viewer.userId })
      .where(eq(actionPlans.id, plan.id))
      .returning();
    await event(tx, viewer, t, "PRIORITISATION", "prioritiesConfirmed", { version: plan.version });
    await moveTo(tx, t, "END_DATE", "PRIORITISATION");
    return ok(row!);
  });
}

// ---- step 5: agree an end date ----------------------------------------------------------------

/** Both parties agree the same date: the first proposes, the other confirms; a new date starts over. */
export async function agreeEndDate(
  db: Db,
  viewer: Viewer,
  input: { actionPlanId: string; endOn: IsoDate },
  clock: Clock,
): Promise<Result<ActionPlanRow>> {
  requireRole(viewer, PLAN_WRITERS);
  return mutate(db, async (tx) => {
    const loaded = await lockPlan(tx, viewer, input.actionPlanId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such action plan.", ["input", "actionPlanId"]);
    const { tailoring: t, plan, agreement } = loaded;
    if (t.currentStep !== "END_DATE") return outOfOrder(t, "END_DATE");
    const end = effectiveEnd(agreement);
    if (input.endOn < agreement.startsOn || input.endOn > end) {
      return userError(
        E.OUTSIDE_AGREEMENT_PERIOD,
        `The end date must lie within the agreement, ${agreement.startsOn} – ${end}.`,
        ["input", "endOn"],
      );
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

export function percentDone(items: ActionItemRow[]): number {
  const counted = items.filter((i) => i.status !== "DROPPED");
  if (counted.length === 0) return 0;
  return Math.round((100 * counted.filter((i) => i.status === "DONE").length) / counted.length);
}
