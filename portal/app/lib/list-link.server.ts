import { data } from "@remix-run/node";
import type { PageVariables } from "./paging";

/** What was wrong with a list's link; the list page says it above the list. */
export interface LinkProblems {
  /** The cursor was not one the API gave out (an old or edited link): the first page is shown. */
  badCursor: boolean;
  /** A date filter that is no date, as it was in the link: not applied. */
  badDate?: string;
}

/** The API refused the request's input (its BAD_USER_INPUT, which api.server answers with 400). */
function refusedInput(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "init" in error &&
    (error as { init?: { status?: number } }).init?.status === 400
  );
}

/**
 * A list's page as the URL asks; when the API refuses the cursor, the first page instead, with
 * `badCursor` so the page can say why, rather than an error page without the list.
 */
export async function pageOrFirst<T>(
  page: { size: number; variables: PageVariables },
  run: (variables: PageVariables) => Promise<T>,
): Promise<{ result: T; badCursor: boolean }> {
  try {
    return { result: await run(page.variables), badCursor: false };
  } catch (error) {
    if (!(page.variables.after || page.variables.before) || !refusedInput(error)) throw error;
    return { result: await run({ first: page.size }), badCursor: true };
  }
}

/** The loader's answer: HTTP 400 when the link was wrong (the page still shows, and says so). */
export function listAnswer<T extends object>(value: T, problems: LinkProblems) {
  return data({ ...value, problems }, { status: problems.badCursor || problems.badDate ? 400 : 200 });
}
