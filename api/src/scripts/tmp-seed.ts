import "reflect-metadata";
import { openDatabase } from "../db/client.js";
import { seedScale } from "../seed/scale.js";
const database = await openDatabase({ url: process.argv[2]! });
await database.migrate();
await seedScale(database.db, Number(process.argv[3]));
await database.close();
