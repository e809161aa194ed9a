import "reflect-metadata";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { schemaSdl } from "../schema.js";

/** Writes schema/schema.graphql from the code; with --check, fails when the committed file is stale. */
const target = fileURLToPath(new URL("../../../schema/schema.graphql", import.meta.url));
const sdl = await schemaSdl();
if (process.argv.includes("--check")) {
  const committed = await readFile(target, "utf8").catch(() => "");
  if (committed !== sdl) {
    console.error("schema/schema.graphql is stale: run `npm run schema:emit` and commit it.");
    process.exit(1);
  }
  console.log("schema/schema.graphql is up to date.");
} else {
  await writeFile(target, sdl);
  console.log(`Wrote ${target}`);
}
