import { badSearch, SearchErrors } from "./search.errors.js";

export const MAX_QUERY_LENGTH = 100;
export const DEFAULT_RESULTS = 10;
export const MAX_RESULTS = 50;

// C0 and C1 control characters, DEL included: nobody types them into a search box, and a tab or a
// NUL in a query is a client bug worth hearing about rather than a silent miss.
const CONTROL = /\p{Cc}/u;

/**
 * The search text as the database compares it: trimmed and with runs of spaces made one. Refuses
 * what cannot be a search, with a reason the client can show.
 */
export function searchQueryOf(raw: string): string {
  if (CONTROL.test(raw)) {
    throw badSearch(
      SearchErrors.QUERY_CONTROL_CHARACTERS,
      "The search text contains control characters (such as a tab or a line break); send plain text.",
      "query",
    );
  }
  const query = raw.trim().replace(/\s+/g, " ");
  if (!query) throw badSearch(SearchErrors.QUERY_EMPTY, "Type something to search for.", "query");
  if ([...query].length > MAX_QUERY_LENGTH) {
    throw badSearch(
      SearchErrors.QUERY_TOO_LONG,
      `The search text is longer than ${MAX_QUERY_LENGTH} characters; shorten it.`,
      "query",
    );
  }
  return query;
}

export function resultCountOf(first: number | null | undefined): number {
  if (first == null) return DEFAULT_RESULTS;
  if (!Number.isInteger(first) || first < 1 || first > MAX_RESULTS) {
    throw badSearch(SearchErrors.FIRST_OUT_OF_RANGE, `\`first\` must be between 1 and ${MAX_RESULTS}.`, "first");
  }
  return first;
}
