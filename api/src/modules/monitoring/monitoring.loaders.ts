import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { groupBy } from "../../shared/group-by.js";
import type { Viewer } from "../../shared/viewer.js";
import type { CheckRow } from "./check-records.js";
import { maintenanceOfProperties, type MaintenanceWindowRow } from "./maintenance-queries.js";
import { checksOfAgreements, checksOfProperties } from "./monitoring-queries.js";

/** Per-request loaders: a page of properties or agreements reads all their checks (and windows) in one query. */
export function createMonitoringLoaders(db: Db, viewer: Viewer | null) {
  return {
    checksOfProperty: new DataLoader<string, CheckRow[]>(async (ids) =>
      groupBy(ids, await checksOfProperties(db, viewer, ids), (r) => r.propertyId),
    ),
    maintenanceOfProperty: new DataLoader<string, MaintenanceWindowRow[]>(async (ids) =>
      groupBy(ids, await maintenanceOfProperties(db, viewer, ids), (r) => r.propertyId),
    ),
    checksOfAgreement: new DataLoader<string, CheckRow[]>(async (ids) =>
      groupBy(ids, await checksOfAgreements(db, viewer, ids), (r) => r.agreementId),
    ),
  };
}

export type MonitoringLoaders = ReturnType<typeof createMonitoringLoaders>;
