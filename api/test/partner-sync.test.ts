import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, startTestApi, type TestApi } from "./support.js";

/**
 * The partner example (examples/partner-sync) as a partner runs it: a process with the endpoint and
 * credentials in its environment, against the API on the demo data, paging with a small page size.
 */
const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const main = path.join(root, "examples/partner-sync/src/main.ts");

let api: TestApi;
let outDir: string;

beforeAll(async () => {
  api = await startTestApi();
  outDir = await mkdtemp(path.join(tmpdir(), "partner-sync-"));
});
afterAll(async () => {
  await api?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function sync(env: Record<string, string>) {
  const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", main], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", TRYGG_API_URL: `${api.url}/graphql`, TRYGG_OUT_DIR: outDir, ...env },
  });
  return {
    summary: JSON.parse(stdout.trim().split("\n").at(-1)!) as {
      mode: string;
      agreements: number;
      changed: number;
      totalCount: number;
      pages: number;
    },
    stderr,
  };
}

async function agreementIdsOf(token: string): Promise<string[]> {
  const r = await api.gql(`{ agreements(first: 100) { edges { node { id } } } }`, {}, token);
  return r.data.agreements.edges.map((e: { node: { id: string } }) => e.node.id).sort();
}

describe("the partner-sync example", () => {
  it("logs in, makes an API token and fetches every agreement the partner sees, over several pages", async () => {
    const petra = await api.login("petra@nordsak.demo");
    const expected = await agreementIdsOf(petra);
    expect(expected.length).toBeGreaterThan(1);
    expect((await agreementIdsOf(await api.login("admin@aptus.demo"))).length).toBeGreaterThan(expected.length);

    const { summary, stderr } = await sync({
      TRYGG_EMAIL: "petra@nordsak.demo",
      TRYGG_PASSWORD: PASSWORD,
      TRYGG_PAGE_SIZE: "1",
    });
    expect(summary).toEqual({
      mode: "full",
      agreements: expected.length,
      changed: expected.length,
      totalCount: expected.length,
      pages: expected.length,
      outDir: expect.any(String),
    });

    const written = JSON.parse(await readFile(path.join(outDir, "agreements.json"), "utf8")) as any[];
    expect(written.map((a) => a.id).sort()).toEqual(expected);
    for (const a of written) {
      expect(a.customer.name).toBeTruthy();
      expect(a.properties.length).toBeGreaterThan(0);
      expect(Array.isArray(a.licenceRentals)).toBe(true);
    }
    expect(written.some((a) => a.licenceRentals.length > 0)).toBe(true);
    const csv = (await readFile(path.join(outDir, "agreements.csv"), "utf8")).trimEnd().split("\r\n");
    expect(csv).toHaveLength(expected.length + 1);
    expect(csv[0]).toMatch(/^number,status,tier,/);

    // The token it made works on its own, as the next night's run uses it.
    const secret = /TRYGG_TOKEN=(tgk_\S+)/.exec(stderr)?.[1];
    expect(secret).toBeDefined();
    const viewer = await api.gql(`{ viewer { authenticatedWith user { email } } }`, {}, secret);
    expect(viewer.data.viewer).toEqual({ authenticatedWith: "API_TOKEN", user: { email: "petra@nordsak.demo" } });
    const again = await sync({ TRYGG_TOKEN: secret!, TRYGG_PAGE_SIZE: "100", TRYGG_FULL: "1" });
    expect(again.summary).toMatchObject({ mode: "full", agreements: expected.length, pages: 1 });

    // The next night's run is incremental: nothing changed, nothing fetched, the files still whole. (The demo was
    // written seconds ago, within the run's minute of overlap: its writes are moved back to yesterday, as by a night.)
    await api.database.db.execute(sql`update agreements set updated_at = updated_at - interval '1 day'`);
    const quiet = await sync({ TRYGG_TOKEN: secret! });
    expect(quiet.summary).toMatchObject({ mode: "incremental", agreements: expected.length, changed: 0 });

    // A licence rented on one agreement: only that one is fetched, and the merged file has the rental.
    const seller = await api.login("sara.saljare@aptus.demo");
    const target = written.find((a) => a.status === "ACTIVE" || a.status === "EXPIRING")!;
    const rented = await api.gql(
      `mutation($i: RentLicenceInput!) { rentLicence(input: $i) { licenceRental { id } userErrors { code } } }`,
      {
        i: {
          agreementId: target.id,
          kind: "CONSUMPTION",
          quantity: 3,
          startsOn: target.startsOn,
          endsOn: target.endsOn,
        },
      },
      seller,
    );
    expect(rented.data.rentLicence.userErrors).toEqual([]);
    const next = await sync({ TRYGG_TOKEN: secret! });
    expect(next.summary).toMatchObject({ mode: "incremental", agreements: expected.length, changed: 1 });
    const merged = JSON.parse(await readFile(path.join(outDir, "agreements.json"), "utf8")) as any[];
    expect(merged.map((a) => a.id).sort()).toEqual(expected);
    expect(merged.find((a) => a.id === target.id).licenceRentals.map((r: { id: string }) => r.id)).toContain(
      rented.data.rentLicence.licenceRental.id,
    );
  });

  it("stops with the API's code when the user may not make tokens", async () => {
    await expect(sync({ TRYGG_EMAIL: "pelle@nordsak.demo", TRYGG_PASSWORD: PASSWORD })).rejects.toMatchObject({
      stderr: expect.stringContaining("FORBIDDEN"),
    });
    await expect(sync({ TRYGG_EMAIL: "petra@nordsak.demo", TRYGG_PASSWORD: "wrong-password" })).rejects.toMatchObject({
      stderr: expect.stringContaining("INVALID_CREDENTIALS"),
    });
  });
});
