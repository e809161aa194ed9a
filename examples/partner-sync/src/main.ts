// The nightly sync: `npx tsx examples/partner-sync/src/main.ts`. See README.md for the settings.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  createApiToken,
  fetchAllAgreements,
  logIn,
  mergeChanged,
  OVERLAP_MS,
  toCsv,
  type SyncedAgreement,
} from "./sync.js";

const endpoint = process.env.TRYGG_API_URL ?? "http://localhost:4000/graphql";
const outDir = process.env.TRYGG_OUT_DIR ?? ".";
const pageSize = Number(process.env.TRYGG_PAGE_SIZE ?? 100);

async function token(): Promise<string> {
  if (process.env.TRYGG_TOKEN) return process.env.TRYGG_TOKEN;
  const { TRYGG_EMAIL: email, TRYGG_PASSWORD: password } = process.env;
  if (!email || !password)
    throw new Error("Set TRYGG_TOKEN, or TRYGG_EMAIL and TRYGG_PASSWORD of a partner admin to make one.");
  const session = await logIn(endpoint, email, password);
  const secret = await createApiToken(endpoint, session, `partner-sync ${new Date().toISOString().slice(0, 10)}`);
  // Shown once: keep it in the scheduler's secret store and set TRYGG_TOKEN from then on.
  console.error(`Made an API token. Store it and set TRYGG_TOKEN=${secret} for the next runs.`);
  return secret;
}

/** What the last run left: its agreements and when it started. None on the first run or with TRYGG_FULL=1. */
async function lastRun(): Promise<{ agreements: SyncedAgreement[]; startedAt: string } | null> {
  if (process.env.TRYGG_FULL === "1") return null;
  try {
    const state = JSON.parse(await readFile(path.join(outDir, "sync-state.json"), "utf8")) as { startedAt: string };
    const agreements = JSON.parse(await readFile(path.join(outDir, "agreements.json"), "utf8")) as SyncedAgreement[];
    return { agreements, startedAt: state.startedAt };
  } catch {
    return null;
  }
}

const startedAt = new Date().toISOString();
const last = await lastRun();
const since = last ? new Date(Date.parse(last.startedAt) - OVERLAP_MS).toISOString() : null;
const fetched = await fetchAllAgreements(endpoint, await token(), pageSize, since);
const agreements = last ? mergeChanged(last.agreements, fetched.agreements) : fetched.agreements;
await mkdir(outDir, { recursive: true });
await writeFile(path.join(outDir, "agreements.json"), `${JSON.stringify(agreements, null, 2)}\n`);
await writeFile(path.join(outDir, "agreements.csv"), toCsv(agreements));
await writeFile(path.join(outDir, "sync-state.json"), `${JSON.stringify({ startedAt })}\n`);
console.log(
  JSON.stringify({
    mode: last ? "incremental" : "full",
    agreements: agreements.length,
    changed: fetched.agreements.length,
    totalCount: fetched.totalCount,
    pages: fetched.pages,
    outDir: path.resolve(outDir),
  }),
);
