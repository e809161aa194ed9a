import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * `column = any($1::uuid[])`: a loader's whole batch as one parameter. `inArray` binds one
 * parameter per id, so a page of 50 agreements with 300 properties builds, sends and plans a
 * 300-entry `IN (…)` list, and each batch size is a new statement text.
 */
export function isAnyUuid(column: AnyColumn, ids: readonly (string | null)[]): SQL {
  // An optional relation hands its loader a null id now and then: it matches nothing, as in `IN`.
  const present = ids.filter((id): id is string => typeof id === "string");
  return sql`${column} = any(${`{${present.join(",")}}`}::uuid[])`;
}
