import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { installedVersionsOf, type InstalledVersion } from "./release.service.js";

/** Per-request loaders for installed versions, so a list of agreements or properties costs two queries for all of them. */
export function createReleaseLoaders(db: Db) {
  return {
    installedVersions: new DataLoader<string, InstalledVersion[]>(async (propertyIds) => {
      const rows = await installedVersionsOf(db, [...propertyIds]);
      return propertyIds.map((id) => rows.filter((r) => r.propertyId === id));
    }),
  };
}

export type ReleaseLoaders = ReturnType<typeof createReleaseLoaders>;
