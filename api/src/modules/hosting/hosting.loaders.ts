import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../shared/clock.js";
import { firstBy } from "../../shared/group-by.js";
import type { Viewer } from "../../shared/viewer.js";
import { hostingOfCustomers, type HostingRecord } from "./hosting.service.js";

/** Per-request loader: a page of organisations asking for `hosting` reads every record in one batch of statements. */
export function createHostingLoaders(db: Db, viewer: Viewer | null, clock: Clock) {
  return {
    hostingOfCustomer: new DataLoader<string, HostingRecord | null>(async (ids) =>
      viewer
        ? firstBy(ids, await hostingOfCustomers(db, viewer, ids, clock), (r) => r.customerId)
        : ids.map(() => null),
    ),
  };
}

export type HostingLoaders = ReturnType<typeof createHostingLoaders>;
