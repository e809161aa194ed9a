import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Standard Webhooks' secret form: `whsec_` and the base64 of the key's bytes (24 random bytes, as Svix makes them). */
const SECRET_PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString("base64");
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
}

/**
 * The `webhook-signature` header of the Standard Webhooks specification: `v1,` and the base64 HMAC-SHA256, under the
 * secret's bytes, of `<webhook-id>.<webhook-timestamp>.<body>`; the receiver recomputes it over the raw body.
 */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac("sha256", keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/**
 * A receiver's check, as the specification words it: one of the space-separated `v1,` signatures matches, and the
 * timestamp is within `toleranceSeconds` of now (against replays). Used by the tests and the example receiver's twin.
 */
export function verifyWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, headers.id, ts, body).slice(3), "base64");
  return headers.signature.split(" ").some((s) => {
    const [version, mac] = s.split(",");
    if (version !== "v1" || !mac) return false;
    const given = Buffer.from(mac, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
