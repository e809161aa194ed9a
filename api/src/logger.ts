import pino from "pino";

/** Keys whose values never reach a log line, at any depth. */
const SECRET_KEY = /pass(word)?|secret|token|hash|authorization|cookie|^params$|^parameters$/i;
const REDACTED = "[redacted]";

function redactDeep(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (value instanceof Error || value instanceof Date || Buffer.isBuffer(value)) return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? REDACTED : redactDeep(v, depth + 1);
  return out;
}

/** drizzle puts the statement's parameters (a new user's password hash, a token hash) into its message. */
function withoutParams(text: string | undefined): string | undefined {
  return text?.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, "\nparams: [not logged]");
}

/** Errors as pino logs them, minus statement parameters, along the whole cause chain. */
function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return redactDeep(err);
  const out = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  const clean = (e: Record<string, unknown>, depth: number): Record<string, unknown> => {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e)) {
      if (SECRET_KEY.test(k)) continue;
      if (k === "message" || k === "stack") copy[k] = withoutParams(v as string);
      else if (k === "cause" && v && typeof v === "object" && depth < 5) copy[k] = clean(v as Record<string, unknown>, depth + 1);
      else copy[k] = redactDeep(v, depth + 1);
    }
    return copy;
  };
  return clean(out, 0);
}

/**
 * The API's logger. Every line goes through two guards: statement parameters are never logged,
 * and values under secret-sounding keys (password, token, hash, authorization, cookie) are replaced.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "trygg-api" },
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'], censor: REDACTED },
    serializers: { err: serializeError, error: serializeError },
    formatters: { log: (object) => redactDeep(object) as Record<string, unknown> },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = pino.Logger;
