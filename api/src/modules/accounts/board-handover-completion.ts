import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { boardHandovers } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Viewer } from "../../shared/viewer.js";
import { endUserAccess } from "../access/index.js";
import { deactivateLeavingBoard } from "../parties/index.js";

/**
 * The successor accepted: those who said they would leave do so now, in the accepting transaction (decision 0072).
 * The successor is the actor — it is their acceptance that ends the others' access. Returns who left, so the caller
 * can drop their cached API tokens once committed.
 */
export async function completeHandover(tx: Tx, successor: Viewer, invitationId: string): Promise<string[]> {
  const [handover] = await tx
    .select()
    .from(boardHandovers)
    .where(and(eq(boardHandovers.invitationId, invitationId), isNull(boardHandovers.completedAt)))
    .for("update");
  if (!handover) return [];
  const now = new Date();
  const left = await deactivateLeavingBoard(tx, successor, handover.organisationId, handover.leavingUserIds, {
    handoverId: handover.id,
  });
  for (const id of left) await endUserAccess(tx, id, now);
  await tx.update(boardHandovers).set({ completedAt: now }).where(eq(boardHandovers.id, handover.id));
  await recordAudit(tx, successor, {
    action: "organisation.handoverComplete",
    objectType: "Organisation",
    objectId: handover.organisationId,
    organisationId: handover.organisationId,
    details: {
      handoverId: handover.id,
      successor: successor.email,
      left,
      ...(handover.reason ? { reason: handover.reason } : {}),
    },
  });
  return left;
}
