import { createHash, randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { seedDemo } from "../src/seed/demo.js";
import { startApiProcess, type ApiProcess } from "./api-process.js";
import { startFaultProxy, type FaultProxy } from "./fault-proxy.js";
import { emptyTestDatabase, PASSWORD } from "./support.js";

/**
 * The API's own log while its database fails in every way a database fails: a statement cancelled
 * by its timeout, connections cut in the middle of a statement, connections refused, a host that
 * never answers, and statements PostgreSQL rejects with the failing values in its message or detail.
 * The log names each failed statement by its shape and never carries a value bound to it.
 */
let url: string;
let dropDatabase: (() => Promise<void>) | undefined;
let proxy: FaultProxy;
let api: ApiProcess;

beforeAll(async () => {
  ({ url, drop: dropDatabase } = await emptyTestDatabase("trygg_faultlog"));
  const database = await openDatabase({ url });
  await database.migrate();
  await seedDemo(database.db);
  await database.close();
  proxy = await startFaultProxy(url);
  api = await startApiProcess({ DATABASE_URL: proxy.url, DATABASE_STATEMENT_TIMEOUT_MS: "700", LOG_LEVEL: "info" });
});

afterAll(async () => {
  await api?.stop();
  await proxy?.close();
  await dropDatabase?.();
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const viewerQuery = `{ viewer { user { id } } }`;
const createToken = `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { apiToken { id } userErrors { code } } }`;

/** Holds a lock on a table from outside the API, so the API's next statement on it waits. */
async function whileLocked<T>(table: string, work: () => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    let result: T | undefined;
    await sql.begin(async (tx) => {
      await tx.unsafe(`lock table ${table} in access exclusive mode`);
      result = await work();
    });
    return result!;
  } finally {
    await sql.end();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the API's log while the database fails", () => {
  it("names each failed statement by its shape and never carries its parameters", async () => {
    const customer = await api.login("karin@vastkustfast.demo", PASSWORD);
    const partner = await api.login("petra@nordsak.demo", PASSWORD);
    // Every request below authenticates with `where token_hash = $1`: the hash is a parameter.
    const secrets = [sha256(customer), sha256(partner)];

    // A statement cancelled by statement_timeout (57014).
    const timedOut = await whileLocked("sessions", () => api.gql(viewerQuery, {}, customer));
    expect(timedOut.status).toBe(503);

    // Connections cut while a statement waits for its answer.
    const cut = await whileLocked("sessions", async () => {
      const answer = api.gql(viewerQuery, {}, customer);
      await sleep(300);
      proxy.cut();
      return answer;
    });
    expect(cut.status).toBe(503);

    // Nothing listens: new connections are refused.
    await proxy.refuse();
    expect((await api.gql(viewerQuery, {}, customer)).status).toBe(503);

    // A host that never answers: the driver's connect timeout.
    await proxy.restore();
    proxy.swallow();
    expect((await api.gql(viewerQuery, {}, customer)).status).toBe(503);
    await proxy.restore();

    // Back up: the same requests succeed again.
    const deadline = Date.now() + 10_000;
    while ((await api.gql(viewerQuery, {}, customer)).status !== 200 && Date.now() < deadline) await sleep(200);

    // PostgreSQL rejects a statement and quotes a bound value in its message (22P02) ...
    const quoted = `Quoted-${randomBytes(6).toString("hex")}`;
    const db = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await db.unsafe(
        `create function fail_on_name() returns trigger language plpgsql as $$ begin perform new.name::int; return new; end $$`,
      );
      await db.unsafe(
        `create trigger fail_on_name before insert on api_tokens for each row execute function fail_on_name()`,
      );
      const rejected = await api.gql(createToken, { i: { name: quoted } }, partner);
      expect(rejected.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
      await db.unsafe(`drop trigger fail_on_name on api_tokens`);

      // ... or shows the whole failing row in its detail (23514).
      const inRow = `InRow-${randomBytes(6).toString("hex")}`;
      await db.unsafe(`alter table api_tokens add constraint never_accepted check (false) not valid`);
      const refused = await api.gql(createToken, { i: { name: inRow } }, partner);
      expect(refused.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
      await db.unsafe(`alter table api_tokens drop constraint never_accepted`);
      secrets.push(quoted, inRow);
    } finally {
      await db.end();
    }

    await sleep(300); // the last lines reach the pipe
    const log = api.output();
    expect(api.exitCode(), log).toBeNull();
    expect(secrets.filter((secret) => log.includes(secret))).toEqual([]);
    expect(log).not.toMatch(/params:|Failing row/);
    // What a reader needs to debug with is there: each failure's code and the statement's shape.
    for (const code of ["57014", "ECONNREFUSED", "CONNECT_TIMEOUT", "22P02", "23514"])
      expect(log, code).toContain(code);
    expect(log).toMatch(/CONNECTION_CLOSED|CONNECTION_ENDED|ECONNRESET/);
    expect(log).toContain("Failed query: select");
    expect(log).toContain('\\"sessions\\".\\"token_hash\\" = $1');
    expect(log).toContain('insert into \\"api_tokens\\"');
    // The request line says what each request was answered (request-log.ts).
    expect(log).toContain('"status":503');
  });

  it("keeps them out of the report of a start-up that fails", async () => {
    // The first admin is written at start-up; its insert carries the e-mail and the password hash.
    const email = `boot-${randomBytes(4).toString("hex")}@example.com`;
    const db = postgres(url, { max: 1, onnotice: () => {} });
    let output = "";
    try {
      await db.unsafe(`alter table users add constraint never_accepted check (false) not valid`);
      await startApiProcess({
        DATABASE_URL: url,
        TRYGG_ADMIN_EMAIL: email,
        TRYGG_ADMIN_PASSWORD: "a-long-enough-password",
      }).then(
        (started) => started.stop(),
        (e: Error) => (output = e.message),
      );
    } finally {
      await db.unsafe(`alter table users drop constraint if exists never_accepted`);
      await db.end();
    }
    expect(output).toContain("exited during start-up");
    expect(output).not.toContain(email);
    expect(output).not.toMatch(/params:|\$argon2/);
    expect(output).toContain("23514");
    expect(output).toContain('insert into \\"users\\"');
  });
});
