import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * The session cookie's content sealed with AES-256-GCM: a browser, a proxy log or a stolen cookie
 * jar shows neither the API token nor anything else, and any change to it is detected. The key is
 * derived from SESSION_SECRET with HKDF, so one setting still does it all.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Derived once per secret: every request reads the cookie, often several times (root, layout, page). */
const keys = new Map<string, Buffer>();

function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = Buffer.from(hkdfSync("sha256", secret, "trygg-portal", "session-cookie-v1", 32))));
  return key;
}

export function seal(secrets: readonly string[], plaintext: string): string {
  const [secret] = secrets;
  if (!secret) throw new Error("no session secret");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The plaintext, or undefined for anything not sealed with one of the secrets (old, forged, cut). */
export function unseal(secrets: readonly string[], sealed: string): string | undefined {
  const bytes = Buffer.from(sealed, "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const body = bytes.subarray(IV_BYTES + TAG_BYTES);
  for (const secret of secrets) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", keyOf(secret), iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
    } catch {
      // Not this secret; try the next (rotation).
    }
  }
  return undefined;
}
