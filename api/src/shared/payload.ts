import type { ClassType } from "type-graphql";
import { Field, ObjectType } from "type-graphql";
import { UserError, type Result } from "./errors.js";

/** Maps a service result to a payload: the object under `key`, or null with the userErrors. */
export function payload<K extends string, Row, T>(
  result: Result<Row>,
  key: K,
  map: (row: Row) => T,
): { [P in K]: T | null } & { userErrors: UserError[] } {
  if ("errors" in result) return { [key]: null, userErrors: result.errors } as never;
  return { [key]: map(result.ok), userErrors: [] } as never;
}

/** Makes a mutation payload type: the changed object under `key` (null on failure) and userErrors. */
export function PayloadType<T extends object>(name: string, key: string, type: ClassType<T>, what: string) {
  @ObjectType(name, {
    description: `Result of \`${name.charAt(0).toLowerCase()}${name.slice(1).replace(/Payload$/, "")}\`.`,
  })
  class Payload {
    @Field(() => [UserError], { description: "What was wrong; empty on success. When not empty, nothing was written." })
    userErrors!: UserError[];
  }
  Field(() => type, { nullable: true, description: `The ${what}; null when userErrors is not empty.` })(
    Payload.prototype,
    key,
  );
  return Payload;
}
