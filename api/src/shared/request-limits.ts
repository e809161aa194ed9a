import { ApolloArmor } from "@escape.tech/graphql-armor";

/**
 * How large a request may be before it is refused (400, GRAPHQL_VALIDATION_FAILED): nesting, aliases, directives and
 * tokens. One place, because the server applies them and a test holds every document the portal sends to them
 * (request-limits.test.ts): a dashboard that grew past 20 `@include`s was refused whole, and only a browser test
 * noticed.
 */
export const MAX_TOKENS = 5_000;

export function requestLimits() {
  return new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 20 },
    // The cost limit is ours (shared/query-cost.ts): armor's does not count list sizes.
    costLimit: { enabled: false },
    maxDirectives: { n: 20 },
    // graphql-js's own token limit (parseOptions, MAX_TOKENS) fails as a parse error, 400; armor's answered 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
