import pino from "pino";
import { isErrorLike, logError, SECRET_KEY, withoutStatementValues, type LoggedError } from "./logged-error.js";

const REDACTED = "[redacted]";
const MAX_DEPTH = 8;

/**
 * Marks a log object whose fields are scalars the API itself read (the request line: method, route,
 * status, duration): nothing in it can be an error or sit under a secret's name, so the logMethod
 * guard lets it through without a walk. Pino's JSON ignores symbol keys.
 */
export const PLAIN_FIELDS = Symbol("plain log fields");

/** Fields pino's own serializers read: an HTTP request and response, which they reduce to safe parts. */
const SERIALIZED_BY_PINO = new Set(["req", "res"]);

/** A value as it may be logged: errors as logError shows them, secret-named keys replaced, at any depth. */
function scrub(value: unknown, depth: number): unknown {
  if (typeof value === "string") return withoutStatementValues(value);
  if (value === null || typeof value !== "object") return value;
  if (isErrorLike(value)) return logError(value, scrub, depth);
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  if (depth > MAX_DEPTH) return "[too deep]";
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? REDACTED : scrub(v, depth + 1);
  return out;
}

function scrubFields(fields: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields))
    out[k] = SERIALIZED_BY_PINO.has(k) ? v : SECRET_KEY.test(k) ? REDACTED : scrub(v, 1);
  return out;
}

/**
 * Every call of every logger made from this one (pino-http's per-request ones too) passes here
 * first, so no path can log an error's statement values: an error given alone or under any key is
 * replaced by logError's view of it, and pino, which takes an error's message for the line's when
 * none is given, takes the cleaned one.
 */
function logMethod(this: pino.Logger, args: Parameters<pino.LogFn>, method: pino.LogFn): void {
  const [first, ...rest] = args as unknown[];
  // The request line, once per request: the one call that must stay cheap, and holds no value to guard.
  if (first !== null && typeof first === "object" && PLAIN_FIELDS in first) return method.apply(this, args);
  const strings = rest.map((v) => (typeof v === "string" ? withoutStatementValues(v) : v));
  if (isErrorLike(first)) {
    const err = logError(first, scrub);
    return (method as (...a: unknown[]) => void).apply(this, [
      { err },
      ...(strings.length > 0 ? strings : [err.message]),
    ]);
  }
  const fields =
    first !== null && typeof first === "object"
      ? scrubFields(first)
      : typeof first === "string"
        ? withoutStatementValues(first)
        : first;
  return (method as (...a: unknown[]) => void).apply(this, [fields, ...strings]);
}

/** Errors reach the serializer already made safe by logMethod; one logged some other way is made safe here. */
function errSerializer(value: unknown): LoggedError | unknown {
  return isErrorLike(value) ? logError(value, scrub) : value;
}

/**
 * The API's logger. Every line goes through two guards: statement parameters are never logged,
 * and values under secret-sounding keys (password, token, hash, authorization, cookie) are replaced.
 * A logger built on it (pino-http) must keep its serializers: `wrapSerializers: false`.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "trygg-api" },
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
      censor: REDACTED,
    },
    serializers: {
      err: errSerializer,
      error: errSerializer,
      req: pino.stdSerializers.req,
      res: pino.stdSerializers.res,
    },
    hooks: { logMethod },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = pino.Logger;
