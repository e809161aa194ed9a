// env.ts reaches classes with type-graphql decorators (the limits' errors): the polyfill first, as in each entry point.
import "reflect-metadata";
import { openDatabase } from "../db/client.js";
import { env } from "../env.js";

const settings = env();
const database = await openDatabase({ url: settings.DATABASE_URL, dataDir: settings.TRYGG_DATA_DIR });
await database.migrate();
await database.close();
console.log(
  `Migrated the ${database.kind === "postgres" ? "PostgreSQL" : `embedded (${settings.TRYGG_DATA_DIR})`} database.`,
);
