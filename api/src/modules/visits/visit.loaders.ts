import DataLoader from "dataloader";
import { asc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { serviceVisits, visitChecks } from "../../db/schema/index.js";
import { firstBy, groupBy } from "../../shared/group-by.js";
import type { BackupEvidence } from "../monitoring/index.js";
import { visitsBackupEvidence } from "./visit-backup-prefill.js";
import { checkKinds, type VisitCheckKindRow, type VisitCheckRow } from "./visit-checks.js";
import type { ServiceVisitRow } from "./visit.service.js";

/**
 * Per-request loaders for visits and their checks, so a list of visits or agreements costs a fixed number of queries.
 */
export function createVisitLoaders(db: Db, now: Date) {
  let kinds: Promise<VisitCheckKindRow[]> | undefined;
  return {
    /** The protocol's checks in order, read once per request. */
    visitCheckKinds: () => (kinds ??= checkKinds(db).then((r) => r)),
    checksByVisit: new DataLoader<string, VisitCheckRow[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(visitChecks)
          .where(inArray(visitChecks.visitId, [...ids])),
        (r) => r.visitId,
      ),
    ),
    /** Each visit's backup evidence over its year (visit-backup-prefill.ts), for a page of visits in one read. */
    backupEvidenceOfVisit: new DataLoader<ServiceVisitRow, BackupEvidence | null, string>(
      async (visits) => visitsBackupEvidence(db, visits, now),
      { cacheKeyFn: (v) => v.id },
    ),
    /**
     * A visit by id, unscoped: only for a relation of something already read through its scope (the booked visit a
     * proposal of new times would move, shown on the answer link's page without log-in).
     */
    visitOfProposal: new DataLoader<string, ServiceVisitRow | null>(async (ids) =>
      firstBy(
        ids,
        await db
          .select()
          .from(serviceVisits)
          .where(inArray(serviceVisits.id, [...ids])),
        (r) => r.id,
      ),
    ),
    visitsByAgreement: new DataLoader<string, ServiceVisitRow[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(serviceVisits)
          .where(inArray(serviceVisits.agreementId, [...ids]))
          .orderBy(asc(serviceVisits.scheduledAt)),
        (r) => r.agreementId,
      ),
    ),
  };
}

export type VisitLoaders = ReturnType<typeof createVisitLoaders>;
