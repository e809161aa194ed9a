import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { GqlResponse } from "./support.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The API as operators run it: `main.ts` in a process of its own, so a test sees what its
 * crash policy, its outbox sender and its start-up do, and can run two of them on one database.
 */
export interface ApiProcess {
  url: string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T> & { headers: Headers }>;
  login(email: string, password: string): Promise<string>;
  timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }>;
  exitCode(): number | null;
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const lines: string[] = [];
  const child: ChildProcess = spawn(
    path.join(root, "node_modules/.bin/tsx"),
    ["--tsconfig", "api/tsconfig.json", "api/src/main.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "test",
        LOG_LEVEL: "warn",
        API_HOST: "127.0.0.1",
        API_PORT: String(port),
        TRUST_PROXY: "false",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  child.stdout!.on("data", (c: Buffer) => lines.push(c.toString()));
  child.stderr!.on("data", (c: Buffer) => lines.push(c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited during start-up:\n${lines.join("")}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not start within 90 s:\n${lines.join("")}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  const api: ApiProcess = {
    url,
    async gql(query, variables, token, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: GqlResponse<any>;
      try {
        body = JSON.parse(text) as GqlResponse<any>;
      } catch {
        body = { data: null, errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] } as GqlResponse<any>;
      }
      return { ...body, status: res.status, headers: res.headers };
    },
    async login(email, password) {
      const r = await api.gql(`mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`, {
        i: { email, password },
      });
      const token = r.data?.login?.token as string | undefined;
      if (!token) throw new Error(`login as ${email} failed: ${JSON.stringify(r)}`);
      return token;
    },
    async timed(work) {
      const started = Date.now();
      const value = await work();
      return { value, ms: Date.now() - started };
    },
    exitCode: () => child.exitCode,
    output: () => lines.join(""),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {
          resolve();
        }
        setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            // gone
          }
        }, 8_000).unref();
      }),
  };
  return api;
}
