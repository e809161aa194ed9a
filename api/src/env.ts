import { z } from "zod";
import { DEFAULT_API_TOKEN_CACHE_SECONDS } from "./modules/access/api-token-cache.js";
import { DEFAULT_PING_LIMITS as PINGS } from "./modules/monitoring/ping-limits.js";
import { DEFAULT_AUTO_RENEWAL_NOTICE_MAIL_DAYS } from "./modules/renewals/auto-renewal-terms.js";
import { DEFAULT_RENEWAL_REMINDER_DAYS } from "./modules/renewals/renewal-thresholds.js";
import { DEFAULT_ATTACHMENT_LIMITS as ATTACHMENTS } from "./modules/support/attachment-limits.js";
import { DEFAULT_PDF_RENDER_TIMEOUT_SECONDS } from "./modules/visits/protocol-pdf.js";
import { DEFAULT_PROTOCOL_SEND_MODE, PROTOCOL_SEND_MODES } from "./modules/visits/protocol-send-mode.js";
import { DEFAULT_RESET_LIMITS } from "./modules/accounts/reset-throttle.js";
import { DEFAULT_CONTACT_LIMITS } from "./modules/contact/index.js";
import { DEFAULT_EXPIRING_WINDOW_DAYS } from "./shared/clock.js";
import {
  DEFAULT_WEBHOOK_DISABLE_AFTER_HOURS,
  DEFAULT_WEBHOOK_TIMEOUT_SECONDS,
} from "./modules/webhooks/webhook-settings.js";

/**
 * Every setting Trygg reads, parsed once. This is the only module that reads process.env, so a
 * typo or a bad value stops start-up here with a message naming the setting, not deep in a request.
 */
/** Where the portal runs by default (`npm start`), for the links in mails. */
export const DEFAULT_PORTAL_URL = "http://localhost:3000";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  API_HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .url()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgres:// or postgresql:// URL")
    .optional(),
  TRYGG_DATA_DIR: z.string().min(1).default(".data"),
  /** Connections per API process (PostgreSQL only). N processes use up to N × this many. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** "false" behind PgBouncer in transaction mode, which cannot keep prepared statements. */
  DATABASE_PREPARE: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** PostgreSQL cancels a statement that runs longer than this. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  TRYGG_ADMIN_EMAIL: z.string().email().optional(),
  TRYGG_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  /** How many days before its end an agreement shows as EXPIRING. */
  AGREEMENT_EXPIRING_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(DEFAULT_EXPIRING_WINDOW_DAYS),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  /**
   * Seconds an API token, once looked up, is believed without asking the database again; 0 looks
   * it up on every request. Revocation in the same process is seen at once, in another after this.
   */
  API_TOKEN_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(DEFAULT_API_TOKEN_CACHE_SECONDS),
  /**
   * Seconds a visit protocol may take to become a PDF; past it its worker thread is stopped and the
   * caller gets PROTOCOL_PDF_FAILED. One takes about a second.
   */
  PDF_RENDER_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(DEFAULT_PDF_RENDER_TIMEOUT_SECONDS),
  /**
   * When a completed visit's protocol is mailed by itself: SIGNED once the customer's contact has signed it,
   * REVIEW only when the technician sends it after a look (decision 0080). Corrections of a mailed one always follow.
   */
  VISIT_PROTOCOL_SEND: z.enum(PROTOCOL_SEND_MODES).default(DEFAULT_PROTOCOL_SEND_MODE),
  /** How often each API process looks for protocols to mail. */
  VISIT_PROTOCOL_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** SMTP server for outgoing e-mail, e.g. smtp://user:pass@mail.example.com:587. Unset: mail is logged, not sent. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("Trygg <trygg@aptus.demo>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60),
  /** The slower limit behind the per-address ones: attempts on one account from anywhere, per day. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT_DAILY: z.coerce.number().int().positive().default(100),
  /** Password-reset mails one e-mail address may be sent per window, whether or not it has an account. */
  PASSWORD_RESET_MAX_PER_ACCOUNT: z.coerce.number().int().positive().default(DEFAULT_RESET_LIMITS.maxPerAccount),
  /** Password-reset requests from one network address per window, whichever e-mails it names. */
  PASSWORD_RESET_MAX_PER_ADDRESS: z.coerce.number().int().positive().default(DEFAULT_RESET_LIMITS.maxPerAddress),
  PASSWORD_RESET_WINDOW_SECONDS: z.coerce.number().int().positive().default(DEFAULT_RESET_LIMITS.windowSeconds),
  /** Requests from the public contact page naming one e-mail address per window. */
  CONTACT_MAX_PER_EMAIL: z.coerce.number().int().positive().default(DEFAULT_CONTACT_LIMITS.maxPerEmail),
  /** Requests from the public contact page from one network address per window. */
  CONTACT_MAX_PER_ADDRESS: z.coerce.number().int().positive().default(DEFAULT_CONTACT_LIMITS.maxPerAddress),
  CONTACT_WINDOW_SECONDS: z.coerce.number().int().positive().default(DEFAULT_CONTACT_LIMITS.windowSeconds),
  /**
   * Support case attachments: what one case, and one customer's cases that are not closed, may hold (MB of 1024 × 1024
   * bytes).
   */
  /** Pings one check's key may send a minute, and one address, before 429 (docs/operations.md). */
  PING_MAX_PER_KEY_PER_MINUTE: z.coerce.number().int().positive().default(PINGS.PING_MAX_PER_KEY_PER_MINUTE),
  PING_MAX_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().positive().default(PINGS.PING_MAX_PER_ADDRESS_PER_MINUTE),
  /** Seconds between the passes that hand back cases an installer left unanswered past their deadline. */
  ESCALATION_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Seconds between the monitoring sweeper's passes over due checks. */
  MONITORING_SWEEP_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  /** Minutes an incident must last before its customer and installer are e-mailed (a blip that heals sends nothing). */
  INCIDENT_MAIL_WAIT_MINUTES: z.coerce.number().int().min(0).max(1440).default(5),
  /** Hours between "still down" reminders while an incident lasts; 0 sends none. */
  INCIDENT_MAIL_REMINDER_HOURS: z.coerce.number().int().min(0).max(720).default(24),
  /**
   * Days before an agreement's end at which its seller, customer admins and partner admins are reminded, e.g.
   * "90,60,30" (each 1–365, distinct); the largest is also the reach of the seller's weekly digest.
   */
  RENEWAL_REMINDER_DAYS: z
    .string()
    .default(DEFAULT_RENEWAL_REMINDER_DAYS.join(","))
    .transform((v) => v.split(",").map((d) => Number(d.trim())))
    .refine((days) => days.every((d) => Number.isInteger(d) && d >= 1 && d <= 365), "must be whole days from 1 to 365")
    .refine((days) => new Set(days).size === days.length, "must not name a day twice")
    .transform((days) => [...days].sort((x, y) => y - x)),
  /** A yearly list indexation that moves prices less than this (in per cent) is carried forward to the next year. */
  INDEX_THRESHOLD_PERCENT: z.coerce.number().min(0).max(50).default(2),
  /** Days before an automatic renewal's notice period closes at which the customer's admins are told of it. */
  AUTO_RENEWAL_NOTICE_MAIL_DAYS: z.coerce.number().int().min(1).max(365).default(DEFAULT_AUTO_RENEWAL_NOTICE_MAIL_DAYS),
  /** Minutes between the renewal jobs' passes (lapses, reminders, the weekly digest) and the board checks'. */
  RENEWAL_JOB_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /**
   * Months a deactivated user's name, e-mail and phone are kept before the daily job anonymises them (decision 0086);
   * the history stays, shown as "före detta användare".
   */
  PERSONAL_DATA_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  /** The portal's address as people reach it, for the links in e-mails. */
  PORTAL_URL: z
    .string()
    .url()
    .default(DEFAULT_PORTAL_URL)
    .transform((u) => u.replace(/\/+$/, "")),
  ATTACHMENT_MAX_FILES_PER_CASE: z.coerce.number().int().positive().default(ATTACHMENTS.ATTACHMENT_MAX_FILES_PER_CASE),
  ATTACHMENT_MAX_MB_PER_CASE: z.coerce.number().int().positive().default(ATTACHMENTS.ATTACHMENT_MAX_MB_PER_CASE),
  ATTACHMENT_MAX_FILES_PER_CUSTOMER: z.coerce
    .number()
    .int()
    .positive()
    .default(ATTACHMENTS.ATTACHMENT_MAX_FILES_PER_CUSTOMER),
  ATTACHMENT_MAX_MB_PER_CUSTOMER: z.coerce
    .number()
    .int()
    .positive()
    .default(ATTACHMENTS.ATTACHMENT_MAX_MB_PER_CUSTOMER),
  /** Files one user may attach in an hour, over every case. */
  ATTACHMENT_MAX_UPLOADS_PER_HOUR: z.coerce
    .number()
    .int()
    .positive()
    .default(ATTACHMENTS.ATTACHMENT_MAX_UPLOADS_PER_HOUR),
  /**
   * Tests only: "true" lets webhook endpoints be plain http:// and loopback, private or link-local addresses, which
   * are otherwise refused at registration and at every delivery (SSRF protection). Never in production.
   */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** Seconds a webhook receiver has to answer an attempt; past it the attempt failed and is retried later. */
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(DEFAULT_WEBHOOK_TIMEOUT_SECONDS),
  /** Hours an endpoint may fail without one success before it is disabled and its partner's admins are mailed. */
  WEBHOOK_DISABLE_AFTER_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(DEFAULT_WEBHOOK_DISABLE_AFTER_HOURS),
  /** Seconds between the webhook delivery job's passes over due deliveries. */
  WEBHOOK_POLL_SECONDS: z.coerce.number().int().min(1).max(300).default(2),
  /**
   * "off" runs every request with graphql-js alone: the operator's switch should a compiled answer
   * ever differ (docs/decisions/0040-compiled-only-where-proven.md); costs about a third more CPU.
   */
  COMPILED_EXECUTION: z.enum(["on", "off"]).default("on"),
  /**
   * Whose X-Forwarded-For to believe for the caller's address (express "trust proxy"): "loopback"
   * (default: the portal on the same host), "false", "true", or a list of proxy addresses.
   */
  TRUST_PROXY: z
    .string()
    .default("loopback")
    .transform((v): boolean | string => (v === "true" ? true : v === "false" ? false : v)),
});

export type Env = z.infer<typeof schema>;

export class InvalidSettingsError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new InvalidSettingsError(`Invalid settings:\n${lines.join("\n")}`);
  }
  if (result.data.TRYGG_ADMIN_EMAIL && !result.data.TRYGG_ADMIN_PASSWORD) {
    throw new InvalidSettingsError("Invalid settings:\n  TRYGG_ADMIN_PASSWORD: required when TRYGG_ADMIN_EMAIL is set");
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
