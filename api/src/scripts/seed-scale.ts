import "reflect-metadata";
import { openDatabase } from "../db/client.js";
import { env } from "../env.js";
import { seedScale } from "../seed/scale.js";

/**
 * The scale data set (issue 23, decision 77) into DATABASE_URL's PostgreSQL: `npm run seed:scale -- [factor]`,
 * 1 by default (100,000 agreements). Needs a superuser and a database without the demo (numbers would not clash,
 * but the figures would mix).
 */
const factor = Number(process.argv[2] ?? "1");
const settings = env();
if (!settings.DATABASE_URL) throw new Error("seed:scale needs DATABASE_URL: the scale set is for PostgreSQL.");
const database = await openDatabase({ url: settings.DATABASE_URL });
await database.migrate();
const started = Date.now();
await seedScale(database.db, factor);
await database.close();
console.log(`Seeded the scale data set at factor ${factor} in ${Math.round((Date.now() - started) / 1000)} s.`);
