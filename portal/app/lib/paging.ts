/** Page sizes a user may pick for a list; the API allows up to 100. */
export const PAGE_SIZES = [5, 10, 20, 50] as const;
const DEFAULT_PAGE_SIZE = 10;

export interface PageVariables {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

/**
 * Relay arguments from the URL: `after` pages forward with `first`, `before` pages back with
 * `last`. Cursors stay opaque; a bad one is the API's to reject.
 */
export function pageFromUrl(url: URL): { size: number; variables: PageVariables } {
  const asked = Number(url.searchParams.get("size"));
  const size = (PAGE_SIZES as readonly number[]).includes(asked) ? asked : DEFAULT_PAGE_SIZE;
  const before = url.searchParams.get("before");
  const after = url.searchParams.get("after");
  if (before) return { size, variables: { last: size, before } };
  return { size, variables: after ? { first: size, after } : { first: size } };
}

/** The trimmed search text from `?q=`, or undefined when there is none. */
export function searchFromUrl(url: URL): string | undefined {
  const q = url.searchParams.get("q")?.trim().slice(0, 200);
  return q ? q : undefined;
}
