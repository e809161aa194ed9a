// Every unit-test file that needs a database used to start PGlite empty and replay all migrations
// (about 4 s each, some forty times a run). The migrated data directory is made once here and each
// file starts from a copy of it (about 1 s); `freshDatabase` still runs `migrate`, which finds
// nothing to do, so a snapshot can never stand in for a schema it does not have.
// The database module imports the GraphQL types, whose decorators need the metadata API here too.
import "reflect-metadata";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "./db/client.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "trygg-pglite-"));
  const file = path.join(dir, "migrated.tar");
  const database = await openDatabase({ dataDir: "memory://" });
  await database.migrate();
  const client = (database.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  writeFileSync(file, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  await database.close();
  project.provide("pgliteSnapshot", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
