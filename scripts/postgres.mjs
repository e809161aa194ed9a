// A throwaway PostgreSQL 15 cluster for the tests: found or installed, started in a temp dir on a
// free port as a non-root user, and removed again at the end.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { aptInstall, freePort, isRoot, log } from "./lib.mjs";

export function findBinDir() {
  const base = "/usr/lib/postgresql";
  const candidates = existsSync(base)
    ? readdirSync(base)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => (a === "15" ? -1 : b === "15" ? 1 : Number(b) - Number(a)))
    : [];
  for (const v of candidates) {
    const dir = path.join(base, v, "bin");
    if (existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  return null;
}

export function ensurePostgres() {
  let dir = findBinDir();
  if (!dir) {
    aptInstall(["postgresql"]);
    dir = findBinDir();
  }
  if (!dir) throw new Error("PostgreSQL binaries not found after installing: looked in /usr/lib/postgresql/*/bin");
  return dir;
}

/** initdb refuses to run as root, so the cluster belongs to an unprivileged user. */
function clusterUser() {
  if (!isRoot()) return null;
  for (const name of ["postgres", "nobody"]) {
    if (spawnSync("id", ["-u", name]).status === 0) return name;
  }
  execFileSync("useradd", ["--system", "--no-create-home", "trygg-pg"]);
  return "trygg-pg";
}

function as(user, cmd, args) {
  if (!user) return execFileSync(cmd, args, { stdio: "pipe" });
  return execFileSync("runuser", ["-u", user, "--", cmd, ...args], { stdio: "pipe" });
}

/** `settings` are extra server settings, e.g. `{ shared_preload_libraries: "pg_stat_statements" }` for the bench. */
export async function startCluster({ settings = {} } = {}) {
  const bin = ensurePostgres();
  const user = clusterUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), "trygg-pg-"));
  chmodSync(dir, 0o777);
  if (user) execFileSync("chown", [user, dir]);
  const data = path.join(dir, "data");
  const port = await freePort();
  log(`Starting PostgreSQL (${bin}) on port ${port} in ${dir}`);
  as(user, path.join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "-A",
    "trust",
    "--no-sync",
    "-E",
    "UTF8",
    "--locale=C",
  ]);
  const pgCtl = (...args) => as(user, path.join(bin, "pg_ctl"), ["-D", data, ...args]);
  const start = () =>
    pgCtl(
      "-l",
      path.join(dir, "server.log"),
      "-w",
      "-t",
      "60",
      "start",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200${Object.entries(
        settings,
      )
        .map(([k, v]) => ` -c ${k}=${v}`)
        .join("")}`,
    );
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    binDir: bin,
    /** Stops the server but keeps its data (`fast`: as an operator would; clients are cut off). */
    halt(mode = "fast") {
      pgCtl("-m", mode, "-w", "stop");
    },
    /** Starts a halted server again on the same port with the same data. */
    resume() {
      start();
    },
    stop() {
      try {
        as(user, path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch (e) {
        log(`Stopping PostgreSQL failed: ${e.message}`);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
