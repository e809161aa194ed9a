import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createContext, type Context } from "./create-context.js";
import { isDatabaseUnavailable, type Database } from "./db/client.js";
import { DEFAULT_PORTAL_URL, type Env } from "./env.js";
import type { Logger } from "./logger.js";
import { authenticate } from "./modules/access/access.service.js";
import { apiTokenCache, DEFAULT_API_TOKEN_CACHE_SECONDS } from "./modules/access/api-token-cache.js";
import { LoginThrottle, TooManyLoginAttempts } from "./modules/access/login-throttle.js";
import { tokenScopePlugin } from "./modules/access/token-scope-plugin.js";
import { DEFAULT_RESET_LIMITS, ResetThrottle, TooManyResetRequests } from "./modules/accounts/reset-throttle.js";
import { ContactLimits, DEFAULT_CONTACT_LIMITS } from "./modules/contact/index.js";
import { DEFAULT_PING_LIMITS, isPingPath, pingRoute, type PingLimitSettings } from "./modules/monitoring/index.js";
import { attachmentDownload } from "./modules/support/attachment-download.js";
import { ATTACHMENT_DOWNLOAD_PATH } from "./modules/support/attachment-download-url.js";
import { createAttachmentLimits, type AttachmentLimitSettings } from "./modules/support/attachment-limits.js";
import { DEFAULT_PDF_RENDER_TIMEOUT_SECONDS, setPdfRenderTimeout } from "./modules/visits/protocol-pdf.js";
import { webhookSettings } from "./modules/webhooks/index.js";
import { requestIdOnRefusals } from "./request-id-on-refusals.js";
import { pingRequestLog, requestLogger } from "./request-log.js";
import { schema } from "./schema.js";
import { compiledExecution, type CompiledExecutionOptions } from "./shared/compiled-execution.js";
import { Forbidden, Unauthenticated } from "./shared/errors.js";
import { inputBoundaryPlugin } from "./shared/input-boundary.js";
import { MAX_TOKENS, requestLimits } from "./shared/request-limits.js";

type ServerEnv = Pick<
  Env,
  | "SESSION_TTL_HOURS"
  | "AGREEMENT_EXPIRING_WINDOW_DAYS"
  | "LOGIN_MAX_FAILURES_PER_ACCOUNT"
  | "LOGIN_MAX_FAILURES_PER_ADDRESS"
  | "LOGIN_FAILURE_WINDOW_SECONDS"
  | "TRUST_PROXY"
> &
  Partial<
    Pick<
      Env,
      | "LOGIN_MAX_FAILURES_PER_ACCOUNT_DAILY"
      | "API_TOKEN_CACHE_SECONDS"
      | "COMPILED_EXECUTION"
      | "PDF_RENDER_TIMEOUT_SECONDS"
      | "PASSWORD_RESET_MAX_PER_ACCOUNT"
      | "PASSWORD_RESET_MAX_PER_ADDRESS"
      | "PASSWORD_RESET_WINDOW_SECONDS"
      | "CONTACT_MAX_PER_EMAIL"
      | "CONTACT_MAX_PER_ADDRESS"
      | "CONTACT_WINDOW_SECONDS"
      | "PORTAL_URL"
      | "WEBHOOK_ALLOW_PRIVATE_TARGETS"
      | "WEBHOOK_TIMEOUT_SECONDS"
      | "WEBHOOK_DISABLE_AFTER_HOURS"
      | "INDEX_THRESHOLD_PERCENT"
    >
  > &
  Partial<AttachmentLimitSettings> &
  Partial<PingLimitSettings>;

const KNOWN_CODES = new Set([
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "BAD_USER_INPUT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "OPERATION_RESOLUTION_FAILURE",
  "SERVICE_UNAVAILABLE",
  "TOO_MANY_REQUESTS",
  "PAYLOAD_TOO_LARGE",
  "PROTOCOL_PDF_FAILED",
]);

/** The largest request body the API reads. */
const BODY_LIMIT = "1mb";

/** Seconds a client should wait before retrying while the database is away. */
const UNAVAILABLE_RETRY_SECONDS = 2;
const UNAVAILABLE_MESSAGE =
  "The service is briefly unavailable (its database does not answer). Try again in a few seconds.";

/** The answer while the database is away: HTTP 503 with Retry-After, also before a context exists. */
function serviceUnavailable(requestId: string): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: {
      code: "SERVICE_UNAVAILABLE",
      requestId,
      http: { status: 503, headers: new Map([["retry-after", String(UNAVAILABLE_RETRY_SECONDS)]]) },
    },
  });
}

/** Maps our plain errors to contract codes and hides anything unexpected behind a generic message. */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof Forbidden || original instanceof Unauthenticated) {
    return { message: original.message, path: formatted.path, extensions: { code: original.code } };
  }
  if (original instanceof TooManyLoginAttempts || original instanceof TooManyResetRequests) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: { code: original.code, retryAfterSeconds: original.retryAfterSeconds },
    };
  }
  if (isDatabaseUnavailable(original)) {
    return { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: "SERVICE_UNAVAILABLE" } };
  }
  const code = formatted.extensions?.code;
  // type-graphql's class-validator failures name each field and broken rule (no input: shared/validation.ts).
  if (original && (original as { name?: string }).name === "ArgumentValidationError") {
    return { ...formatted, extensions: { ...formatted.extensions, code: "BAD_USER_INPUT" } };
  }
  if (typeof code === "string" && KNOWN_CODES.has(code)) {
    return { ...formatted, extensions: { ...formatted.extensions, stacktrace: undefined } };
  }
  return {
    message: "Something went wrong on our side. Quote the request id when you contact support.",
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

/** Request ids on every response, unexpected errors in the log, and no field hints for strangers. */
function requestPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const e of errors) {
            const original = e.originalError;
            if (isDatabaseUnavailable(original)) {
              contextValue.log.warn({ err: original, path: e.path }, "database unavailable during a GraphQL request");
              continue;
            }
            const known =
              original instanceof Forbidden ||
              original instanceof Unauthenticated ||
              original instanceof TooManyLoginAttempts ||
              original instanceof TooManyResetRequests ||
              (original as { name?: string } | undefined)?.name === "ArgumentValidationError";
            const code = e.extensions?.code;
            if (!known && (typeof code !== "string" || !KNOWN_CODES.has(code))) {
              contextValue.log.error({ err: original ?? e, path: e.path }, "unexpected error in a GraphQL request");
            }
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, requestId: contextValue.requestId };
          if (!result.errors) return;
          if (result.errors.some((e) => e.extensions?.code === "SERVICE_UNAVAILABLE")) {
            response.http.status = 503;
            response.http.headers.set("retry-after", String(UNAVAILABLE_RETRY_SECONDS));
          }
          const waits = result.errors
            .filter((e) => e.extensions?.code === "TOO_MANY_REQUESTS")
            .map((e) => Number(e.extensions?.retryAfterSeconds) || 1);
          if (waits.length > 0) {
            response.http.status = 429;
            response.http.headers.set("retry-after", String(Math.max(...waits)));
          }
          result.errors = result.errors.map((e) => ({
            ...e,
            // Schema hints help an attacker map the API; only logged-in callers get them.
            message: contextValue.viewer ? e.message : e.message.replace(/ ?Did you mean .*\?$/, ""),
            extensions: { ...e.extensions, requestId: contextValue.requestId },
          }));
        },
      };
    },
  };
}

/** The ping limits the settings give, without the unset ones (tests pass a partial env). */
function definedOnly(env: Partial<PingLimitSettings>): Partial<PingLimitSettings> {
  return Object.fromEntries(
    Object.entries({
      PING_MAX_PER_KEY_PER_MINUTE: env.PING_MAX_PER_KEY_PER_MINUTE,
      PING_MAX_PER_ADDRESS_PER_MINUTE: env.PING_MAX_PER_ADDRESS_PER_MINUTE,
    }).filter(([, v]) => v !== undefined),
  );
}

export interface TryggServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startServer(opts: {
  database: Database;
  env: ServerEnv;
  logger: Logger;
  port: number;
  host?: string;
  /** Told which executor answered each request: how the differential test knows the compiled path ran. */
  onExecuted?: CompiledExecutionOptions["onExecuted"];
}): Promise<TryggServer> {
  const { database, env, logger } = opts;
  const app = express();
  app.disable("x-powered-by");
  // GraphQL answers are POSTs nobody revalidates; hashing each large body for an ETag is wasted work.
  app.set("etag", false);
  app.set("trust proxy", env.TRUST_PROXY);
  // Pings are plain HTTP, served ahead of Express (decision 0096); everything else is the app's.
  const pings = pingRoute(
    app,
    database.db,
    database.pingGroups,
    { ...DEFAULT_PING_LIMITS, ...definedOnly(env) },
    pingRequestLog(logger),
  );
  const httpServer = http.createServer((req, res) => (isPingPath(req.url) ? pings(req, res) : app(req, res)));
  apiTokenCache.setSeconds(env.API_TOKEN_CACHE_SECONDS ?? DEFAULT_API_TOKEN_CACHE_SECONDS);
  setPdfRenderTimeout(env.PDF_RENDER_TIMEOUT_SECONDS ?? DEFAULT_PDF_RENDER_TIMEOUT_SECONDS);
  const throttle = new LoginThrottle(database.db, {
    maxPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
    windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
    maxPerAccountDaily: env.LOGIN_MAX_FAILURES_PER_ACCOUNT_DAILY,
  });
  const resetThrottle = new ResetThrottle(database.db, {
    maxPerAccount: env.PASSWORD_RESET_MAX_PER_ACCOUNT ?? DEFAULT_RESET_LIMITS.maxPerAccount,
    maxPerAddress: env.PASSWORD_RESET_MAX_PER_ADDRESS ?? DEFAULT_RESET_LIMITS.maxPerAddress,
    windowSeconds: env.PASSWORD_RESET_WINDOW_SECONDS ?? DEFAULT_RESET_LIMITS.windowSeconds,
  });
  const contactLimits = new ContactLimits(database.db, {
    maxPerEmail: env.CONTACT_MAX_PER_EMAIL ?? DEFAULT_CONTACT_LIMITS.maxPerEmail,
    maxPerAddress: env.CONTACT_MAX_PER_ADDRESS ?? DEFAULT_CONTACT_LIMITS.maxPerAddress,
    windowSeconds: env.CONTACT_WINDOW_SECONDS ?? DEFAULT_CONTACT_LIMITS.windowSeconds,
  });
  const attachmentLimits = createAttachmentLimits(database.db, env);

  const protection = requestLimits();

  const apollo = new ApolloServer<Context>({
    ...protection,
    // Apollo parses, validates and runs the plugins; graphql-jit executes (shared/compiled-execution.ts).
    gateway: compiledExecution(await schema(), {
      enabled: env.COMPILED_EXECUTION !== "off",
      onExecuted: opts.onExecuted,
      onCompiled: (operation) => logger.debug({ operation }, "operation compiled"),
    }),
    csrfPrevention: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Trygg sets no cache hints, and the cache-control plugin would otherwise wrap every resolved field.
    plugins: [
      ...protection.plugins,
      inputBoundaryPlugin<Context>(),
      tokenScopePlugin<Context>(),
      requestPlugin(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
    ],
    validationRules: [...protection.validationRules],
  });
  await apollo.start();

  app.use(requestLogger(logger));

  app.get("/healthz", async (_req, res) => {
    // ping() gives up after 800 ms, so a load balancer hears "down" within a second.
    const up = await database.ping();
    res.status(up ? 200 : 503).json({ status: up ? "ok" : "unavailable", database: up ? "up" : "down" });
  });

  // Attachment bytes leave here, streamed, not base64 inside GraphQL answers (decision 37).
  app.get(`${ATTACHMENT_DOWNLOAD_PATH}/:id`, attachmentDownload(database.db));

  app.use(
    "/graphql",
    requestIdOnRefusals(),
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = String(req.id);
        const header = req.headers.authorization;
        const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
        let viewer = null;
        try {
          viewer = token ? await authenticate(database.db, token, requestId) : null;
        } catch (e) {
          if (!isDatabaseUnavailable(e)) throw e;
          req.log.warn({ err: e }, "database unavailable while authenticating the caller");
          throw serviceUnavailable(requestId);
        }
        return createContext({
          db: database.db,
          viewer,
          requestId,
          ip: req.ip ?? "unknown",
          userAgent: req.headers["user-agent"] ?? null,
          log: req.log.child({ userId: viewer?.userId }),
          app: {
            throttle,
            resetThrottle,
            contactLimits,
            portalUrl: env.PORTAL_URL ?? DEFAULT_PORTAL_URL,
            attachmentLimits,
            sessionTtlHours: env.SESSION_TTL_HOURS,
            expiringWindowDays: env.AGREEMENT_EXPIRING_WINDOW_DAYS,
            indexThresholdPercent: env.INDEX_THRESHOLD_PERCENT,
            webhooks: webhookSettings(env),
          },
        });
      },
    }),
  );

  // A path the API does not serve (a mistyped download URL): JSON like every other answer, not express's HTML page.
  app.use((req, res) => {
    const requestId = String(req.id);
    res.status(404).json({
      errors: [{ message: `Trygg serves no ${req.method} ${req.path}.`, extensions: { code: "NOT_FOUND", requestId } }],
      extensions: { requestId },
    });
  });

  // Bodies express could not read (malformed JSON, `null`, over the limit, a bad charset) and
  // anything else that escaped: a JSON GraphQL error in every NODE_ENV, never express's HTML page.
  app.use((err: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const e = err as { type?: string; status?: number; statusCode?: number };
    const status = e.status ?? e.statusCode ?? 500;
    const requestId = String(req.id);
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err }, "database unavailable outside GraphQL");
      res.setHeader("retry-after", String(UNAVAILABLE_RETRY_SECONDS));
      return void res.status(503).json({
        errors: [{ message: UNAVAILABLE_MESSAGE, extensions: { code: "SERVICE_UNAVAILABLE", requestId } }],
        extensions: { requestId },
      });
    }
    const [code, message] =
      e.type === "entity.too.large"
        ? ["PAYLOAD_TOO_LARGE", `The request body is over ${BODY_LIMIT}.`]
        : status >= 400 && status < 500
          ? ["BAD_REQUEST", "The request body is not a JSON GraphQL request (an object with a `query`)."]
          : [
              "INTERNAL_SERVER_ERROR",
              "Something went wrong on our side. Quote the request id when you contact support.",
            ];
    if (code === "INTERNAL_SERVER_ERROR") req.log.error({ err }, "unexpected error outside GraphQL");
    res
      .status(code === "INTERNAL_SERVER_ERROR" ? 500 : status)
      .json({ errors: [{ message, extensions: { code, requestId } }], extensions: { requestId } });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", (e: NodeJS.ErrnoException) =>
      reject(
        e.code === "EADDRINUSE"
          ? new Error(`Port ${opts.port} is already in use: stop what runs there or set API_PORT.`)
          : e,
      ),
    );
    httpServer.listen(opts.port, opts.host ?? "0.0.0.0", resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    port,
    url: `http://localhost:${port}`,
    stop: () => apollo.stop(),
  };
}
