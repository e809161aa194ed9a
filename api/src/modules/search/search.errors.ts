import { GraphQLError } from "graphql";

/**
 * Why a search was refused. A search changes nothing, so a bad query is not a userError but a
 * BAD_USER_INPUT error; `extensions.reason` carries one of these for clients that want to switch.
 */
export const SearchErrors = {
  QUERY_EMPTY: "QUERY_EMPTY",
  QUERY_TOO_LONG: "QUERY_TOO_LONG",
  QUERY_CONTROL_CHARACTERS: "QUERY_CONTROL_CHARACTERS",
  FIRST_OUT_OF_RANGE: "FIRST_OUT_OF_RANGE",
} as const;

export type SearchErrorCode = (typeof SearchErrors)[keyof typeof SearchErrors];

export function badSearch(reason: SearchErrorCode, message: string, field: "query" | "first"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", reason, field } });
}
