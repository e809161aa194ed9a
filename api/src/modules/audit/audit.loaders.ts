import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { agreementHistories, type AuditEventRow } from "./audit.service.js";

/** Per-request loaders for histories, so a list of agreements with their history costs one query. */
export function createAuditLoaders(db: Db) {
  return {
    agreementHistory: new DataLoader<string, AuditEventRow[]>((ids) => agreementHistories(db, ids)),
  };
}

export type AuditLoaders = ReturnType<typeof createAuditLoaders>;
