import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./api-process.js";
import { emptyTestDatabase } from "./support.js";

/**
 * `npm start` (scripts/start.mjs) as a user runs it, on free ports: however it ends — Ctrl-C,
 * SIGTERM, a closed terminal (SIGHUP) or a SIGKILL it cannot pass on — the API and the portal it
 * started end with it and give their ports back, so the next `npm start` can start.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
let url: string;
let dropDatabase: (() => Promise<void>) | undefined;
let dataDir: string;
const started: ChildProcess[] = [];
const children = new Set<number>();

beforeAll(async () => {
  ({ url, drop: dropDatabase } = await emptyTestDatabase("trygg_start"));
  dataDir = mkdtempSync(path.join(os.tmpdir(), "trygg-start-"));
});

// Whatever a failed test left behind must not outlive it.
afterEach(() => {
  for (const pid of [...children, ...started.map((p) => p.pid!)]) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  children.clear();
  started.length = 0;
});

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase?.();
});

/** A live process: one that exists and is not a zombie waiting for a parent to reap it. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        // "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ")".
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function within(ms: number, done: () => Promise<boolean> | boolean): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await done()) return true;
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
}

/** `npm start` until "Trygg is running"; the first run may build the API and the portal. */
async function npmStart() {
  const apiPort = await freePort();
  const portalPort = await freePort();
  const parent = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      API_PORT: String(apiPort),
      PORTAL_PORT: String(portalPort),
      DATABASE_URL: url,
      TRYGG_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(parent);
  let output = "";
  parent.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  parent.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const up = await within(240_000, () => output.includes("Trygg is running") || parent.exitCode !== null);
  expect(up && parent.exitCode === null, `npm start did not come up:\n${output}`).toBe(true);
  const services = childrenOf(parent.pid!);
  for (const pid of services) children.add(pid);
  expect(services.length, output).toBeGreaterThanOrEqual(2);
  expect(await listening(apiPort)).toBe(true);
  expect(await listening(portalPort)).toBe(true);
  return { parent, services, ports: [apiPort, portalPort], output: () => output };
}

async function allGone(services: number[], ports: number[]): Promise<boolean> {
  if (services.some(alive)) return false;
  for (const port of ports) if (await listening(port)) return false;
  return true;
}

describe("npm start's API and portal", () => {
  it("end with it when it is killed outright (SIGKILL), and give their ports back", async () => {
    const run = await npmStart();
    run.parent.kill("SIGKILL");
    const gone = await within(8_000, () => allGone(run.services, run.ports));
    expect(gone, `still running: ${run.services.filter(alive).join(", ")}\n${run.output()}`).toBe(true);
  }, 300_000);

  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    it(`stop cleanly with it on ${signal}`, async () => {
      const run = await npmStart();
      const exited = new Promise<number | null>((resolve) => run.parent.once("exit", (code) => resolve(code)));
      run.parent.kill(signal);
      expect(await exited).toBe(0);
      expect(await within(2_000, () => allGone(run.services, run.ports)), run.output()).toBe(true);
      expect(run.output()).toContain("Stopping…");
    }, 300_000);
  }
});
