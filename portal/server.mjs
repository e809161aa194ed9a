// The portal's production server: remix-serve's job, plus what it cannot do.
// - The API slows down failed log-ins per client address; behind the portal every request would come
//   from the portal's own address, so one person's typos could lock everybody out. The real address
//   is put in a header only this server sets, and the API client forwards it as X-Forwarded-For.
// - Security headers and a Content-Security-Policy with a fresh nonce per response for Remix's
//   inline scripts (helmet), and a 403 for forms posted from another site.
// - A cap on request bodies, per path, kept before Remix reads any (server/body-limit.mjs).
import express from "express";
import helmet from "helmet";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { refuseDeclaredTooLarge } from "./server/body-limit.mjs";
import { remixHandler } from "./server/remix-handler.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const buildDir = process.env.PORTAL_BUILD_DIR ? path.resolve(process.env.PORTAL_BUILD_DIR) : path.join(here, "build");
const build = await import(path.join(buildDir, "server", "index.js"));

// The same zod-checked settings the app reads (app/lib/env.server.ts); a bad one stops start-up here.
let settings;
try {
  settings = build.entry.module.portalEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const app = express();
app.disable("x-powered-by");
// Decides whose X-Forwarded-For and X-Forwarded-Proto count, so req.ip and "came over HTTPS" (the
// cookies' Secure flag, HSTS) cannot be claimed by just anybody.
app.set("trust proxy", settings.PORTAL_TRUST_PROXY);

app.use((req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
});
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        // The two progress bars set their width in a style attribute; no inline <style> elements.
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        // Over plain HTTP (development, CI) upgrading would break every asset.
        "upgrade-insecure-requests": null,
      },
    },
    // Only over HTTPS: a browser ignores HSTS on plain HTTP, and localhost must keep working.
    strictTransportSecurity: false,
    referrerPolicy: { policy: "same-origin" },
    frameguard: { action: "deny" },
  }),
);
app.use((req, res, next) => {
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
});

// The most of a body each path may send (app/lib/request-body-limits.ts): a declared length over it
// is refused here; one without a length is counted as Remix reads it (server/remix-handler.mjs).
const limitFor = build.entry.module.bodyLimitFor;
app.use(refuseDeclaredTooLarge(limitFor));

// A form posted from another site is refused before Remix sees it (Remix would throw: a 500).
// Browsers send Origin with every POST; a request without one is not a browser's cross-site form.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const origin = req.get("origin");
  if (origin === undefined) return next();
  let host;
  try {
    host = origin === "null" ? undefined : new URL(origin).host;
  } catch {
    host = undefined;
  }
  // The host Remix compares with, so that what passes here passes there.
  const expected = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
  if (host !== undefined && host === expected) return next();
  res.status(403).type("text/plain").send("Forbidden: this form was sent from another site.");
});

app.use("/assets", express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
app.use((req, _res, next) => {
  req.headers["x-trygg-client-address"] = req.ip ?? req.socket.remoteAddress ?? "";
  next();
});
app.all(
  "*",
  remixHandler({
    build,
    mode: settings.NODE_ENV,
    limitFor,
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
  }),
);

const server = app.listen(settings.PORT, () => console.log(`Trygg portal on http://localhost:${settings.PORT}`));
// A client that sends `Expect: 100-continue` waits for the app's word before sending the body, so
// that an oversized one is refused before it is sent (refuseDeclaredTooLarge says "continue" otherwise).
server.on("checkContinue", app);
function stop() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stop);
// Started by a supervisor over an IPC channel (npm start): ends with it, however it ended (SIGKILL
// included), instead of living on as an orphan holding the port.
if (process.channel) {
  process.channel.unref();
  process.on("disconnect", stop);
}
