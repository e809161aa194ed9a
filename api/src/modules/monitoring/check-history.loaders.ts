import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { groupBy } from "../../shared/group-by.js";
import { historyOf, historyRows, type CheckHistory } from "./check-history.queries.js";

/** `<check id>|<window start in ms>`: the history of one check from one moment on. */
export const historyKey = (checkId: string, from: Date) => `${checkId}|${+from}`;

/**
 * Per-request loader of each check's flips since a window start and its state at that start: a page
 * of checks asking for uptime and the daily strip reads them in two queries per distinct window.
 */
export function createCheckHistoryLoaders(db: Db) {
  return {
    checkHistory: new DataLoader<string, CheckHistory>(async (keys) => {
      const fromOf = (key: string) => key.split("|")[1]!;
      const froms = [...new Set(keys.map(fromOf))];
      const perWindow = await Promise.all(
        groupBy(froms, keys, fromOf).map(async (windowKeys, i) => {
          const rows = await historyRows(
            db,
            windowKeys.map((k) => k.split("|")[0]!),
            new Date(Number(froms[i])),
          );
          return rows.map((r) => ({ ...r, key: `${r.checkId}|${froms[i]}` }));
        }),
      );
      return groupBy(keys, perWindow.flat(), (r) => r.key).map(historyOf);
    }),
  };
}

export type CheckHistoryLoaders = ReturnType<typeof createCheckHistoryLoaders>;
