import { hasMessage, userErrorKey, type MessageKey, type Translate } from "~/i18n/i18n";

/**
 * The one shape every page's action answers a form with. Each page posts its forms to one action
 * with an `intent` (see intent.server.ts); the answer says which form (and which row) it concerns,
 * what went wrong beside which field, or what was done.
 */
export interface FormResult<Intent extends string> {
  intent: Intent;
  /** The row a row's form concerns (an account, a rental, an action item). */
  target?: string;
  ok: boolean;
  errors: FormError[];
  /**
   * Someone else changed the thing since the page was loaded (STALE_VERSION). The page then keeps
   * what it shows and offers a reload, so two people's changes are never mixed.
   */
  conflict?: boolean;
  /** What the user typed, to refill the form after an error. */
  values: Record<string, string | string[]>;
  /** What was done, for the success message. */
  done?: MessageKey;
  /** Fills the success message, e.g. the account holder's name. */
  subject?: string;
  /** Changes on every success, so a form can start empty again. */
  nonce?: string;
}

/**
 * One thing wrong with a form: the input it concerns (null: the whole form), its code, its words.
 * The API's own message is not kept: it is English and written for developers, so a user sees the
 * portal's words for the code (`userError.CODE`), or a helpful generic line for a code it does not know.
 */
export interface FormError {
  field: string | null;
  /** The API's field path after `field`: which entries of a list, e.g. the checks VISIT_INCOMPLETE names. */
  rest?: string[];
  code: string;
  /** The portal's own words, when it has more specific ones than the code's. */
  key?: MessageKey;
}

/** What the API answers a refused mutation with (the `UserError` type). */
export type UserErrors = ReadonlyArray<{ code: string; field?: ReadonlyArray<string> | null }>;

/** An error the portal finds itself, before asking the API. */
export function formError(field: string | null, code: string, key?: MessageKey): FormError {
  return { field, code, key };
}

/** ["input", "email"] → "email"; ["input", "monthlyPrice", "currency"] → "monthlyPrice" (rest: ["currency"]). */
export function formErrors(userErrors: UserErrors): FormError[] {
  return userErrors.map((error) => {
    const [field = null, ...rest] = (error.field ?? []).filter((part) => part !== "input");
    return rest.length > 0 ? { field, rest, code: error.code } : { field, code: error.code };
  });
}

/**
 * A page's own words for some codes, where it can say more than the shared ones: `admin.error.CODE`
 * on the admin pages, `tailoring.error.CODE` on the tailoring page, `organisation.error.CODE` on an
 * organisation's (so a stale version names the record the reader was changing).
 */
export function inPageWords(errors: FormError[], ...pages: WordsPage[]): FormError[] {
  return errors.map((error) => {
    if (error.key) return error;
    const key = pages.map((page) => `${page}.error.${error.code}`).find(hasMessage);
    return key ? { ...error, key } : error;
  });
}

/** A record whose page words its errors, e.g. STALE_VERSION names the agreement, not just "something". */
export type RecordPage = "agreement" | "organisation" | "property" | "user";
/** Whose words a page's errors are in; the first of several that has words for a code wins. */
type WordsPage = "admin" | "coverage" | "tailoring" | "visit" | RecordPage;

/** The answer to a form the API refused; a STALE_VERSION among the errors offers a reload. */
export function refused<Intent extends string>(
  intent: Intent,
  userErrors: UserErrors,
  values: FormResult<Intent>["values"] = {},
  target?: string,
): FormResult<Intent> {
  const conflict = userErrors.some((error) => error.code === "STALE_VERSION");
  return { intent, target, ok: false, errors: formErrors(userErrors), values, ...(conflict ? { conflict } : {}) };
}

export function formErrorText(t: Translate, error: FormError): string {
  return t(error.key ?? userErrorKey(error.code));
}

/** The result when it concerns this form (and this row), else undefined. */
export function resultFor<Intent extends string>(
  result: FormResult<Intent> | undefined,
  intent: Intent,
  target?: string,
): FormResult<Intent> | undefined {
  if (!result || result.intent !== intent) return undefined;
  if (target !== undefined && result.target !== target) return undefined;
  return result;
}

/** A value the user typed before an error, for a field's defaultValue. */
export function typed(result: FormResult<string> | undefined, name: string): string | undefined {
  const value = result && !result.ok ? result.values[name] : undefined;
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A loader/action failure thrown by `apiFor` for a GraphQL BAD_USER_INPUT (e.g. a value the API's
 * scalar rejects), so that a form can show it instead of an error page.
 */
export function isBadRequest(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if (error instanceof Response) return error.status === 400;
  const init = "init" in error ? (error.init as { status?: number } | null) : null;
  return "type" in error && error.type === "DataWithResponseInit" && init?.status === 400;
}
