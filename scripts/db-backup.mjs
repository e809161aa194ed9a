// `npm run db:backup [-- file]` and `npm run db:restore -- file [--force]`: a copy of the database
// and its way back. PostgreSQL (DATABASE_URL): pg_dump's custom format, restored with pg_restore.
// Embedded PGlite (TRYGG_DATA_DIR, default .data): PGlite's own dumpDataDir tarball. Stop the API
// before backing up or restoring the embedded database: PGlite is one process's files.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { log, root } from "./lib.mjs";
import { findBinDir } from "./postgres.mjs";

const [command, ...args] = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((a) => !a.startsWith("--"));
const url = process.env.DATABASE_URL;
const dataDir = path.resolve(process.env.TRYGG_DATA_DIR ?? path.join(root, ".data"));

/** pg_dump/pg_restore of the newest installed PostgreSQL (a dump reads older servers), else from PATH. */
function pgTool(name) {
  const dir = findBinDir();
  return dir && existsSync(path.join(dir, name)) ? path.join(dir, name) : name;
}

function stamp() {
  return new Date().toISOString().replace(/[:.]/g, "-");
}

async function openPglite(options) {
  const { PGlite } = await import("@electric-sql/pglite");
  return PGlite.create(options);
}

async function backup() {
  if (url) {
    const target = path.resolve(file ?? path.join(root, "backups", `trygg-${stamp()}.dump`));
    mkdirSync(path.dirname(target), { recursive: true });
    execFileSync(pgTool("pg_dump"), ["--format=custom", "--no-owner", `--file=${target}`, url], { stdio: "inherit" });
    log(`PostgreSQL backed up to ${target} (restore: npm run db:restore -- ${target})`);
    return;
  }
  if (!existsSync(dataDir)) throw new Error(`No embedded database in ${dataDir}; set TRYGG_DATA_DIR or DATABASE_URL.`);
  const target = path.resolve(file ?? path.join(root, "backups", `trygg-${stamp()}.tar.gz`));
  mkdirSync(path.dirname(target), { recursive: true });
  const db = await openPglite(dataDir);
  try {
    const dump = await db.dumpDataDir("gzip");
    writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
  log(`Embedded database ${dataDir} backed up to ${target} (restore: npm run db:restore -- ${target})`);
}

async function restore() {
  if (!file || !existsSync(file)) throw new Error("Name the backup to restore: npm run db:restore -- <file> [--force]");
  if (url) {
    // --clean drops what the dump holds before recreating it, so a restore over a used database works.
    execFileSync(
      pgTool("pg_restore"),
      ["--clean", "--if-exists", "--no-owner", "--exit-on-error", `--dbname=${url}`, path.resolve(file)],
      { stdio: "inherit" },
    );
    log(`Restored ${file} into the PostgreSQL database.`);
    return;
  }
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    if (!force)
      throw new Error(
        `${dataDir} is not empty. Stop the API and add --force: the current data is moved aside, not deleted.`,
      );
    const aside = `${dataDir}.before-restore-${stamp()}`;
    renameSync(dataDir, aside);
    log(`Moved the current data to ${aside}`);
  }
  mkdirSync(dataDir, { recursive: true });
  const db = await openPglite({ dataDir, loadDataDir: new Blob([readFileSync(file)]) });
  await db.query("select 1");
  await db.close();
  log(`Restored ${file} into ${dataDir}.`);
}

try {
  if (command === "backup") await backup();
  else if (command === "restore") await restore();
  else throw new Error("usage: db-backup.mjs backup [file] | restore <file> [--force]");
} catch (e) {
  log(e.message);
  process.exit(1);
}
