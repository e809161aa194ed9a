import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

/** What the log keeps of a receiver's answer: enough to see its error page's first lines, never a whole download. */
const RESPONSE_BODY_LOG_BYTES = 2048;

export type PostOutcome =
  { statusCode: number; body: string; durationMs: number } | { error: string; durationMs: number };

/**
 * One POST to `url`, connected to `address` (the one the target check approved, so the name is not resolved again)
 * while TLS still checks the certificate against the name. The whole exchange, answer included, must finish within
 * `timeoutMs`; only the first RESPONSE_BODY_LOG_BYTES of the answer are read.
 */
export function postWebhook(
  target: { url: URL; address: string; family: 4 | 6 },
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostOutcome> {
  const started = Date.now();
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (o: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    const req = client.request(
      target.url,
      {
        method: "POST",
        lookup: pinned,
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        // A redirect is not followed: it could point anywhere, past the address check.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size < RESPONSE_BODY_LOG_BYTES) chunks.push(c);
          size += c.length;
          if (size >= RESPONSE_BODY_LOG_BYTES) res.destroy();
        });
        const finish = () =>
          done({
            statusCode: res.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LOG_BYTES).toString("utf8"),
            durationMs: Date.now() - started,
          });
        res.on("end", finish);
        res.on("close", finish);
        res.on("error", finish);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      done({ error: `no answer within ${Math.round(timeoutMs / 1000)} s`, durationMs: Date.now() - started });
    }, timeoutMs);
    req.on("error", (e) => done({ error: e.message.slice(0, 500), durationMs: Date.now() - started }));
    req.end(body);
  });
}
