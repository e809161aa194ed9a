import DataLoader from "dataloader";
import { asc, inArray } from "drizzle-orm";
import type { Context } from "../../context.js";
import { serviceVisits, visitChecks } from "../../db/schema/index.js";
import { checkKinds, type VisitCheckKindRow, type VisitCheckRow } from "./visit-checks.js";
import type { ServiceVisitRow } from "./visit.service.js";

function grouped<Row>(rows: Row[], key: (r: Row) => string, ids: readonly string[]): Row[][] {
  const by = new Map<string, Row[]>();
  for (const r of rows) by.set(key(r), [...(by.get(key(r)) ?? []), r]);
  return ids.map((id) => by.get(id) ?? []);
}

function createVisitLoaders(ctx: Context) {
  const { db } = ctx;
  let kinds: Promise<VisitCheckKindRow[]> | undefined;
  return {
    checkKinds: () => (kinds ??= checkKinds(db).then((r) => r)),
    checksByVisit: new DataLoader<string, VisitCheckRow[]>(async (ids) =>
      grouped(await db.select().from(visitChecks).where(inArray(visitChecks.visitId, [...ids])), (r) => r.visitId, ids),
    ),
    visitsByAgreement: new DataLoader<string, ServiceVisitRow[]>(async (ids) =>
      grouped(await db.select().from(serviceVisits).where(inArray(serviceVisits.agreementId, [...ids])).orderBy(asc(serviceVisits.scheduledAt)), (r) => r.agreementId, ids),
    ),
  };
}

export type VisitLoaders = ReturnType<typeof createVisitLoaders>;

// Kept beside the request's context instead of in it, so the module registers nothing in context.ts;
// the WeakMap lets them go with the request.
const perRequest = new WeakMap<Context, VisitLoaders>();

/** The visits' per-request DataLoaders (made on first use in a request). */
export function visitLoaders(ctx: Context): VisitLoaders {
  let l = perRequest.get(ctx);
  if (!l) perRequest.set(ctx, (l = createVisitLoaders(ctx)));
  return l;
}
