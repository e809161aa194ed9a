import { createHash, randomBytes } from "node:crypto";

/** A bearer secret: the prefix says what it opens, then 256 random bits. */
export function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** Secrets have 256 bits of entropy, so a fast hash is enough; only the hash is stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
