/**
 * The one text rule at the API's boundary, for every string a client sends (variables and literals
 * alike): valid Unicode (no lone surrogates, which PostgreSQL cannot store), no control characters
 * (NUL included) except tab and line breaks in free text, and at most MAX_TEXT_LENGTH characters.
 * Each field's own, tighter limit is written in its description and checked by its input class.
 * Leading and trailing white space is trimmed from variables (never from passwords and secrets).
 */
export const MAX_TEXT_LENGTH = 10_000;

// C0 controls except \t \n \r, DEL, and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Fields whose value is taken exactly as typed. */
export const UNTRIMMED_FIELD = /password|secret|token/i;

/**
 * Files sent as text (attachments in base64, a drawn signature as a data URL) are not prose: their
 * own rules limit them by decoded size and check their type by content, so the prose length does
 * not apply to them.
 */
export const ENCODED_FILE_FIELD = /base64|dataUrl/i;

/** Why a text breaks the rule, or null when it keeps it. */
export function textProblem(value: string, opts: { encodedFile?: boolean } = {}): string | null {
  if (!opts.encodedFile && value.length > MAX_TEXT_LENGTH) return `is longer than ${MAX_TEXT_LENGTH} characters`;
  if (LONE_SURROGATE.test(value)) return "is not valid Unicode (a lone surrogate)";
  if (CONTROL.test(value)) return "contains a control character";
  return null;
}

// Format characters (zero-width space and joiners, soft hyphen, BOM, bidi marks) show nothing.
const INVISIBLE = /[\p{Cf}\s]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A name someone can read: at least one letter or digit once invisible characters are removed. */
export function isReadableName(value: string): boolean {
  return LETTER_OR_DIGIT.test(value.replace(INVISIBLE, ""));
}
