import "reflect-metadata";
import { openDatabase } from "../db/client.js";
import { env } from "../env.js";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEMO_LOGINS, formatLogins, isEmpty, seedDemo, seedDemoLivedExtras } from "../seed/demo.js";

/**
 * Seeds the demo into an empty database; on a database with data it only prints the logins.
 * `--lived-monitoring=<file>` (npm start) also lives the demo's monitoring and writes its ping keys there.
 */
const settings = env();
const database = await openDatabase({ url: settings.DATABASE_URL, dataDir: settings.TRYGG_DATA_DIR });
await database.migrate();
if (await isEmpty(database.db)) {
  await seedDemo(database.db);
  const keysFile = process.argv.find((a) => a.startsWith("--lived-monitoring="))?.split("=")[1];
  if (keysFile) {
    const keys = await seedDemoLivedExtras(database.db);
    mkdirSync(path.dirname(keysFile), { recursive: true });
    writeFileSync(keysFile, JSON.stringify(keys, null, 2), { mode: 0o600 });
  }
  console.log("Seeded the demo.");
} else if (!process.argv.includes("--quiet")) {
  console.log("The database already holds data; the demo was not seeded again.");
}
await database.close();
console.log(formatLogins(DEMO_LOGINS));
