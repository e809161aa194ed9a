// Each integration file used to migrate a new database and seed the demo into it: some ten seconds
// of the API's own work per file on a quiet machine, thirty times a run. The seeded database is made
// once here, as a PostgreSQL template, and `startTestApi` copies it (a fraction of a second). The copy
// is the same demo, seeded the same day, and `startTestApi` still runs `migrate` on it.
// The seed imports the GraphQL types, whose decorators need the metadata API in this process too.
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/client.js";
import { seedDemo } from "../src/seed/demo.js";

declare module "vitest" {
  export interface ProvidedContext {
    demoTemplate: string | undefined;
  }
}

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  // Without a server the files fail with their own clear message (test/support.ts).
  if (!base) return project.provide("demoTemplate", undefined);
  const name = `trygg_demo_template_${randomBytes(5).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    await database.migrate();
    await seedDemo(database.db);
  } finally {
    // A template must have no connections while it is copied.
    await database.close();
  }
  project.provide("demoTemplate", name);
  return async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
