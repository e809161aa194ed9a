#!/usr/bin/env node
// Wraps a backup (or any job) and tells Trygg how it went: a start ping, then the exit code with the
// duration, the size of what it wrote and the tail of its output. Plain Node (20 or later), no
// dependencies, so it can be copied onto an installation's server as it is.
//
//   TRYGG_PING_URL=https://trygg.example/ping/tpk_... \
//     node backup-wrap.mjs --size-of /var/backups/hantera.dump -- pg_dump -Fc -f /var/backups/hantera.dump hantera
//
// It exits with the command's exit code. Trygg being unreachable never fails the backup: the pings
// are tried three times and then given up, with a line on stderr.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/** Trygg keeps at most 10 KB per ping; the JSON around the log needs a little of it. */
const LOG_TAIL_BYTES = 8 * 1024;

function usage(message) {
  console.error(
    `${message}\nUsage: TRYGG_PING_URL=<url> node backup-wrap.mjs [--size-of <path>] -- <command> [args...]`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const split = args.indexOf("--");
if (split < 0 || split === args.length - 1) usage("Give the command after --.");
const options = args.slice(0, split);
const command = args.slice(split + 1);
let sizeOf = null;
for (let i = 0; i < options.length; i++) {
  if (options[i] === "--size-of" && options[i + 1]) sizeOf = options[++i];
  else usage(`Unknown option ${options[i]}.`);
}
const pingUrl = process.env.TRYGG_PING_URL?.replace(/\/+$/, "");
if (!pingUrl || !/\/ping\/tpk_[\w-]{43}$/.test(pingUrl)) usage("Set TRYGG_PING_URL to the check's ping URL.");

async function ping(signal, body) {
  const rid = encodeURIComponent(runId);
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const res = await fetch(`${pingUrl}/${signal}?rid=${rid}`, {
        method: "POST",
        headers: body ? { "content-type": "application/json" } : {},
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) return;
      // A 4xx will not get better by asking again (a rotated key, a too large body): say so and stop.
      if (res.status < 500 && res.status !== 429) {
        console.error(`trygg: ping ${signal} refused: ${res.status} ${(await res.text()).trim()}`);
        return;
      }
    } catch {
      // Network trouble: try again below.
    }
    await new Promise((r) => setTimeout(r, attempt * 1000));
  }
  console.error(`trygg: ping ${signal} not delivered after 3 attempts`);
}

/** The size of a file, or of everything under a directory. */
async function sizeOfPath(p) {
  const s = await stat(p);
  if (!s.isDirectory()) return s.size;
  let total = 0;
  for (const entry of await readdir(p)) total += await sizeOfPath(path.join(p, entry));
  return total;
}

const runId = randomUUID();
await ping("start");
const started = performance.now();
let tail = Buffer.alloc(0);
const keep = (chunk) => {
  tail = Buffer.concat([tail, chunk]);
  if (tail.length > LOG_TAIL_BYTES) tail = tail.subarray(tail.length - LOG_TAIL_BYTES);
};
const exitCode = await new Promise((resolve) => {
  const child = spawn(command[0], command.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (c) => (process.stdout.write(c), keep(c)));
  child.stderr.on("data", (c) => (process.stderr.write(c), keep(c)));
  child.on("error", (e) => (keep(Buffer.from(`${e.message}\n`)), resolve(127)));
  child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
});
const durationMs = Math.round(performance.now() - started);
let sizeBytes;
if (exitCode === 0 && sizeOf) {
  try {
    sizeBytes = await sizeOfPath(sizeOf);
  } catch (e) {
    keep(Buffer.from(`trygg: could not measure ${sizeOf}: ${e.message}\n`));
  }
}
await ping(String(Math.min(exitCode, 255)), {
  duration_ms: durationMs,
  size_bytes: sizeBytes,
  log: tail.toString("utf8"),
});
process.exit(exitCode);
