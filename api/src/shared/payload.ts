import type { Result, UserError } from "./errors.js";

/** Maps a service result to a payload: the object under `key`, or null with the userErrors. */
export function payload<K extends string, Row, T>(
  result: Result<Row>,
  key: K,
  map: (row: Row) => T,
): { [P in K]: T | null } & { userErrors: UserError[] } {
  if ("errors" in result) return { [key]: null, userErrors: result.errors } as never;
  return { [key]: map(result.ok), userErrors: [] } as never;
}
