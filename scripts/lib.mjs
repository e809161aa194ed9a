// Helpers shared by `npm start` and `npm test`: installing what is missing and running processes.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function log(message) {
  process.stdout.write(`\x1b[36m[trygg]\x1b[0m ${message}\n`);
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts, env: { ...process.env, ...opts.env } });
  return r.status ?? 1;
}

/** Installs npm dependencies when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log("Installing npm dependencies (npm ci)…");
  if (run("npm", ["ci", "--no-audit", "--no-fund"]) !== 0) throw new Error("npm ci failed");
}

export function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** Installs Debian packages; only possible as root (as on CI and developer machines here). */
export function aptInstall(packages) {
  if (!isRoot())
    throw new Error(`Missing ${packages.join(", ")}: install with 'sudo apt-get install -y ${packages.join(" ")}'`);
  log(`Installing ${packages.join(", ")} with apt-get…`);
  run("apt-get", ["update", "-qq"]);
  if (run("apt-get", ["install", "-y", "-qq", ...packages], { env: { DEBIAN_FRONTEND: "noninteractive" } }) !== 0) {
    throw new Error(`apt-get install ${packages.join(" ")} failed`);
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(url, { timeoutMs = 60_000, what = url } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000}s`);
}

/** Starts a long-running child whose output is prefixed, so two servers can share one terminal. */
export function startService(name, cmd, args, opts = {}) {
  // Its own process group, so that stopping it also stops what it started (npx → tsx → node). The
  // IPC channel is how it knows we are gone: it closes however we end, and the API and the portal
  // stop when it does; a process group alone would leave them running after a SIGKILL of ours.
  const child = spawn(cmd, args, {
    cwd: opts.cwd ?? root,
    env: { ...process.env, ...opts.env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    detached: true,
  });
  const prefix = `\x1b[35m[${name}]\x1b[0m `;
  const pipe = (stream, out) => {
    let buffer = "";
    stream.on("data", (chunk) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop();
      if (!opts.quiet) for (const line of lines) out.write(prefix + line + "\n");
      else opts.lines?.push(...lines);
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  return child;
}

export function stopService(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    const signal = (name) => {
      try {
        process.kill(-child.pid, name);
      } catch {
        // already gone
      }
    };
    signal("SIGTERM");
    setTimeout(() => signal("SIGKILL"), 6_000).unref();
  });
}

/** True when nothing listens on the port yet. */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(Number(port), () => server.close(() => resolve(true)));
  });
}

/** npx arguments to run an API script with the API's tsconfig (it turns on decorators). */
export function apiScript(file, ...args) {
  return ["tsx", "--tsconfig", "api/tsconfig.json", `api/src/${file}`, ...args];
}

/**
 * How to run an API entry point (`main`, `scripts/migrate`, …): in production from the compiled
 * JavaScript in `dist` (api/dist, or another build's, as the monitoring bench compares) with
 * NODE_ENV=production; otherwise through tsx from the sources.
 */
export function apiProcess(file, { production = true, dist = "api/dist" } = {}) {
  if (!production) return { cmd: "npx", args: apiScript(`${file}.ts`), env: {} };
  return {
    cmd: "node",
    args: [...API_NODE_FLAGS, path.join(dist, `${file}.js`)],
    env: { NODE_ENV: process.env.NODE_ENV ?? "production" },
  };
}

/**
 * V8's heap settings for the API in production (also in api/package.json's `start`; a test keeps
 * the two equal). Under load V8 let the old generation grow to four times what survived the last
 * full collection: ~60 MB live became ~200 MB of heap and 385 MB resident. Growing it threefold
 * keeps the API under 300 MB at ~5 % more CPU; a small young generation (8 MB semi-spaces) costs
 * nothing measurable since most of a response dies young anyway. Measured in docs/performance.md
 * and decision 0035.
 */
export const API_NODE_FLAGS = ["--max-semi-space-size=8", "--heap-growing-percent=200"];
