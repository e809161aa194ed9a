/**
 * An error as the log shows it: its kind, code, message and stack frames, and the shape of a failed
 * statement, but never a value bound to that statement. Drivers put those values in many places:
 * drizzle's DrizzleQueryError in its message ("Failed query: …\nparams: …") and in `params`, PGlite
 * in `params` and `queryOptions`, postgres.js in `parameters` and `args` (when debugging), and
 * PostgreSQL itself quotes them in `detail` ("Failing row contains (…)", "Key (token_hash)=(…)"),
 * in `where` and in the message of a data exception ('invalid input syntax for type integer: "…"').
 */
export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
}

/** Fields that hold the values of a statement, or PostgreSQL's quotes of them; never logged. */
const STATEMENT_VALUES = new Set([
  "params",
  "parameters",
  "args",
  "types",
  "queryOptions",
  "detail",
  "where",
  "internal_query",
  "internalQuery",
  "internalPosition",
  "internal_position",
]);

/** Keys whose values never reach a log line, at any depth. */
export const SECRET_KEY = /pass(word)?|secret|token|hash|authorization|cookie|^params$|^parameters$/i;

const MAX_CAUSES = 5;

/** Drizzle's message is the statement, then "\nparams: " and the values: keep the statement. */
export function withoutStatementValues(text: string): string {
  const at = text.indexOf("\nparams: ");
  return at < 0 ? text : text.slice(0, at);
}

/**
 * SQLSTATE class 22 (data exception) messages quote the value that failed, and only values:
 * 'invalid input syntax for type uuid: "…"', 'value "…" is out of range for type integer'. The
 * value's own quotes are not escaped, so everything from the first quote to the last goes.
 */
function withoutQuotedValues(message: string, code: unknown): string {
  return typeof code === "string" && code.startsWith("22") ? message.replace(/"[\s\S]*"/, '"[value]"') : message;
}

/** The stack's frames only: its first lines repeat the message (values and all), which `message` holds cleaned. */
function framesOf(err: Error): string[] {
  const stack = typeof err.stack === "string" ? err.stack : "";
  const at = err.message ? stack.indexOf(err.message) : -1;
  const rest = at < 0 ? stack : stack.slice(at + err.message.length);
  return rest.split("\n").filter((line) => /^\s+at /.test(line));
}

export function isErrorLike(value: unknown): value is Error {
  return value instanceof Error;
}

export function logError(err: Error, scrub: (value: unknown, depth: number) => unknown, depth = 0): LoggedError {
  const code = (err as { code?: unknown }).code;
  const type = err.constructor?.name && err.constructor.name !== "Object" ? err.constructor.name : err.name;
  const message = withoutQuotedValues(withoutStatementValues(String(err.message ?? "")), code);
  const out: LoggedError = { type, message, stack: framesOf(err).join("\n") };
  for (const [key, value] of Object.entries(err)) {
    if (
      key === "message" ||
      key === "stack" ||
      key === "cause" ||
      STATEMENT_VALUES.has(key) ||
      SECRET_KEY.test(key) ||
      value === undefined
    )
      continue;
    out[key] = isErrorLike(value)
      ? depth < MAX_CAUSES
        ? logError(value, scrub, depth + 1)
        : "[error]"
      : scrub(value, depth + 1);
  }
  // Often not enumerable (`new Error(m, { cause })`), and where the driver's own error is found.
  const cause = (err as { cause?: unknown }).cause;
  if (cause !== undefined && depth < MAX_CAUSES)
    out.cause = isErrorLike(cause) ? logError(cause, scrub, depth + 1) : scrub(cause, depth + 1);
  if (err instanceof AggregateError && depth < MAX_CAUSES)
    out.errors = err.errors.map((e: unknown) => (isErrorLike(e) ? logError(e, scrub, depth + 1) : scrub(e, depth + 1)));
  return out;
}
