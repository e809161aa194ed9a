import { sql } from "drizzle-orm";
import pino from "pino";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { users } from "./db/schema/index.js";
import { createLogger } from "./logger.js";
import { freshDatabase } from "./test-support.js";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger("info", stream), text: () => lines.join("") };
}

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (e) {
    return e;
  }
  throw new Error("expected the statement to fail");
}

describe("the logger", () => {
  it("never writes statement parameters or secrets, at any depth", async () => {
    const database = await freshDatabase();
    try {
      const secretHash = "$argon2id$v=19$m=19456,t=2,p=1$SECRETSALT$SECRETHASH";
      // Breaks NOT NULL on organisation_id: the failed statement carries the hash as a parameter.
      const failed = await failure(() =>
        database.db.insert(users).values({
          organisationId: null as never,
          name: "X",
          email: "x@example.com",
          role: "ADMIN",
          passwordHash: secretHash,
        }),
      );
      expect(String(failed)).toContain("SECRETHASH"); // drizzle's own message holds it

      const { logger, text } = capture();
      logger.error(
        {
          err: failed,
          input: { password: "hunter2-long-password", nested: [{ apiToken: "tgk_secret" }] },
          req: { headers: { authorization: "Bearer tgs_x", cookie: "s=1" } },
        },
        "failed",
      );
      const line = text();
      expect(line).toContain("failed");
      expect(line).toContain("Failed query"); // the statement itself is still there to debug with
      expect(line).toContain('\\"password_hash\\"');
      for (const secret of ["SECRETHASH", "hunter2", "tgk_secret", "tgs_x", "s=1"]) expect(line).not.toContain(secret);
    } finally {
      await database.close();
    }
  });

  it("keeps a failed statement's values out of every way an error can be logged", async () => {
    const database = await freshDatabase();
    try {
      // With a quote of its own, which PostgreSQL does not escape when it quotes the value.
      const marker = "4f1c9a";
      const value = `VALUE"${marker}`;
      // PGlite: the value in drizzle's message, in PGlite's `params`, and quoted by PostgreSQL (22P02).
      const quoted = await failure(() => database.db.execute(sql`select ${value}::int`));
      expect(String(quoted)).toContain(value);
      expect(String((quoted as Error).cause)).toContain(value);
      expect((quoted as { cause: { params: unknown } }).cause.params).toEqual([value]);
      // postgres.js with `debug`, and PostgreSQL's detail: the values in fields of their own.
      const driver = Object.assign(
        new Error('duplicate key value violates unique constraint "sessions_token_hash_unique"'),
        {
          code: "23505",
          detail: `Key (token_hash)=(${value}) already exists.`,
          where: `SQL statement "insert into t values ('${value}')"`,
          parameters: [value],
          args: [value],
          types: [25],
          query: "insert into sessions (token_hash) values ($1)",
        },
      );
      const wrapped = new Error(`Failed query: insert into sessions (token_hash) values ($1)\nparams: ${value}`, {
        cause: driver,
      });

      const { logger, text } = capture();
      logger.error(quoted as Error); // alone: pino would take its raw message for the line's
      logger.error({ err: wrapped }); // no message given: pino would take err.message
      logger.warn({ failures: [driver, quoted], reason: { error: wrapped } }, "under other keys");
      logger.warn(`as text: ${(wrapped as Error).message}`);
      // A child whose serializers are pino's own (as pino-http gives its per-request loggers).
      logger.child({}, { serializers: { err: pino.stdSerializers.err } }).error({ err: wrapped }, "from a child");
      const log = text();
      expect(log).not.toContain(marker);
      expect(log).not.toMatch(/params:|Key \(token_hash\)/);
      // What stays, to debug with: the statement's shape, the codes and the constraint.
      expect(log).toContain("insert into sessions (token_hash) values ($1)");
      expect(log).toContain('invalid input syntax for type integer: \\"[value]\\"');
      expect(log).toContain("22P02");
      expect(log).toContain("sessions_token_hash_unique");
      expect(log.trim().split("\n")).toHaveLength(5);
    } finally {
      await database.close();
    }
  });
});
