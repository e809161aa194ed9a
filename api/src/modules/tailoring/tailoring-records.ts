import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { actionItems, actionPlans, systemReviews, tailoringEvents, tailorings } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { userError } from "../../shared/errors.js";
import { holds, type Viewer } from "../../shared/viewer.js";
import type { Clock } from "../../shared/clock.js";
import { type AgreementRecord, findAgreement } from "../agreements/index.js";
import { TailoringErrors as E } from "./tailoring.errors.js";
import { PRIORITY_CONFIRMERS } from "./tailoring.roles.js";
import { stepIndex, type TailoringStep } from "./tailoring-steps.js";

/* What every step of the tailoring shares: its rows, loading them under lock, and recording an event. */

export type TailoringRow = typeof tailorings.$inferSelect;
export type TailoringEventRow = typeof tailoringEvents.$inferSelect;
export type SystemReviewRow = typeof systemReviews.$inferSelect;
export type ActionPlanRow = typeof actionPlans.$inferSelect;
export type ActionItemRow = typeof actionItems.$inferSelect;
export type ActionItemOwner = ActionItemRow["owner"];
export type ActionItemStatus = ActionItemRow["status"];
export type ReviewArea = NonNullable<ActionItemRow["fromFindingArea"]>;

export function outOfOrder(t: TailoringRow, wanted: TailoringStep | TailoringStep[]) {
  const list = Array.isArray(wanted) ? wanted : [wanted];
  return userError(
    E.STEP_OUT_OF_ORDER,
    `This belongs to step ${list.map((s) => stepIndex(s) + 1).join(" or ")} (${list.join(", ")}); the tailoring is at ${t.currentStep === "DONE" ? "DONE" : `step ${stepIndex(t.currentStep) + 1} (${t.currentStep})`}.`,
  );
}

export interface Loaded {
  tailoring: TailoringRow;
  agreement: AgreementRecord;
}

/** Loads (and locks) a tailoring through its agreement, so the agreement's tenant scope applies. */
export async function lockTailoring(tx: Tx, viewer: Viewer, tailoringId: string, clock: Clock): Promise<Loaded | null> {
  const [tailoring] = await tx.select().from(tailorings).where(eq(tailorings.id, tailoringId)).for("update");
  if (!tailoring) return null;
  const agreement = await findAgreement(tx, viewer, tailoring.agreementId, clock);
  return agreement ? { tailoring, agreement } : null;
}

export async function lockPlan(
  tx: Tx,
  viewer: Viewer,
  actionPlanId: string,
  clock: Clock,
): Promise<(Loaded & { plan: ActionPlanRow }) | null> {
  const [plan] = await tx.select().from(actionPlans).where(eq(actionPlans.id, actionPlanId)).for("update");
  if (!plan) return null;
  const loaded = await lockTailoring(tx, viewer, plan.tailoringId, clock);
  return loaded && { ...loaded, plan };
}

/** The customer's side of the agreement: who confirms its priorities, in the agreement's customer. */
export function customerSide(viewer: Viewer, agreement: AgreementRecord): boolean {
  return holds(viewer, PRIORITY_CONFIRMERS) && viewer.organisationId === agreement.customerId;
}

export async function event(
  tx: Tx,
  viewer: Viewer,
  t: TailoringRow,
  step: TailoringStep,
  action: string,
  details: Record<string, unknown> = {},
  reason: string | null = null,
) {
  await tx
    .insert(tailoringEvents)
    .values({ tailoringId: t.id, step, action, actorUserId: viewer.userId, reason, details });
  await recordAudit(tx, viewer, {
    action: `tailoring.${action}`,
    objectType: "Tailoring",
    objectId: t.id,
    details: { step, ...details, ...(reason ? { reason } : {}) },
  });
}

export async function moveTo(tx: Tx, t: TailoringRow, step: TailoringStep, done: TailoringStep) {
  const [row] = await tx
    .update(tailorings)
    .set({
      currentStep: step,
      stepsToRedo: t.stepsToRedo.filter((s) => s !== done),
      version: sql`${tailorings.version} + 1`,
    })
    .where(eq(tailorings.id, t.id))
    .returning();
  return row!;
}
