import { and, asc, desc, sql, type Column, type SQL } from "drizzle-orm";
import type { KeyPart, KeysetWindow, KeyValue, SortKey } from "./connection.js";

/** One part of a list's sort key: a column or expression (matching its index exactly), and what it holds. */
export interface KeyColumn {
  sql: SQL | Column;
  part: Exclude<KeyPart, "timestamp?">;
}

const CAST: Record<KeyColumn["part"], SQL> = {
  date: sql.raw("::date"),
  integer: sql.raw("::integer"),
  text: sql.raw("::text"),
  timestamp: sql.raw("::timestamptz"),
  uuid: sql.raw("::uuid"),
};

/** A key part as the cursor holds it: a timestamp in UTC to the microsecond, so the row compares equal to itself. */
function asText(c: KeyColumn): SQL {
  if (c.part !== "timestamp") return sql`${c.sql}::text`;
  return sql`case when ${c.sql} = 'infinity' then 'infinity'
    else to_char(${c.sql} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') end`;
}

export interface KeysetOrder<Row extends { cursorKey: KeyValue[] }> {
  sortKey: SortKey<Row>;
  /** Select it as `cursorKey`: the row's sort key as text. */
  cursorKey: SQL<KeyValue[]>;
  /** The window's bounds as row comparisons on the key, which an index on the key's columns answers as a range. */
  within(window: KeysetWindow): SQL | undefined;
  /** The list's order, reversed when the page is read backwards. */
  orderBy(window: KeysetWindow): SQL[];
}

/**
 * A list's keyset (decision 0076, 0088) written once: its sort key's columns in one direction (all ascending or all
 * descending, so one row comparison and one index serve both ways), ending with a unique column.
 */
export function keysetOrder<Row extends { cursorKey: KeyValue[] }>(
  columns: readonly KeyColumn[],
  direction: "asc" | "desc",
): KeysetOrder<Row> {
  const row = sql.join(
    columns.map((c) => sql`${c.sql}`),
    sql`, `,
  );
  const values = (key: KeyValue[]) =>
    sql.join(
      key.map((v, i) => sql`${v}${CAST[columns[i]!.part]}`),
      sql`, `,
    );
  const [later, earlier] = direction === "asc" ? [sql.raw(">"), sql.raw("<")] : [sql.raw("<"), sql.raw(">")];
  return {
    sortKey: { parts: columns.map((c) => c.part), of: (r) => r.cursorKey },
    cursorKey: sql<KeyValue[]>`array[${sql.join(columns.map(asText), sql`, `)}]`,
    within: (w) =>
      and(
        w.after ? sql`(${row}) ${later} (${values(w.after)})` : undefined,
        w.before ? sql`(${row}) ${earlier} (${values(w.before)})` : undefined,
      ),
    orderBy: (w) => {
      const ascending = (direction === "asc") !== w.backwards;
      return columns.map((c) => (ascending ? asc(c.sql) : desc(c.sql)));
    },
  };
}
