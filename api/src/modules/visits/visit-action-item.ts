import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { visitCheckKinds, visitChecks } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { type Viewer, requireRole } from "../../shared/viewer.js";
import type { Clock } from "../../shared/clock.js";
import {
  type ActionItemOwner,
  type ActionItemRow,
  addActionItemFromVisit,
  type ReviewArea,
} from "../tailoring/index.js";
import { VisitErrors as E } from "./visit.errors.js";
import type { VisitCheckKind } from "./visit-checks.js";
import { TECHNICIANS } from "./visit.roles.js";
import { lockVisit } from "./visit.service.js";

/** Which review area of the action plan a visit check belongs to, so the plan reads by area. */
const AREA: Record<VisitCheckKind, ReviewArea> = {
  DATABASE_REVIEW: "DATABASE",
  ROUTINES: "ROUTINES",
  HARDWARE_AND_VERSIONS: "HARDWARE_AND_VERSIONS",
  BACKUP_ROUTINES: "BACKUPS",
  DATABASE_SIZE: "DATABASE",
};

export interface ActionFromCheckInput {
  visitId: string;
  kind: VisitCheckKind;
  owner: ActionItemOwner;
  title?: string | null;
  estimateHours?: number | null;
  estimateMinor?: number | null;
}

/**
 * "En kontroll som behöver åtgärdas kan bli en ny punkt i åtgärdsplanen": in one step, linked both
 * ways (the check names the item, the item finds its check). The tailoring adds it to the end of
 * the agreed plan (addActionItemFromVisit, docs/decisions/0016-visit-action-items-after-the-plan.md).
 */
export async function createActionItemFromCheck(
  db: Db,
  viewer: Viewer,
  input: ActionFromCheckInput,
  clock: Clock,
): Promise<Result<ActionItemRow>> {
  requireRole(viewer, TECHNICIANS);
  if ((input.estimateHours ?? 0) < 0 || (input.estimateMinor ?? 0) < 0)
    return userError(E.INVALID_INPUT, "An estimate cannot be negative.", ["input", "estimate"]);
  return mutate(db, async (tx) => {
    const loaded = await lockVisit(tx, viewer, input.visitId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such service visit.", ["input", "visitId"]);
    const [check] = await tx
      .select()
      .from(visitChecks)
      .where(sql`${visitChecks.visitId} = ${loaded.visit.id} and ${visitChecks.kind} = ${input.kind}`);
    if (!check) return userError(E.CHECK_NOT_RECORDED, `Record the ${input.kind} check first.`, ["input", "kind"]);
    if (check.result !== "NEEDS_ACTION")
      return userError(
        E.RESULT_NOT_NEEDS_ACTION,
        `The ${input.kind} check is ${check.result}; only a check that needs action becomes an action item.`,
        ["input", "kind"],
      );
    if (check.actionItemId)
      return userError(E.ACTION_ITEM_EXISTS, "This check already has its action item.", ["input", "kind"]);
    const [kind] = await tx.select().from(visitCheckKinds).where(eq(visitCheckKinds.code, input.kind));
    const item = await addActionItemFromVisit(tx, viewer, {
      agreementId: loaded.agreement.id,
      item: {
        title: input.title?.trim() || `${kind!.titleSv}: åtgärda`,
        description: check.note,
        why: `Supportbesöket ${loaded.visit.scheduledAt.toISOString().slice(0, 10)}: ${kind!.titleSv} behöver åtgärdas.`,
        owner: input.owner,
        estimateHours: input.estimateHours ?? null,
        estimateMinor: input.estimateMinor ?? null,
        fromFindingArea: AREA[input.kind],
      },
      from: { visitId: loaded.visit.id, check: input.kind },
    });
    if (!item)
      return userError(E.NO_ACTION_PLAN, "The agreement has no action plan yet; start the tailoring first.", [
        "input",
        "visitId",
      ]);
    await tx.update(visitChecks).set({ actionItemId: item.id }).where(eq(visitChecks.id, check.id));
    await recordAudit(tx, viewer, {
      action: "serviceVisit.actionItemFromCheck",
      objectType: "ServiceVisit",
      objectId: loaded.visit.id,
      organisationId: loaded.agreement.customerId,
      details: { kind: input.kind, actionItemId: item.id },
    });
    return ok(item);
  });
}
