import express from "express";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../../db/client.js";
import { isDatabaseUnavailable } from "../../db/client.js";
import { hashPingKey, PING_KEY_SHAPE } from "./ping-key.js";
import { PingCommitQueue } from "./ping-commit-queue.js";
import { commitPingGroup, type ArrivedPing, type PingAnswer } from "./ping-group.js";
import type { PingInput } from "./ping-input.js";
import { PingLimits, type PingLimitSettings } from "./ping-limits.js";

/** A log excerpt kept with a ping; more is refused (413) rather than cut, so the sender knows. */
const PING_BODY_LIMIT_BYTES = 10 * 1024;
/** A backup larger than 100 TB or longer than 30 days is a typo, not a backup. */
const MAX_SIZE_BYTES = 100 * 1024 ** 4;
const MAX_DURATION_MS = 30 * 24 * 3600 * 1000;
const RUN_ID_SHAPE = /^[\w.:-]{1,64}$/;
/**
 * At most this many pings in one group: at 2,000 pings/s a group holds tens, so the cap only bites
 * after a stall, and then keeps one transaction's locks and statements to a few milliseconds.
 */
const GROUP_CAP = 256;
/**
 * At most this many groups committing at once (decision 0120): one group's round trips then overlap
 * another's, each on a connection of the ping groups' pool, which holds as many (db/client.ts, 0128).
 */
const GROUPS_IN_FLIGHT = 3;
/** A group beside others in flight holds at least this many pings (ping-commit-queue.ts says why). */
const EXTRA_GROUP_AT_LEAST = 4;

class BadPing extends Error {}

function signalOf(word: string | undefined): Pick<PingInput, "signal" | "exitCode"> {
  if (word === undefined) return { signal: "SUCCESS", exitCode: null };
  if (word === "start") return { signal: "START", exitCode: null };
  if (word === "fail") return { signal: "FAIL", exitCode: null };
  if (/^\d{1,3}$/.test(word) && Number(word) <= 255) {
    const exitCode = Number(word);
    return { signal: exitCode === 0 ? "SUCCESS" : "FAIL", exitCode };
  }
  throw new BadPing(
    `Unknown signal "${word.slice(0, 20)}": use start, fail or an exit code 0-255, or nothing for success.`,
  );
}

function figure(value: unknown, name: string, max: number): number | null {
  if (value === undefined || value === null || value === "") return null;
  const n = typeof value === "number" ? value : /^\d+$/.test(String(value)) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 0 || n > max)
    throw new BadPing(`${name} must be a whole number from 0 to ${max}.`);
  return n;
}

/** The body: JSON or a form with size_bytes, duration_ms and log; anything else is the log excerpt itself. */
function readBody(raw: Buffer, type: string): { fields: Record<string, unknown>; log: string | null } {
  if (raw.length === 0) return { fields: {}, log: null };
  const text = raw.toString("utf8");
  if (type.startsWith("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new BadPing("The body is not JSON.");
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
      throw new BadPing("The JSON body must be an object.");
    const fields = parsed as Record<string, unknown>;
    if (fields.log !== undefined && typeof fields.log !== "string") throw new BadPing("log must be a string.");
    return { fields, log: (fields.log as string | undefined) ?? null };
  }
  if (type.startsWith("application/x-www-form-urlencoded")) {
    const fields = Object.fromEntries(new URLSearchParams(text));
    return { fields, log: fields.log ?? null };
  }
  return { fields: {}, log: text };
}

/** Whether a request is a ping: the server hands these to the ping route before Express sees them. */
export function isPingPath(url: string | undefined): boolean {
  return url !== undefined && /^\/ping(?:[/?]|$)/i.test(url);
}

/** How the route speaks to the request log: only refused pings are logged (a taken one is a row of its own). */
export interface PingLog {
  /** The request's id: the caller's X-Request-Id when it has a sane shape, else a new one. */
  requestId(req: IncomingMessage): string;
  refused(line: { requestId: string; method: string; route: string; status: number; durationMs: number }): void;
  failed(requestId: string, error: unknown): void;
}

type Params = { key: string; signal: string | undefined } | null;

/** `/ping/<key>` or `/ping/<key>/<signal>` (a trailing slash allowed, as in Express); null for any other path. */
function paramsOf(path: string): Params {
  const parts = path.split("/");
  // "", "ping", key, [signal], [""]
  if (parts[parts.length - 1] === "" && parts.length > 3) parts.pop();
  if (parts.length < 3 || parts.length > 4 || parts[2] === "" || parts[3] === "") return null;
  try {
    return {
      key: decodeURIComponent(parts[2]!),
      signal: parts[3] === undefined ? undefined : decodeURIComponent(parts[3]),
    };
  } catch {
    return null;
  }
}

/**
 * `/ping/<key>[/start|/fail|/<exit code>]`, GET or POST: what an installation's cron line or backup
 * script calls. Answers in plain text, never HTML, and stores nothing for a key no check has. Served
 * by Node's HTTP server itself, ahead of Express (decision 0096): a ping needs none of the GraphQL
 * app's middleware, whose routing and per-request logger were a third of a ping's CPU. The request
 * takes Express's request prototype (as Express does to each request) so the caller's address and
 * the query string are read exactly as Express reads them ("trust proxy" included).
 */
export function pingRoute(
  app: express.Express,
  db: Db,
  groups: Db,
  settings: PingLimitSettings,
  log: PingLog,
): (req: IncomingMessage, res: ServerResponse) => void {
  const limits = new PingLimits(db, settings);
  const queue = new PingCommitQueue<ArrivedPing, PingAnswer>(
    (group) => commitPingGroup(db, groups, limits, group),
    (error) => ({ error }),
    { cap: GROUP_CAP, inFlight: GROUPS_IN_FLIGHT, extraAtLeast: EXTRA_GROUP_AT_LEAST, keyOf: (ping) => ping.keyHash },
  );
  const body = express.raw({ type: () => true, limit: PING_BODY_LIMIT_BYTES });

  async function handle(req: express.Request, params: NonNullable<Params>, raw: Buffer): Promise<PingAnswer> {
    const { key } = params;
    if (!PING_KEY_SHAPE.test(key)) throw new BadPing("That is not a ping key (tpk_ and 43 letters, digits, - or _).");
    const { signal, exitCode } = signalOf(params.signal);
    const { fields, log: excerpt } = readBody(raw, req.headers["content-type"] ?? "");
    const query = req.query as Record<string, unknown>;
    const pick = (name: string) => fields[name] ?? query[name];
    const rid = query.rid;
    if (rid !== undefined && (typeof rid !== "string" || !RUN_ID_SHAPE.test(rid)))
      throw new BadPing("rid must be 1-64 letters, digits, or . : _ -.");
    const address = req.ip ?? null;
    const input: PingInput = {
      key,
      signal,
      exitCode,
      runId: (rid as string | undefined) ?? null,
      durationMs: figure(pick("duration_ms"), "duration_ms", MAX_DURATION_MS),
      sizeBytes: figure(pick("size_bytes"), "size_bytes", MAX_SIZE_BYTES),
      // PostgreSQL text cannot hold NUL; a binary log is kept readable rather than refused.
      body: excerpt?.replaceAll("\0", "\uFFFD") ?? null,
      remoteAddress: address,
    };
    const wait = await limits.addressRefusal(address ?? "unknown");
    if (wait !== null) return { retryAfter: wait };
    // Answered only once the ping is committed with its group.
    return queue.take({ input, keyHash: hashPingKey(key), now: new Date() });
  }

  return (incoming, res) => {
    const started = performance.now();
    const req = incoming as express.Request;
    // What Express does to each request it serves: its getters (ip, query) then read as in any route.
    Object.setPrototypeOf(req, app.request);
    const requestId = log.requestId(req);
    const path = (req.url ?? "").split("?", 1)[0]!;
    const params = /^\/ping\//i.test(path) ? paramsOf(path) : null;
    const route = params === null ? "/ping/{*rest}" : params.signal === undefined ? "/ping/:key" : "/ping/:key/:signal";
    const answer = (status: number, text: string, headers: Record<string, string> = {}) => {
      const payload = `${text}\n`;
      res.writeHead(status, {
        ...headers,
        "content-type": "text/plain; charset=utf-8",
        "content-length": String(Buffer.byteLength(payload)),
        "x-request-id": requestId,
      });
      res.end(payload);
      const durationMs = Math.round(performance.now() - started);
      if (status >= 400) log.refused({ requestId, method: req.method ?? "", route, status, durationMs });
    };
    const settle = (outcome: PingAnswer) => {
      if ("retryAfter" in outcome)
        return answer(429, `Too many pings; try again in ${outcome.retryAfter} s.`, {
          "retry-after": String(outcome.retryAfter),
        });
      if ("error" in outcome) return fail(outcome.error);
      if (outcome.taken) return answer(200, "OK");
      answer(404, "No check has this ping key.");
    };
    const fail = (error: unknown) => {
      if (error instanceof BadPing) return answer(400, error.message);
      if (isDatabaseUnavailable(error))
        return answer(503, "Briefly unavailable; ping again in a few seconds.", { "retry-after": "2" });
      log.failed(requestId, error);
      answer(500, "Something went wrong on our side.");
    };
    const run = (raw: Buffer) => handle(req, params!, raw).then(settle, fail);
    if (params === null || (req.method !== "GET" && req.method !== "HEAD" && req.method !== "POST")) {
      return answer(400, "Ping as /ping/<key>, /ping/<key>/start, /ping/<key>/fail or /ping/<key>/<exit code>.");
    }
    if (req.method !== "POST") return void run(Buffer.alloc(0));
    body(req, res as express.Response, (err?: unknown) => {
      // The body parser's refusals (too large, a bad encoding) in the ping's own plain words.
      const e = err as { type?: string; status?: number } | undefined;
      if (e?.type === "entity.too.large") return answer(413, `The body is over ${PING_BODY_LIMIT_BYTES} bytes.`);
      if (e && e.status && e.status < 500) return answer(400, "The body could not be read.");
      if (e) return fail(e);
      void run(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    });
  };
}
