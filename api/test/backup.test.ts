import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "../src/db/client.js";
import { organisations } from "../src/db/schema/index.js";
import { seedDemo } from "../src/seed/demo.js";

/** `npm run db:backup` and `npm run db:restore`, round trip, on both databases Trygg runs on. */
const root = fileURLToPath(new URL("../..", import.meta.url));
const scratch = mkdtempSync(path.join(os.tmpdir(), "trygg-backup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function script(command: string, args: string[], env: Record<string, string>) {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.TRYGG_DATA_DIR;
  execFileSync("node", ["scripts/db-backup.mjs", command, ...args], {
    cwd: root,
    env: { ...clean, ...env },
    stdio: "pipe",
  });
}

const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();

describe("backup and restore", () => {
  it("round-trips PostgreSQL through pg_dump and pg_restore", async () => {
    const base = process.env.TEST_DATABASE_URL!;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    const [from, to] = [`trygg_bk_${randomBytes(4).toString("hex")}`, `trygg_rs_${randomBytes(4).toString("hex")}`];
    const urlOf = (db: string) => Object.assign(new URL(base), { pathname: `/${db}` }).toString();
    try {
      await admin.unsafe(`create database ${from}`);
      await admin.unsafe(`create database ${to}`);
      const source = await openDatabase({ url: urlOf(from) });
      await source.migrate();
      await seedDemo(source.db);
      const before = names(await source.db.select({ name: organisations.name }).from(organisations));
      await source.close();
      const file = path.join(scratch, "pg.dump");
      script("backup", [file], { DATABASE_URL: urlOf(from) });
      script("restore", [file], { DATABASE_URL: urlOf(to) });
      const restored = await openDatabase({ url: urlOf(to) });
      expect(names(await restored.db.select({ name: organisations.name }).from(organisations))).toEqual(before);
      await restored.migrate(); // the migration journal came along: nothing left to apply, nothing breaks
      await restored.close();
      expect(before.length).toBeGreaterThan(3);
    } finally {
      await admin.unsafe(`drop database if exists ${from} with (force)`);
      await admin.unsafe(`drop database if exists ${to} with (force)`);
      await admin.end();
    }
  });

  it("round-trips the embedded PGlite database through its data-directory dump", async () => {
    const dataDir = path.join(scratch, "pglite");
    const source = await openDatabase({ dataDir });
    await source.migrate();
    await source.db.execute(sql`create table backup_probe (name text)`);
    await source.db.execute(sql`insert into backup_probe values ('kept'), ('also kept')`);
    const probe = async (db: Database) =>
      names(
        ((await db.db.execute(sql`select name from backup_probe`)) as unknown as { rows: { name: string }[] }).rows,
      );
    const before = await probe(source);
    await source.close();
    const file = path.join(scratch, "pglite.tar.gz");
    script("backup", [file], { TRYGG_DATA_DIR: dataDir });
    // Restoring over data needs --force and keeps the old data aside.
    expect(() => script("restore", [file], { TRYGG_DATA_DIR: dataDir })).toThrow();
    script("restore", [file, "--force"], { TRYGG_DATA_DIR: dataDir });
    const restored = await openDatabase({ dataDir });
    expect(await probe(restored)).toEqual(["also kept", "kept"]);
    expect(before).toEqual(["also kept", "kept"]);
    await restored.close();
  }, 180_000); // two PGlite databases migrated from scratch: slow on a busy machine
});
