// The portal's production server: remix-serve's job, plus one thing it cannot do. The API slows
// down failed log-ins per client address; behind the portal every request would come from the
// portal's own address, so one person's typos could lock everybody out. Here the real address is
// put in a header only this server sets, and the API client forwards it as X-Forwarded-For.
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const buildDir = process.env.PORTAL_BUILD_DIR ? path.resolve(process.env.PORTAL_BUILD_DIR) : path.join(here, "build");
const build = await import(path.join(buildDir, "server", "index.js"));

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.PORTAL_TRUST_PROXY === "true");
app.use("/assets", express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
app.use((req, _res, next) => {
  req.headers["x-trygg-client-address"] = req.ip ?? req.socket.remoteAddress ?? "";
  next();
});
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => console.log(`Trygg portal on http://localhost:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}
