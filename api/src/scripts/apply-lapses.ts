// The lapse job once, now, outside the API's hourly renewal pass (decision 0055): for an operator who will not wait
// for the next pass after moving an end, and for the e2e journey that makes an agreement end. Idempotent as the
// job is: an end already applied is left alone.
import "reflect-metadata";
import { openDatabase } from "../db/client.js";
import { env } from "../env.js";
import { applyLapses } from "../modules/renewals/index.js";

const settings = env();
const database = await openDatabase({ url: settings.DATABASE_URL, dataDir: settings.TRYGG_DATA_DIR });
const { applied } = await applyLapses(database.db, new Date());
await database.close();
console.log(`Applied the end of ${applied} agreement(s).`);
