import { createHash, randomBytes } from "node:crypto";

/**
 * A check's ping key: "tpk_" and 256 random bits, so a fast hash is enough and only the hash is
 * kept (as API tokens are, decision 0003). The shape is fixed, so a mistyped URL is told apart from
 * a key that does not exist without asking the database.
 */
const PREFIX = "tpk_";
export const PING_KEY_SHAPE = /^tpk_[A-Za-z0-9_-]{43}$/;

export function newPingKey(): { key: string; prefix: string; hash: string } {
  const key = PREFIX + randomBytes(32).toString("base64url");
  return { key, prefix: key.slice(0, 10), hash: hashPingKey(key) };
}

export function hashPingKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
