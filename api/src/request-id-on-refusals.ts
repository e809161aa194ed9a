import type express from "express";

interface ErrorAnswer {
  errors: { extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

function isErrorAnswer(json: unknown): json is ErrorAnswer {
  return typeof json === "object" && json !== null && Array.isArray((json as { errors?: unknown }).errors);
}

/** The answer with the request id on each error and beside them, as the GraphQL answers carry it; else as it was. */
function withRequestId(body: string, requestId: string): string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return body;
  }
  if (!isErrorAnswer(json) || json.extensions?.requestId) return body;
  return JSON.stringify({
    ...json,
    errors: json.errors.map((e) => ({ ...e, extensions: { ...e.extensions, requestId } })),
    extensions: { ...json.extensions, requestId },
  });
}

/**
 * Apollo refuses some requests itself, before any plugin runs (a batch, a body without a string `query`, a GET
 * without the CSRF preflight header, a method other than GET and POST), so its answer lacks the request id that the
 * partner guide promises on every response and support asks for. This adds it to such refusals.
 */
export function requestIdOnRefusals(): express.RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = ((body?: unknown) =>
      send(
        typeof body === "string" && res.statusCode >= 400 ? withRequestId(body, String(req.id)) : body,
      )) as typeof res.send;
    next();
  };
}
