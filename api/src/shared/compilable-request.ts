import {
  getNamedType,
  isInputObjectType,
  Kind,
  typeFromAST,
  visit,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";

/**
 * Which requests graphql-jit may execute: only those where it is known to give graphql-js's answer
 * byte for byte (docs/decisions/0040-compiled-only-where-proven.md). Everything else runs with
 * graphql-js's own `execute`, so the rule can only cost speed, never correctness.
 *
 * Where graphql-jit is known to differ, and what keeps those requests out:
 * - It does not apply an input object field's default when a variable's object leaves the field out
 *   (graphql-jit#142): the "works once, then INTERNAL_SERVER_ERROR" bug partners hit. And it gives
 *   `null`, not "absent", for a variable left out inside an object or list literal (graphql-jit#91).
 *   So every request's variables are coerced by both, and only an identical result runs compiled
 *   (`sameCoercedVariables`); a variable inside an object or list literal keeps the operation out.
 * - Mutations are not the hot path, run in series, and carry the inputs where "left out" and "null"
 *   mean different things: they always run with graphql-js.
 * - A variable of an input type that holds itself (`input Tree { deeper: Tree }`) sends graphql-jit's
 *   variable compiler into a recursion that takes tens of seconds before the stack overflows: such
 *   an operation is never handed to it.
 */
export function compilableOperation(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== "query") return false;
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type);
    const named = type && getNamedType(type);
    if (isInputObjectType(named) && holdsItself(named)) return false;
  }
  let variableInsideLiteral = false;
  let literalDepth = 0;
  visit(operation, {
    ObjectValue: { enter: () => void literalDepth++, leave: () => void literalDepth-- },
    ListValue: { enter: () => void literalDepth++, leave: () => void literalDepth-- },
    Variable(node, _key, parent) {
      // A variable's own definition (`$n: Int`) is not a use of it.
      if ((parent as { kind?: string } | undefined)?.kind === Kind.VARIABLE_DEFINITION) return;
      if (literalDepth > 0) variableInsideLiteral = true;
    },
  });
  return !variableInsideLiteral;
}

const recursive = new WeakMap<GraphQLInputObjectType, boolean>();

/** Whether an input type can hold itself, directly or through other input types. */
function holdsItself(type: GraphQLInputObjectType): boolean {
  const known = recursive.get(type);
  if (known !== undefined) return known;
  const onPath = new Set<GraphQLInputObjectType>();
  const reaches = (t: GraphQLInputObjectType): boolean => {
    if (onPath.has(t)) return true;
    onPath.add(t);
    const found = Object.values(t.getFields()).some((f) => {
      const inner = getNamedType(f.type);
      return isInputObjectType(inner) && reaches(inner);
    });
    onPath.delete(t);
    return found;
  };
  const answer = reaches(type);
  recursive.set(type, answer);
  return answer;
}

/**
 * Whether two coercions of one request's variables are the same values: the same keys present
 * (absent is not `undefined` is not `null`), dates equal in time, everything else equal in value.
 * Prototypes are ignored (graphql-jit builds `Object.create(null)` objects where graphql-js builds
 * plain ones); resolvers read values, and type-graphql copies arguments into its own classes.
 */
export function sameCoercedVariables(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null)
    return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameCoercedVariables(item, b[i]));
  }
  const keysOfA = Object.keys(a);
  if (keysOfA.length !== Object.keys(b).length) return false;
  return keysOfA.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      sameCoercedVariables((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
