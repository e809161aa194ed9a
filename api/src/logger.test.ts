import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { users } from "./db/schema/index.js";
import { createLogger } from "./logger.js";
import { freshDatabase } from "./test-support.js";

describe("the logger", () => {
  it("never writes statement parameters or secrets, at any depth", async () => {
    const database = await freshDatabase();
    try {
      const secretHash = "$argon2id$v=19$m=19456,t=2,p=1$SECRETSALT$SECRETHASH";
      let failure: unknown;
      try {
        // Breaks NOT NULL on organisation_id: the failed statement carries the hash as a parameter.
        await database.db.insert(users).values({ organisationId: null as never, name: "X", email: "x@example.com", role: "ADMIN", passwordHash: secretHash });
      } catch (e) {
        failure = e;
      }
      expect(String(failure)).toContain("SECRETHASH"); // drizzle's own message holds it

      const lines: string[] = [];
      const stream = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const logger = createLogger("info", stream);
      logger.error(
        { err: failure, input: { password: "hunter2-long-password", nested: [{ apiToken: "tgk_secret" }] }, req: { headers: { authorization: "Bearer tgs_x", cookie: "s=1" } } },
        "failed",
      );
      const line = lines.join("");
      expect(line).toContain("failed");
      expect(line).toContain("Failed query"); // the statement itself is still there to debug with
      for (const secret of ["SECRETHASH", "hunter2", "tgk_secret", "tgs_x", "s=1"]) expect(line).not.toContain(secret);
    } finally {
      await database.close();
    }
  });
});
