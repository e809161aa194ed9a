import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, visit, type DocumentNode, type FragmentDefinitionNode } from "graphql";
import { MAX_QUERY_COST, queryCost } from "./query-cost.js";
import { ENCODED_FILE_FIELD, textProblem, UNTRIMMED_FIELD } from "./text-rule.js";

function badInput(message: string, field: (string | number)[]): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "BAD_USER_INPUT", field: field.map(String), http: { status: 400 } },
  });
}

/** Checks every string in the variables against the text rule, trimming them on the way. */
function checkVariables(value: unknown, path: (string | number)[]): unknown {
  if (typeof value === "string") {
    const key = path[path.length - 1];
    const problem = textProblem(value, { encodedFile: typeof key === "string" && ENCODED_FILE_FIELD.test(key) });
    if (problem) throw badInput(`The value at ${path.join(".")} ${problem}.`, path);
    return typeof key === "string" && UNTRIMMED_FIELD.test(key) ? value : value.trim();
  }
  if (Array.isArray(value)) return value.map((v, i) => checkVariables(v, [...path, i]));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = checkVariables(v, [...path, k]);
    return out;
  }
  return value;
}

function checkLiterals(document: DocumentNode): void {
  visit(document, {
    StringValue(node, _key, parent) {
      const field =
        parent && "kind" in parent && (parent.kind === Kind.OBJECT_FIELD || parent.kind === Kind.ARGUMENT)
          ? parent.name.value
          : "";
      const problem = textProblem(node.value, { encodedFile: ENCODED_FILE_FIELD.test(field) });
      if (problem) throw badInput(`A text in the query ${problem}.`, []);
    },
  });
}

/**
 * The boundary for every operation: the text rule on every string argument (so no module repeats
 * it and no bad text reaches PostgreSQL as an internal error), only the operations the API serves
 * (a subscription is the client's mistake: 400), and a cost that counts list sizes (query-cost.ts).
 */
export function inputBoundaryPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (operation && operation.operation !== "query" && operation.operation !== "mutation") {
            throw new GraphQLError(`This API serves queries and mutations, not ${operation.operation}s.`, {
              extensions: { code: "BAD_REQUEST", http: { status: 400 } },
            });
          }
          checkLiterals(document);
          if (operation) {
            const fragments = Object.fromEntries(
              document.definitions
                .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
                .map((d) => [d.name.value, d]),
            );
            const cost = queryCost(schema, operation, fragments, request.variables ?? {});
            if (cost > MAX_QUERY_COST) {
              throw new GraphQLError(
                `This query would cost ${cost}, over the limit of ${MAX_QUERY_COST}. Ask for smaller pages (first), fewer aliases or fewer expensive fields (lapsePreview, updatesNeeded, history) per request; fetch an attachment's bytes from its downloadUrl, not contentBase64.`,
                { extensions: { code: "BAD_REQUEST", cost, maxCost: MAX_QUERY_COST, http: { status: 400 } } },
              );
            }
          }
          if (request.variables) request.variables = checkVariables(request.variables, []) as Record<string, unknown>;
        },
      };
    },
  };
}
