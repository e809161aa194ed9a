import { z } from "zod";

/**
 * Every setting the portal reads, parsed once, as the API does in its env.ts: a bad value stops
 * start-up (portal/server.mjs calls portalEnv() before listening) with a message naming it.
 */
export const DEV_SESSION_SECRET = "trygg-portal-dev-secret-not-for-production";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    TRYGG_API_URL: z
      .string()
      .url()
      .refine((v) => /^https?:\/\//.test(v), "must be an http:// or https:// URL")
      .default("http://localhost:4000/graphql"),
    /**
     * The key of the session cookie (encrypted with AES-256-GCM under a key derived from it).
     * Several, comma-separated, rotate it: the first encrypts, all decrypt.
     */
    SESSION_SECRET: z
      .string()
      .default(DEV_SESSION_SECRET)
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().min(32, "must be at least 32 characters")).min(1)),
    /**
     * Whose X-Forwarded-For / X-Forwarded-Proto to believe (express "trust proxy"): "loopback"
     * (default: a proxy on the same host terminates TLS), "false", "true", or the proxies' addresses.
     */
    PORTAL_TRUST_PROXY: z
      .string()
      .default("loopback")
      .transform((v): boolean | string => (v === "true" ? true : v === "false" ? false : v)),
  })
  .superRefine((settings, ctx) => {
    // Anyone can read the development secret in this file; with it they could forge any session.
    if (settings.NODE_ENV === "production" && settings.SESSION_SECRET.includes(DEV_SESSION_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "must be set to a secret of your own in production (npm start makes one in the data directory)",
      });
    }
  });

export type PortalEnv = z.infer<typeof schema>;

export class InvalidSettingsError extends Error {}

export function parsePortalEnv(source: Record<string, string | undefined>): PortalEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new InvalidSettingsError(`Invalid portal settings:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: PortalEnv | undefined;

export function portalEnv(): PortalEnv {
  cached ??= parsePortalEnv(process.env);
  return cached;
}
