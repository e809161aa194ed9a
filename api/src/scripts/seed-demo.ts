import "reflect-metadata";
import { openDatabase } from "../db/client.js";
import { env } from "../env.js";
import { DEMO_LOGINS, formatLogins, isEmpty, seedDemo } from "../seed/demo.js";

/** Seeds the demo into an empty database; on a database with data it only prints the logins. */
const settings = env();
const database = await openDatabase({ url: settings.DATABASE_URL, dataDir: settings.TRYGG_DATA_DIR });
await database.migrate();
if (await isEmpty(database.db)) {
  await seedDemo(database.db);
  console.log("Seeded the demo.");
} else if (!process.argv.includes("--quiet")) {
  console.log("The database already holds data; the demo was not seeded again.");
}
await database.close();
console.log(formatLogins(DEMO_LOGINS));
