import DataLoader from "dataloader";
import { asc, desc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { firstBy, groupBy } from "../../shared/group-by.js";
import { actionItems, actionPlans, systemReviews, tailoringEvents, tailorings } from "../../db/schema/index.js";

/**
 * Per-request loaders for tailorings and their parts, so the seller's worklist costs a fixed number
 * of queries, not a few per tailoring. Visibility is decided before: a tailoring reaches a resolver
 * only through a scoped query, and its parts follow it.
 */
export function createTailoringLoaders(db: Db) {
  return {
    tailoringOfAgreement: new DataLoader<string, typeof tailorings.$inferSelect | null>(async (ids) =>
      firstBy(
        ids,
        await db
          .select()
          .from(tailorings)
          .where(inArray(tailorings.agreementId, [...ids])),
        (r) => r.agreementId,
      ),
    ),
    tailoringHistory: new DataLoader<string, (typeof tailoringEvents.$inferSelect)[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(tailoringEvents)
          .where(inArray(tailoringEvents.tailoringId, [...ids]))
          .orderBy(asc(tailoringEvents.occurredAt), asc(tailoringEvents.id)),
        (r) => r.tailoringId,
      ),
    ),
    latestReview: new DataLoader<string, typeof systemReviews.$inferSelect | null>(async (ids) =>
      firstBy(
        ids,
        await db
          .select()
          .from(systemReviews)
          .where(inArray(systemReviews.tailoringId, [...ids]))
          .orderBy(desc(systemReviews.recordedAt)),
        (r) => r.tailoringId,
      ),
    ),
    actionPlanOf: new DataLoader<string, typeof actionPlans.$inferSelect | null>(async (ids) =>
      firstBy(
        ids,
        await db
          .select()
          .from(actionPlans)
          .where(inArray(actionPlans.tailoringId, [...ids])),
        (r) => r.tailoringId,
      ),
    ),
    actionItems: new DataLoader<string, (typeof actionItems.$inferSelect)[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(actionItems)
          .where(inArray(actionItems.actionPlanId, [...ids]))
          .orderBy(asc(actionItems.position), asc(actionItems.createdAt)),
        (r) => r.actionPlanId,
      ),
    ),
  };
}

export type TailoringLoaders = ReturnType<typeof createTailoringLoaders>;
