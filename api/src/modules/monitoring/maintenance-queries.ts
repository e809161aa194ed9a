import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { monitoringMaintenanceWindows as windows, properties } from "../../db/schema/index.js";
import { isVendorStaff, type Viewer } from "../../shared/viewer.js";
import { propertyScope } from "../../shared/scope.js";
import type { CheckRow } from "./check-records.js";

export type MaintenanceWindowRow = typeof windows.$inferSelect;

/** Windows that still reach past `since`: not ended before it and not over before it. */
function reaching(since: Date) {
  return and(
    or(isNull(windows.endedAt), gt(windows.endedAt, since)),
    or(isNull(windows.endsAt), gt(windows.endsAt, since)),
  );
}

/** The windows that hold a check: its installation's and its own. Read by the sweeper, so unscoped. */
export function maintenancePlansOfCheck(
  db: DbOrTx,
  check: Pick<CheckRow, "id" | "propertyId">,
  since?: Date,
): Promise<MaintenanceWindowRow[]> {
  return db
    .select()
    .from(windows)
    .where(
      and(
        eq(windows.propertyId, check.propertyId),
        or(isNull(windows.checkId), eq(windows.checkId, check.id)),
        since ? reaching(since) : undefined,
      ),
    );
}

/** Windows of properties the viewer may see: the property decides, as for checks. */
export function maintenanceScope(v: Viewer) {
  if (isVendorStaff(v)) return undefined;
  return inArray(windows.propertyId, sql`(select ${properties.id} from ${properties} where ${propertyScope(v)})`);
}

/**
 * Every window of many properties, in the viewer's scope (the loader's query): a property has a few a
 * year, and uptime over the past year needs the ended ones too.
 */
export function maintenanceOfProperties(
  db: DbOrTx,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<MaintenanceWindowRow[]> {
  if (!viewer) return Promise.resolve([]);
  return db
    .select()
    .from(windows)
    .where(and(inArray(windows.propertyId, [...ids]), maintenanceScope(viewer)))
    .orderBy(asc(windows.startsAt), asc(windows.id));
}

/** Whether a window holds the given check: the installation's hold all its checks. */
export const holdsCheck = (w: MaintenanceWindowRow, checkId: string) => w.checkId === null || w.checkId === checkId;
