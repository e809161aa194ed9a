import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { groupBy } from "../../shared/group-by.js";
import { installedVersionsOf, type InstalledVersion } from "./release.service.js";

/**
 * Per-request loaders for installed versions, so a list of agreements or properties costs two queries for all of them.
 */
export function createReleaseLoaders(db: Db) {
  return {
    installedVersions: new DataLoader<string, InstalledVersion[]>(async (propertyIds) =>
      groupBy(propertyIds, await installedVersionsOf(db, [...propertyIds]), (r) => r.propertyId),
    ),
  };
}

export type ReleaseLoaders = ReturnType<typeof createReleaseLoaders>;
