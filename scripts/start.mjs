// `npm start`: Trygg on a fresh machine in one command. Installs what is missing, migrates and
// seeds the embedded database on first run, builds the portal when needed, and runs API and portal
// until Ctrl-C. Data stays in .data/ between runs.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startDemoPinger } from "./demo-pinger.mjs";
import {
  apiProcess,
  ensureDependencies,
  log,
  portIsFree,
  root,
  run,
  startService,
  stopService,
  waitFor,
} from "./lib.mjs";

const apiPort = process.env.API_PORT ?? "4000";
const portalPort = process.env.PORTAL_PORT ?? "3000";
const dataDir = process.env.TRYGG_DATA_DIR ?? path.join(root, ".data");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The workspace packages both the API and the portal build from (`packages/charts`, `packages/roles`). */
const sharedSources = ["charts", "roles"].map((name) => path.join(root, "packages", name, "src"));
const newestShared = () => Math.max(...sharedSources.map(newestMtime));

function portalNeedsBuild() {
  const built = path.join(root, "portal", "build", "server", "index.js");
  if (!existsSync(built)) return true;
  return Math.max(newestMtime(path.join(root, "portal", "app")), newestShared()) > statSync(built).mtimeMs;
}

/**
 * The portal's SESSION_SECRET when none is set: made once and kept in the data directory (readable
 * only by its owner), so restarts keep everybody logged in and no shared default secret is used.
 */
function portalSessionSecret() {
  const file = path.join(dataDir, "portal-session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The API runs compiled in production; rebuilt when a source is newer than the build. */
function apiNeedsBuild() {
  const built = path.join(root, "api", "dist", "main.js");
  return (
    !existsSync(built) || Math.max(newestMtime(path.join(root, "api", "src")), newestShared()) > statSync(built).mtimeMs
  );
}

// The ports first: a port in use is found in a second, not after the first start's install of several minutes.
for (const [name, port, setting] of [
  ["API", apiPort, "API_PORT"],
  ["portal", portalPort, "PORTAL_PORT"],
]) {
  if (!(await portIsFree(port))) {
    log(
      `Port ${port} for the ${name} is in use. Is Trygg already running? Stop it, or choose another port with ${setting}=…`,
    );
    process.exit(1);
  }
}
ensureDependencies();
// The links in e-mails lead to this portal unless the operator names its public address.
const env = {
  TRYGG_DATA_DIR: dataDir,
  API_PORT: apiPort,
  PORTAL_URL: process.env.PORTAL_URL ?? `http://localhost:${portalPort}`,
};
if (!process.env.DATABASE_URL) log(`Using the embedded database in ${dataDir}`);
if (apiNeedsBuild()) {
  log("Building the API…");
  if (run("npm", ["run", "build", "-w", "api"]) !== 0) process.exit(1);
}
const seed = apiProcess("scripts/seed-demo");
// The seed's lived monitoring writes the demo checks' ping keys here; the simulator pings with them.
const demoPingKeys = path.join(dataDir, "demo-ping-keys.json");
log("Migrating and seeding the demo on first run…");
if (
  run(seed.cmd, [...seed.args, "--quiet", `--lived-monitoring=${demoPingKeys}`], {
    env: { ...seed.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  }) !== 0
) {
  process.exit(1);
}
if (portalNeedsBuild()) {
  log("Building the portal…");
  if (run("npm", ["run", "build", "-w", "portal"]) !== 0) process.exit(1);
}

const main = apiProcess("main");
let api = startService("api", main.cmd, main.args, { env: { ...main.env, ...env } });
const portal = startService("portal", "node", ["portal/server.mjs"], {
  env: {
    PORT: portalPort,
    TRYGG_API_URL: process.env.TRYGG_API_URL ?? `http://127.0.0.1:${apiPort}/graphql`,
    NODE_ENV: process.env.NODE_ENV ?? "production",
    SESSION_SECRET: process.env.SESSION_SECRET ?? portalSessionSecret(),
  },
});

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  log("Stopping…");
  await Promise.all([stopService(api), stopService(portal)]);
  process.exit(code);
}
// SIGHUP: the terminal was closed. Its default would end this process alone; the children would
// then stop by themselves (their IPC channel closes), but stopping them here waits for them.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void stop());
// The API exits on an error it cannot vouch for (its crash policy); like any supervisor we start a
// clean one, unless it keeps failing. The portal keeps running meanwhile.
const apiRestarts = [];
function superviseApi(child) {
  child.on("exit", (code) => {
    if (stopping) return;
    const now = Date.now();
    while (apiRestarts.length && now - apiRestarts[0] > 60_000) apiRestarts.shift();
    if (apiRestarts.length >= 5) {
      log(`The API stopped (exit ${code}) five times within a minute; stopping the rest.`);
      void stop(1);
      return;
    }
    apiRestarts.push(now);
    log(`The API stopped (exit ${code}); starting it again.`);
    setTimeout(() => {
      if (stopping) return;
      api = startService("api", main.cmd, main.args, { env: { ...main.env, ...env } });
      superviseApi(api);
    }, 1_000);
  });
}
superviseApi(api);
portal.on("exit", (code) => {
  if (!stopping) {
    log(`The portal stopped (exit ${code}); stopping the rest.`);
    void stop(1);
  }
});

try {
  await waitFor(`http://127.0.0.1:${apiPort}/healthz`, { what: "the API" });
  await waitFor(`http://127.0.0.1:${portalPort}/login`, { what: "the portal" });
} catch (e) {
  log(e.message);
  await stop(1);
}
const stopPinger = startDemoPinger({
  apiBase: `http://127.0.0.1:${apiPort}`,
  keysFile: demoPingKeys,
});
process.on("exit", stopPinger);
const logins = apiProcess("scripts/demo-logins");
const printed = spawnSync(logins.cmd, logins.args, {
  cwd: root,
  encoding: "utf8",
  env: { ...process.env, ...logins.env },
});
const listed =
  printed.status === 0
    ? printed.stdout.trim()
    : `(could not list the demo logins: ${printed.stderr.trim().split("\n")[0]})`;
console.log(`
  Trygg is running.
    Portal:   http://localhost:${portalPort}
    GraphQL:  http://localhost:${apiPort}/graphql   (health: http://localhost:${apiPort}/healthz)

${listed.replace(/^/gm, "  ")}

  Press Ctrl-C to stop. Data is kept in ${process.env.DATABASE_URL ? "PostgreSQL" : dataDir}.
`);
