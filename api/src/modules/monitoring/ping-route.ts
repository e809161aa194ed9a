import express from "express";
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
function readBody(req: express.Request): { fields: Record<string, unknown>; log: string | null } {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (raw.length === 0) return { fields: {}, log: null };
  const text = raw.toString("utf8");
  const type = req.headers["content-type"] ?? "";
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

function answer(res: express.Response, status: number, text: string) {
  res.status(status).type("text/plain; charset=utf-8").send(`${text}\n`);
}

/**
 * `/ping/<key>[/start|/fail|/<exit code>]`, GET or POST: what an installation's cron line or backup
 * script calls. Answers in plain text, never HTML, and stores nothing for a key no check has.
 */
export function pingRoute(db: Db, settings: PingLimitSettings): express.Router {
  const limits = new PingLimits(db, settings);
  const queue = new PingCommitQueue<ArrivedPing, PingAnswer>(
    (group) => commitPingGroup(db, limits, group),
    (error) => ({ error }),
    GROUP_CAP,
  );
  const router = express.Router();
  const body = express.raw({ type: () => true, limit: PING_BODY_LIMIT_BYTES });
  const handle: express.RequestHandler = async (req, res) => {
    try {
      const key = String(req.params.key);
      if (!PING_KEY_SHAPE.test(key)) throw new BadPing("That is not a ping key (tpk_ and 43 letters, digits, - or _).");
      const { signal, exitCode } = signalOf(req.params.signal as string | undefined);
      const { fields, log } = readBody(req);
      const pick = (name: string) => fields[name] ?? req.query[name];
      const rid = req.query.rid;
      if (rid !== undefined && (typeof rid !== "string" || !RUN_ID_SHAPE.test(rid)))
        throw new BadPing("rid must be 1-64 letters, digits, or . : _ -.");
      const input: PingInput = {
        key,
        signal,
        exitCode,
        runId: (rid as string | undefined) ?? null,
        durationMs: figure(pick("duration_ms"), "duration_ms", MAX_DURATION_MS),
        sizeBytes: figure(pick("size_bytes"), "size_bytes", MAX_SIZE_BYTES),
        // PostgreSQL text cannot hold NUL; a binary log is kept readable rather than refused.
        body: log?.replaceAll("\0", "\uFFFD") ?? null,
        remoteAddress: req.ip ?? null,
      };
      const wait = await limits.addressRefusal(req.ip ?? "unknown");
      // Answered only once the ping is committed with its group.
      const taken: PingAnswer =
        wait === null ? await queue.take({ input, keyHash: hashPingKey(key), now: new Date() }) : { retryAfter: wait };
      if ("retryAfter" in taken) {
        res.setHeader("retry-after", String(taken.retryAfter));
        return answer(res, 429, `Too many pings; try again in ${taken.retryAfter} s.`);
      }
      if ("error" in taken) throw taken.error;
      if (!taken.taken) return answer(res, 404, "No check has this ping key.");
      answer(res, 200, "OK");
    } catch (e) {
      if (e instanceof BadPing) return answer(res, 400, e.message);
      if (isDatabaseUnavailable(e)) {
        res.setHeader("retry-after", "2");
        return answer(res, 503, "Briefly unavailable; ping again in a few seconds.");
      }
      req.log.error({ err: e }, "ping failed");
      answer(res, 500, "Something went wrong on our side.");
    }
  };
  for (const path of ["/ping/:key", "/ping/:key/:signal"]) {
    router.get(path, handle);
    router.post(path, body, handle);
  }
  router.all("/ping/{*rest}", (_req, res) =>
    answer(res, 400, "Ping as /ping/<key>, /ping/<key>/start, /ping/<key>/fail or /ping/<key>/<exit code>."),
  );
  // The body parser's refusals (too large, a bad charset) in the ping's own plain words.
  router.use("/ping", (err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    const e = err as { type?: string; status?: number };
    if (e.type === "entity.too.large") return answer(res, 413, `The body is over ${PING_BODY_LIMIT_BYTES} bytes.`);
    if (e.status && e.status >= 400 && e.status < 500) return answer(res, 400, "The body could not be read.");
    next(err);
  });
  return router;
}
