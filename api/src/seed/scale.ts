import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { recordJobHistory } from "./scale-history.js";

/**
 * The scale data set (scale.sql, issue 23) at `factor` of its full size (1 = 100,000 agreements), in one
 * transaction: the script's helper functions and tables are the session's own, and a failure leaves nothing.
 * The bench runs the same file over one connection (bench/scale.mjs); tests use a small factor.
 */
export async function seedScale(db: Db, factor: number): Promise<void> {
  if (!(factor > 0 && factor <= 10)) throw new Error(`scale factor must be in (0, 10], got ${factor}`);
  const script = readFileSync(new URL("./scale.sql", import.meta.url), "utf8");
  // One statement at a time: drizzle's drivers send each through the extended protocol, which takes one.
  const statements = script
    .replace(/^--.*$/gm, "")
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
  await db.transaction(async (tx) => {
    // A load, not a request: at full size one statement runs for minutes, past the pool's statement_timeout.
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(sql`select set_config('trygg.scale_factor', ${String(factor)}, true)`);
    for (const statement of statements) await tx.execute(sql.raw(statement));
    // Still with triggers off, as the script leaves them: the history's rows are consistent by construction.
    await recordJobHistory(tx, new Date());
    await tx.execute(sql`set session_replication_role = default`);
    await tx.execute(sql`analyze`);
  });
}
