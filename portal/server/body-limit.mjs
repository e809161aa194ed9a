// The cap on request bodies. Remix reads a form whole into memory (request.formData()) before any
// check of its own, logged in or not: a 64 MB post to /login took the portal from 126 to 314 MB.
// The app names each path's limit (app/lib/request-body-limits.ts); here it is kept before a byte
// of the body is read. A declared length over it is refused at once, a body without one is counted
// as it streams and cut off where it passes the limit.
import { Transform } from "node:stream";

const MB = 1024 * 1024;

/** How long the rest of a refused body is read and dropped before the connection is closed. */
const LINGER_MS = 1_000;

/** Short and plain: no page, no stack, both languages (the session's is not known this early). */
export function refuseTooLarge(req, res, limit) {
  if (res.headersSent) return;
  const megabytes = `${Math.round((limit / MB) * 10) / 10} MB`;
  console.warn(`413 ${req.method} ${req.path}: body over ${megabytes}`);
  lingerThenClose(req);
  res.set({ Connection: "close", "Cache-Control": "no-store" });
  res
    .status(413)
    .type("text/plain")
    .send(`Förfrågan är för stor: högst ${megabytes}.\nRequest body too large: at most ${megabytes}.\n`);
}

/**
 * The connection is closed after the 413, so that no more of the body is taken, but not at once:
 * Node closes it as soon as the answer is written (socket.destroySoon), and with body bytes still
 * arriving that close is a reset, under which a client busy sending loses the answer. As web
 * servers do ("lingering close"), this side is ended after the answer and the rest of the body read
 * and dropped (never kept) until the client stops or LINGER_MS have passed.
 */
function lingerThenClose(req) {
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  req.unpipe();
  req.resume();
}

/**
 * Refuses a Content-Length over the path's limit before anything is read. A client that asks first
 * (`Expect: 100-continue`, which curl sends for bodies over 1 MB) is told 413 instead of "go on", so
 * it sends nothing; the server hands such requests here through its `checkContinue` event.
 */
export function refuseDeclaredTooLarge(limitFor) {
  return (req, res, next) => {
    const limit = limitFor(req.path);
    const declared = Number(req.get("content-length"));
    if (declared > limit) return refuseTooLarge(req, res, limit);
    if (req.get("expect")?.toLowerCase() === "100-continue") res.writeContinue();
    next();
  };
}

/**
 * The request's body as Remix will read it, counted: past `limit` bytes the stream fails (so Remix
 * stops reading) and `onOverflow` answers. The request itself is not destroyed: that would close
 * the socket before the 413 could be written.
 */
export function countedBody(req, limit, onOverflow) {
  let seen = 0;
  const counter = new Transform({
    transform(chunk, _encoding, done) {
      seen += chunk.length;
      if (seen <= limit) return done(null, chunk);
      onOverflow();
      done(new Error(`The request body is over ${limit} bytes.`));
    },
  });
  return req.pipe(counter);
}
