/**
 * The portal's settings, read in one place. Defaults suit a developer's machine; production sets
 * SESSION_SECRET and TRYGG_API_URL.
 */
const DEV_SESSION_SECRET = "trygg-portal-dev-secret-not-for-production";

export function apiUrl(): string {
  return process.env.TRYGG_API_URL || "http://localhost:4000/graphql";
}

export function sessionSecrets(): string[] {
  const secret = process.env.SESSION_SECRET;
  return [secret && secret.length > 0 ? secret : DEV_SESSION_SECRET];
}

/** Secure cookies need HTTPS; PORTAL_SECURE_COOKIE=false allows a production build over plain HTTP (e.g. CI). */
export function secureCookie(): boolean {
  return process.env.NODE_ENV === "production" && process.env.PORTAL_SECURE_COOKIE !== "false";
}
