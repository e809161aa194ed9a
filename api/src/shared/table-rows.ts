import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client.js";

type Raw = Record<string, unknown>;

/** What `db.execute` hands back: postgres.js a list of rows, PGlite an object holding them. */
export const rowsOf = (result: unknown): Raw[] =>
  Array.isArray(result) ? (result as Raw[]) : ((result as { rows?: Raw[] }).rows ?? []);

/** Where a column's cell is in a read row (`name`) and where it goes (`key`). */
export interface ReadColumn {
  key: string;
  name: string;
  column: PgColumn;
}

/** A read row's cells under their keys, each decoded as drizzle decodes its column (dates, timestamps). */
export function decodeRow(columns: readonly ReadColumn[], r: Raw): Raw {
  const row: Raw = {};
  for (const c of columns) {
    const value = r[c.name];
    row[c.key] = value === null || value === undefined ? null : c.column.mapFromDriverValue(value);
  }
  return row;
}

/**
 * Whole rows of one table (plus `extra` columns of a joined one), typed as drizzle's `select()`
 * gives them, for the loaders that read a thousand rows a request. Drizzle maps each cell through
 * a generic path (class checks and an iterator per cell); for the partner query's ~1,000 licence
 * rentals that was an eighth of the API's CPU. Here each column's decoder is found once, and a
 * cell costs one read plus the same decoding drizzle does (dates, timestamps).
 */
export function tableRows<T extends PgTable, Extra extends Record<string, PgColumn> = Record<never, PgColumn>>(
  table: T,
  extra?: Extra,
) {
  // `name` is the key a column comes back under: its own name, or for an extra column its alias.
  const columns = [
    ...Object.entries(getTableColumns(table)).map(([key, column]) => ({
      key,
      column,
      name: column.name,
      select: sql`${column}`,
    })),
    ...Object.entries(extra ?? {}).map(([key, column]) => ({
      key,
      column,
      name: key,
      select: sql`${column} as ${sql.identifier(key)}`,
    })),
  ];
  const list = sql.join(
    columns.map((c) => c.select),
    sql`, `,
  );
  type Row = T["$inferSelect"] & { [K in keyof Extra]: Extra[K]["_"]["data"] };
  /** `also`: expressions read as they come (a system column such as `xmin`), under their key. */
  return async <Also extends string = never>(
    db: DbOrTx,
    query: { from?: SQL; where: SQL; orderBy?: SQL; limit?: number; forUpdate?: boolean; also?: Record<Also, SQL> },
  ): Promise<(Row & Record<Also, unknown>)[]> => {
    const also = Object.entries<SQL>(query.also ?? ({} as Record<Also, SQL>));
    const alsoList = also.map(([key, expression]) => sql`, ${expression} as ${sql.identifier(key)}`);
    const raw = rowsOf(
      await db.execute(
        sql`select ${list}${sql.join(alsoList)} from ${query.from ?? table} where ${query.where}${query.orderBy ? sql` order by ${query.orderBy}` : sql``}${query.limit === undefined ? sql`` : sql` limit ${query.limit}`}${query.forUpdate ? sql` for update` : sql``}`,
      ),
    );
    const rows: Raw[] = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const r = raw[i]!;
      const row = decodeRow(columns, r);
      for (const [key] of also) row[key] = r[key];
      rows[i] = row;
    }
    return rows as (Row & Record<Also, unknown>)[];
  };
}
