import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../db/client.js";
import { accountRequestCounters, loginAttemptCounters } from "../db/schema/index.js";
import { LoginThrottle } from "../modules/access/login-throttle.js";
import { ResetThrottle } from "../modules/accounts/reset-throttle.js";
import { ContactLimits, DEFAULT_CONTACT_LIMITS } from "../modules/contact/index.js";
import { createAttachmentLimits } from "../modules/support/attachment-limits.js";
import { freshDatabase } from "../test-support.js";
import { clearExpiredCounters } from "./counter-store.js";

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe("the rate-limit counters", () => {
  it("start no timer of their own: a throttle made for a database outlives nothing once it closes", () => {
    // rate-limiter-flexible's own clean-up is an unref'd timer per store: invisible to the event loop, so watched here.
    const setTimeoutSpy = vi.spyOn(globalThis, "setTimeout");
    new LoginThrottle(database.db, { maxPerAccount: 5, maxPerAddress: 5, windowSeconds: 60 });
    new ResetThrottle(database.db, { maxPerAccount: 5, maxPerAddress: 5, windowSeconds: 60 });
    createAttachmentLimits(database.db);
    new ContactLimits(database.db, DEFAULT_CONTACT_LIMITS);
    expect(setTimeoutSpy).not.toHaveBeenCalled();
    setTimeoutSpy.mockRestore();
  });

  // Spelled in two parts so that this file does not name itself.
  const MAKER = ["new", "RateLimiterDrizzle("].join(" ");
  it("is the one place a drizzle rate-limit store is made (any other would start the library's timer)", () => {
    const makers = sourceFiles(path.join(import.meta.dirname, ".."))
      .filter((f) => !f.endsWith("counter-store.ts") && readFileSync(f, "utf8").includes(MAKER))
      .map((f) => path.relative(import.meta.dirname, f));
    expect(makers).toEqual([]);
  });

  it("clearing removes only counters that expired over an hour ago, in the table it is given", async () => {
    const now = new Date("2026-12-06T12:00:00Z");
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
    for (const table of [loginAttemptCounters, accountRequestCounters])
      await database.db.insert(table).values([
        { key: "old", points: 1, expire: at(61) },
        { key: "recent", points: 1, expire: at(59) },
        { key: "forever", points: 1, expire: null },
      ]);
    await clearExpiredCounters(database.db, loginAttemptCounters, now);
    const keys = (rows: { key: string }[]) => rows.map((r) => r.key).sort();
    expect(keys(await database.db.select().from(loginAttemptCounters))).toEqual(["forever", "recent"]);
    expect(keys(await database.db.select().from(accountRequestCounters))).toEqual(["forever", "old", "recent"]);
  });
});
