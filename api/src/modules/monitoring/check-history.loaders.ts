import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { checkHistories, type CheckHistory } from "./check-history.queries.js";

export interface HistoryKey {
  checkId: string;
  from: Date;
}

/**
 * Per-request loader of each check's flips since a window start and its state at that start: a page
 * of checks asking for uptime and the daily strip reads them in two queries per distinct window.
 */
export function createCheckHistoryLoaders(db: Db) {
  return {
    checkHistory: new DataLoader<HistoryKey, CheckHistory, string>(
      async (keys) => {
        const byFrom = new Map<number, string[]>();
        for (const k of keys) byFrom.set(+k.from, [...(byFrom.get(+k.from) ?? []), k.checkId]);
        const found = new Map<string, CheckHistory>();
        for (const [from, ids] of byFrom) {
          const histories = await checkHistories(db, ids, new Date(from));
          for (const id of ids) found.set(`${id}|${from}`, histories.get(id)!);
        }
        return keys.map((k) => found.get(`${k.checkId}|${+k.from}`)!);
      },
      { cacheKeyFn: (k) => `${k.checkId}|${+k.from}` },
    ),
  };
}

export type CheckHistoryLoaders = ReturnType<typeof createCheckHistoryLoaders>;
