#!/usr/bin/env node
// A partner's receiver for Trygg's webhooks: verifies each delivery by the Standard Webhooks rules and
// handles each event once. Node 20+, no dependencies. Run: TRYGG_WEBHOOK_SECRET=whsec_… PORT=8080 node receiver.mjs
// (behind your HTTPS proxy: Trygg sends only to https:// addresses that resolve to public addresses).
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import { pathToFileURL } from "node:url";

/** Older than this (or this far ahead), a delivery is refused: a replay of a captured request. */
const TOLERANCE_SECONDS = 5 * 60;

/**
 * Whether a delivery is genuine: one of the `v1,` signatures in `webhook-signature` is the base64 HMAC-SHA256, under
 * the secret's base64-decoded bytes (after `whsec_`), of `<webhook-id>.<webhook-timestamp>.<raw body>`, and the
 * timestamp is recent. Compute it over the raw body as received, before any JSON parsing. During a secret rotation,
 * pass both secrets.
 */
export function verifyWebhook(secrets, headers, rawBody, nowSeconds = Math.floor(Date.now() / 1000)) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signature = headers["webhook-signature"];
  if (!id || !timestamp || !signature) return false;
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > TOLERANCE_SECONDS) return false;
  const given = String(signature)
    .split(" ")
    .map((s) => s.split(","))
    .filter(([version, mac]) => version === "v1" && mac)
    .map(([, mac]) => Buffer.from(mac, "base64"));
  return [secrets].flat().some((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
    const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${rawBody}`).digest();
    return given.some((mac) => mac.length === expected.length && timingSafeEqual(mac, expected));
  });
}

/** Starts the receiver; `handle(event, webhookId)` runs once per webhook-id (a redelivery is only acknowledged). */
export function startReceiver({ secrets, port = 8080, handle }) {
  // In production keep the seen ids in your database, with a unique key, for at least a few days.
  const seen = new Set();
  const server = http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on("data", (c) => {
      size += c.length;
      if (size > 1_000_000) req.destroy();
      else chunks.push(c);
    });
    req.on("end", async () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      if (req.method !== "POST" || !verifyWebhook(secrets, req.headers, raw)) {
        res.writeHead(401).end("bad signature");
        return;
      }
      const id = String(req.headers["webhook-id"]);
      try {
        if (!seen.has(id)) {
          await handle(JSON.parse(raw), id);
          seen.add(id);
        }
        // Answer 2xx quickly: Trygg waits 10 s at most, then retries. Do long work after answering.
        res.writeHead(204).end();
      } catch (e) {
        console.error(e);
        res.writeHead(500).end("try again");
      }
    });
  });
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const secret = process.env.TRYGG_WEBHOOK_SECRET;
  if (!secret) {
    console.error("Set TRYGG_WEBHOOK_SECRET to the whsec_… secret the portal showed when you registered the address.");
    process.exit(2);
  }
  const secrets = [secret, process.env.TRYGG_WEBHOOK_PREVIOUS_SECRET].filter(Boolean);
  await startReceiver({
    secrets,
    port: Number(process.env.PORT ?? 8080),
    handle: (event, id) => console.log(JSON.stringify({ id, type: event.type, data: event.data })),
  });
  console.log(`listening on ${process.env.PORT ?? 8080}`);
}
