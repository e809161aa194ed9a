import { randomBytes } from "node:crypto";
import type { Writable } from "node:stream";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type Database } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";
import { seedDemo, DEMO_PASSWORD } from "../src/seed/demo.js";
import { startServer, type TryggServer } from "../src/server.js";

/**
 * Integration tests run against a real PostgreSQL: `TEST_DATABASE_URL` names a database on a server
 * where we may create databases (the test runner starts a throwaway cluster). Each test file gets
 * a database of its own, seeded with the demo, and an API server on a free port.
 */
export interface TestApi {
  url: string;
  database: Database;
  databaseName: string;
  admin: postgres.Sql;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GqlResponse<T>>;
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface GqlResponse<T> {
  status: number;
  data: T;
  errors?: {
    message: string;
    extensions?: { code?: string; requestId?: string } & Record<string, unknown>;
    path?: string[];
  }[];
  extensions?: Record<string, unknown>;
}

export const PASSWORD = DEMO_PASSWORD;

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      "TEST_DATABASE_URL is not set: run the integration tests through `npm test`, which starts PostgreSQL.",
    );
  return url;
}

export async function startTestApi(
  opts: {
    env?: Partial<Parameters<typeof startServer>[0]["env"]>;
    onExecuted?: Parameters<typeof startServer>[0]["onExecuted"];
    /** Where the API's log goes, at the default level (`info`); without it, nowhere. */
    logTo?: Writable;
  } = {},
): Promise<TestApi> {
  const base = serverUrl();
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const databaseName = `trygg_test_${randomBytes(6).toString("hex")}`;
  // The demo seeded once for the run (demo-template.global.ts), or here when the run has none.
  const template = inject("demoTemplate");
  await admin.unsafe(`create database ${databaseName}${template ? ` template ${template}` : ""}`);
  const url = new URL(base);
  url.pathname = `/${databaseName}`;
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  if (!template) await seedDemo(database.db);
  const server: TryggServer = await startServer({
    database,
    logger: opts.logTo ? createLogger("info", opts.logTo) : createLogger("silent"),
    port: 0,
    host: "127.0.0.1",
    onExecuted: opts.onExecuted,
    env: {
      SESSION_TTL_HOURS: 12,
      AGREEMENT_EXPIRING_WINDOW_DAYS: 60,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: 5,
      LOGIN_MAX_FAILURES_PER_ADDRESS: 1000,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
      TRUST_PROXY: false,
      ...opts.env,
    },
  });
  const endpoint = `${server.url}/graphql`;
  const api: TestApi = {
    url: server.url,
    database,
    databaseName,
    admin,
    async gql(query, variables, token) {
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResponse<any>;
      return { ...body, status: res.status };
    },
    async login(email, password = PASSWORD) {
      const r = await api.gql(`mutation($i: LoginInput!) { login(input: $i) { token userErrors { code message } } }`, {
        i: { email, password },
      });
      const token = r.data?.login?.token;
      if (!token) throw new Error(`login as ${email} failed: ${JSON.stringify(r)}`);
      return token;
    },
    async close() {
      await server.stop();
      await database.close().catch(() => {});
      await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    },
  };
  return api;
}

/**
 * A database of a test file's own on the test server (`TEST_DATABASE_URL`), empty or a copy of `template`, and its
 * removal.
 */
export async function emptyTestDatabase(
  prefix: string,
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = postgres(serverUrl(), { max: 1, onnotice: () => {} });
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Row counts of every table, to prove that a refused request wrote nothing. */
export async function tableCounts(api: TestApi): Promise<Record<string, number>> {
  const url = new URL(serverUrl());
  url.pathname = `/${api.databaseName}`;
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    const out: Record<string, number> = {};
    for (const table of ["organisations", "users", "properties", "sessions", "api_tokens", "audit_events"]) {
      const [row] = await sql.unsafe(`select count(*)::int as n from ${table}`);
      out[table] = row!.n as number;
    }
    return out;
  } finally {
    await sql.end();
  }
}

/** The demo's logins the monitoring tests act as, by first name. */
export const DEMO_EMAILS = {
  admin: "admin@aptus.demo",
  tomas: "tomas.tekniker@aptus.demo",
  petra: "petra@nordsak.demo",
  pelle: "pelle@nordsak.demo",
  lars: "lars@lasteknikvast.demo",
  karin: "karin@vastkustfast.demo",
  kalle: "kalle@vastkustfast.demo",
  eva: "eva@alvstranden.demo",
} as const;
export type DemoLogin = keyof typeof DEMO_EMAILS;

/**
 * The world every monitoring test starts from: an API on the demo, a connection to its database
 * (to set a check's clock or history where waiting is no option), the logins it acts as, the demo's
 * properties by name, and checks made as a customer admin makes them.
 */
export interface MonitoringWorld {
  api: TestApi;
  sql: postgres.Sql;
  token: Record<string, string>;
  property: Record<string, string>;
  /** A check on a property (Kv. Masthugget 4 unless named), as `as` (karin) makes it; grace 300 s unless given. */
  createCheck(
    input: Record<string, unknown>,
    as?: DemoLogin,
  ): Promise<{
    pingKey: string | null;
    monitoringCheck: { id: string; kind: string; name: string; state: string; failureThreshold: number } | null;
    userErrors: { code: string; field: string[] }[];
  }>;
  /** A signal to `/ping/<path>` as an installation sends it. */
  ping(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startMonitoringWorld(
  logins: readonly DemoLogin[],
  opts: Parameters<typeof startTestApi>[0] = {},
): Promise<MonitoringWorld> {
  const api = await startTestApi(opts);
  const url = new URL(serverUrl());
  url.pathname = `/${api.databaseName}`;
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  const token: Record<string, string> = {};
  for (const k of new Set<DemoLogin>(["admin", ...logins])) token[k] = await api.login(DEMO_EMAILS[k]);
  const property: Record<string, string> = {};
  const r = await api.gql(`{ properties(first: 100) { edges { node { id name } } } }`, {}, token.admin);
  for (const e of r.data.properties.edges) property[e.node.name] = e.node.id;
  return {
    api,
    sql,
    token,
    property,
    async createCheck(input, as = "karin") {
      const made = await api.gql(
        `mutation($i: CreateMonitoringCheckInput!) { createMonitoringCheck(input: $i) {
          pingKey monitoringCheck { id kind name state failureThreshold } userErrors { code field } } }`,
        { i: { propertyId: property["Kv. Masthugget 4"], graceSeconds: 300, ...input } },
        token[as],
      );
      if (made.errors) throw new Error(JSON.stringify(made.errors));
      return made.data.createMonitoringCheck;
    },
    ping: (path, init = {}) => fetch(`${api.url}/ping/${path}`, { method: "POST", ...init }),
    async close() {
      await sql.end();
      await api.close();
    },
  };
}

/** The uuid inside a global id, for a test that reads the tables. */
export const uuidOf = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1]!;
