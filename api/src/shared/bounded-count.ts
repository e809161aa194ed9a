import { sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client.js";
import { TOTAL_COUNT_CAP } from "./connection.js";
import { rowsOf } from "./table-rows.js";

/**
 * A filtered list's size, counted no further than one past TOTAL_COUNT_CAP (decision 0094): at a vendor's size a
 * filter can leave tens of thousands of rows, and counting them all is most of a page's cost, where "more than ten
 * thousand" answers what a person or a nightly job does with the figure. `paginateKeyset` turns an answer above the
 * cap into the cap and `totalCountCapped`. `from` may be a join.
 */
export function boundedCountSql(from: PgTable | SQL, where: SQL | undefined): SQL<number> {
  return sql<number>`(select count(*) from (select 1 from ${from}${where ? sql` where ${where}` : sql``}
    limit ${sql.raw(String(TOTAL_COUNT_CAP + 1))}) as bounded)`;
}

/** A count subquery (a kept or a bounded one) read as its own statement: for a page that does not carry it. */
export async function readCount(db: DbOrTx, count: SQL<number>): Promise<number> {
  const [row] = rowsOf(await db.execute(sql`select ${count} as n`));
  return Number(row?.n ?? 0);
}

/** `boundedCountSql` as its own statement. */
export function boundedCount(db: DbOrTx, from: PgTable | SQL, where: SQL | undefined): Promise<number> {
  return readCount(db, boundedCountSql(from, where));
}
