import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";
import type { Viewer } from "../../shared/viewer.js";
import { missingScope } from "./api-token-scopes.js";

/** The operation's root fields, through fragments and inline fragments (which may sit on the root type). */
function rootFields(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): string[] {
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s.name.value];
    if (s.kind === Kind.INLINE_FRAGMENT) return rootFields(s.selectionSet, fragments, seen);
    const fragment = fragments[s.name.value];
    if (!fragment || seen.has(s.name.value)) return [];
    seen.add(s.name.value);
    return rootFields(fragment.selectionSet, fragments, seen);
  });
}

/**
 * The one place token scopes are enforced: before anything runs, every root field of the operation is held against
 * the token's scopes (api-token-scopes.ts). One field outside them refuses the whole operation, so a token never
 * half-runs a request. Sessions and tokens without scopes pass untouched.
 */
export function tokenScopePlugin<C extends { viewer: Viewer | null }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          const scopes = contextValue.viewer?.apiTokenScopes;
          if (!scopes || !operation) return;
          const root = operation.operation === "mutation" ? "Mutation" : "Query";
          const fragments = Object.fromEntries(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          for (const field of rootFields(operation.selectionSet, fragments)) {
            const missing = missingScope(scopes, root, field);
            if (missing) {
              throw new GraphQLError(`This API token lacks the scope ${missing}, which ${field} needs.`, {
                extensions: { code: "FORBIDDEN", missingScope: missing, field, http: { status: 403 } },
              });
            }
          }
        },
      };
    },
  };
}
