import DataLoader from "dataloader";
import { asc, desc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actionItems, actionPlans, systemReviews, tailoringEvents, tailorings } from "../../db/schema/index.js";

/** Groups rows by a key, in the order the keys were asked for. */
function grouped<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): Row[][] {
  const by = new Map<string, Row[]>();
  for (const row of rows) by.set(keyOf(row), [...(by.get(keyOf(row)) ?? []), row]);
  return keys.map((k) => by.get(k) ?? []);
}

/**
 * Per-request loaders for tailorings and their parts, so the seller's worklist costs a fixed number
 * of queries, not a few per tailoring. Visibility is decided before: a tailoring reaches a resolver
 * only through a scoped query, and its parts follow it.
 */
export function createTailoringLoaders(db: Db) {
  return {
    tailoringOfAgreement: new DataLoader<string, typeof tailorings.$inferSelect | null>(async (ids) =>
      grouped(ids, await db.select().from(tailorings).where(inArray(tailorings.agreementId, [...ids])), (r) => r.agreementId).map((rows) => rows[0] ?? null),
    ),
    tailoringHistory: new DataLoader<string, (typeof tailoringEvents.$inferSelect)[]>(async (ids) =>
      grouped(
        ids,
        await db.select().from(tailoringEvents).where(inArray(tailoringEvents.tailoringId, [...ids])).orderBy(asc(tailoringEvents.occurredAt), asc(tailoringEvents.id)),
        (r) => r.tailoringId,
      ),
    ),
    latestReview: new DataLoader<string, typeof systemReviews.$inferSelect | null>(async (ids) =>
      grouped(
        ids,
        await db.select().from(systemReviews).where(inArray(systemReviews.tailoringId, [...ids])).orderBy(desc(systemReviews.recordedAt)),
        (r) => r.tailoringId,
      ).map((rows) => rows[0] ?? null),
    ),
    actionPlanOf: new DataLoader<string, typeof actionPlans.$inferSelect | null>(async (ids) =>
      grouped(ids, await db.select().from(actionPlans).where(inArray(actionPlans.tailoringId, [...ids])), (r) => r.tailoringId).map((rows) => rows[0] ?? null),
    ),
    actionItems: new DataLoader<string, (typeof actionItems.$inferSelect)[]>(async (ids) =>
      grouped(
        ids,
        await db.select().from(actionItems).where(inArray(actionItems.actionPlanId, [...ids])).orderBy(asc(actionItems.position), asc(actionItems.createdAt)),
        (r) => r.actionPlanId,
      ),
    ),
  };
}

export type TailoringLoaders = ReturnType<typeof createTailoringLoaders>;
