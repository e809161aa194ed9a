/**
 * The rows of one query handed back per key, in the order the keys were asked for: what a
 * DataLoader's batch returns. One pass over the rows, however many keys and rows there are; each
 * key's rows keep the query's order. A row whose key is null belongs to no key.
 */
export function groupBy<Row>(
  keys: readonly string[],
  rows: readonly Row[],
  keyOf: (row: Row) => string | null,
): Row[][] {
  const byKey = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}

/** The first row of each key, or null: for a loader of one thing per key (by id, or the latest first). */
export function firstBy<Row>(
  keys: readonly string[],
  rows: readonly Row[],
  keyOf: (row: Row) => string | null,
): (Row | null)[] {
  return groupBy(keys, rows, keyOf).map((list) => list[0] ?? null);
}
