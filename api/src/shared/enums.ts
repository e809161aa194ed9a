import { registerEnumType } from "type-graphql";

/**
 * A GraphQL enum made from a list of values, usually a pgEnum's `enumValues`, so that the database,
 * the TypeScript type and the schema share one list. Every value must be described: a value added
 * to the pgEnum fails to compile here until it is.
 */
export function graphqlEnum<const V extends string>(
  values: readonly V[],
  config: { name: string; description: string; valuesConfig: { [K in V]: { description: string } } },
): { [K in V]: K } {
  const e = Object.fromEntries(values.map((v) => [v, v])) as { [K in V]: K };
  registerEnumType(e, config);
  return e;
}
