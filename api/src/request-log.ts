import type express from "express";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pinoHttp } from "pino-http";
import { PLAIN_FIELDS, type Logger } from "./logger.js";

/**
 * The route a request took, as a pattern: a ping key or an attachment id in the path is not logged,
 * and a GET's query string (a whole GraphQL document) is not either.
 */
function routeOf(req: IncomingMessage): string {
  const r = req as express.Request;
  const pattern = (r.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === "string") return `${r.baseUrl ?? ""}${pattern}`;
  const path = (r.originalUrl ?? req.url ?? "").split("?", 1)[0];
  return path === "/graphql" ? path : "unmatched";
}

/** The request's id: the caller's X-Request-Id when it has a sane shape, else a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
}

/** The whole request line: what an operator asks of every request, and nothing that costs more. */
function requestLine(req: IncomingMessage, res: ServerResponse, durationMs: number) {
  return {
    [PLAIN_FIELDS]: true,
    method: req.method,
    route: routeOf(req),
    // Read from the response itself: pino's `res` serializer says null when it cannot tell whether the
    // head was sent, and serialised every response header besides.
    status: res.headersSent ? res.statusCode : null,
    durationMs,
  };
}

/**
 * One line per request (decision 0087): request id, method, route, status and duration. The
 * per-request logger (`req.log`, the resolvers' `ctx.log`) binds the request id only, so the
 * request's headers are neither serialised at its start nor carried by every line logged during it.
 */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    // The logger's own serializers: pino-http's would log an error's statement values (logger.ts).
    wrapSerializers: false,
    quietReqLogger: true,
    quietResLogger: true,
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader("x-request-id", id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url === "/healthz" },
    customSuccessObject: (req, res, val: { responseTime: number }) => requestLine(req, res, val.responseTime),
    // The error itself is logged where it happens, with its request id (server.ts); the line says the status.
    customErrorObject: (req, res, _err, val: { responseTime: number }) => requestLine(req, res, val.responseTime),
    customSuccessMessage: (_req, res) => (res.writableFinished ? "request completed" : "request aborted"),
    customErrorMessage: (_req, res) => (res.writableFinished ? "request failed" : "request aborted"),
  });
}

/**
 * The ping route's side of the request log: pings are served ahead of Express and pino-http
 * (decision 0096), so the route writes the same line itself, for refused pings (4xx, 5xx) only. A
 * ping taken is a row of its own (monitoring_pings, with its address and moment); logging each one
 * too would be the busiest lines of the log.
 */
export function pingRequestLog(logger: Logger) {
  return {
    requestId: requestIdOf,
    refused(line: { requestId: string; method: string; route: string; status: number; durationMs: number }) {
      const { requestId, ...rest } = line;
      logger.info(
        { [PLAIN_FIELDS]: true, reqId: requestId, ...rest },
        rest.status >= 500 ? "request failed" : "request completed",
      );
    },
    failed(requestId: string, error: unknown) {
      logger.child({ reqId: requestId }).error({ err: error }, "ping failed");
    },
  };
}
