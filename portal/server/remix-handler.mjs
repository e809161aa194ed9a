// Remix behind Express, as @remix-run/express 2.17 serves it, with one change: the body Remix reads
// is the counted one from body-limit.mjs, not the raw request. That adapter reads the request stream
// itself and offers no hook to put anything between, so this file takes its place.
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import { countedBody, refuseTooLarge } from "./body-limit.mjs";

/**
 * The URL as the browser used it, built as @remix-run/express builds it: the host from
 * `req.hostname` (which follows "trust proxy"), the port from X-Forwarded-Host or Host, the whole path.
 */
function urlOf(req) {
  const portOf = (host) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const forwardedPort = portOf(req.get("x-forwarded-host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
}

function headersOf(req) {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    for (const value of [values ?? []].flat()) headers.append(name, value);
  }
  return headers;
}

async function send(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // Each Set-Cookie comes on its own.
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

export function remixHandler({ build, mode, getLoadContext, limitFor }) {
  const handleRequest = createRequestHandler(build, mode);
  return async (req, res, next) => {
    // Loaders and actions stop when the browser goes away before the answer is written.
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const init = { method: req.method, headers: headersOf(req), signal: controller.signal };
    if (req.method !== "GET" && req.method !== "HEAD") {
      const limit = limitFor(req.path);
      const body = countedBody(req, limit, () => {
        refuseTooLarge(req, res, limit);
        // The action reading the body fails; an aborted request is not logged as an error (entry.server.tsx).
        controller.abort();
      });
      init.body = createReadableStreamFromReadable(body);
      init.duplex = "half";
    }
    try {
      const response = await handleRequest(new Request(urlOf(req).href, init), await getLoadContext(req, res));
      // Already answered 413: whatever Remix made of the cut-off body is dropped.
      if (res.headersSent) return void (await response.body?.cancel());
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };
}
