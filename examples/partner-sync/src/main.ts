// The nightly sync: `npx tsx examples/partner-sync/src/main.ts`. See README.md for the settings.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createApiToken, fetchAllAgreements, logIn, toCsv } from "./sync.js";

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

const { agreements, pages, totalCount } = await fetchAllAgreements(endpoint, await token(), pageSize);
await mkdir(outDir, { recursive: true });
await writeFile(path.join(outDir, "agreements.json"), `${JSON.stringify(agreements, null, 2)}\n`);
await writeFile(path.join(outDir, "agreements.csv"), toCsv(agreements));
console.log(JSON.stringify({ agreements: agreements.length, totalCount, pages, outDir: path.resolve(outDir) }));
