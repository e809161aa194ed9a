import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support.js";

/** The monitoring agent example (examples/monitoring-agent) as an installation runs it, against a real API. */
const root = fileURLToPath(new URL("../../", import.meta.url));
const agent = path.join(root, "examples/monitoring-agent/backup-wrap.mjs");

let api: TestApi;
let dir: string;
let karin: string;
let checkId: string;
let pingUrl: string;

function wrap(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [agent, ...args],
      { env: { PATH: process.env.PATH ?? "", TRYGG_PING_URL: pingUrl } },
      (e, stdout, stderr) => resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function pings() {
  const r = await api.gql(
    `query($id: ID!) { node(id: $id) { ... on MonitoringCheck { state pings(first: 10) { edges { node { signal exitCode runId durationMs sizeBytes body } } } } } }`,
    { id: checkId },
    karin,
  );
  return r.data.node as { state: string; pings: { edges: { node: Record<string, unknown> }[] } };
}

beforeAll(async () => {
  api = await startTestApi();
  dir = await mkdtemp(path.join(tmpdir(), "monitoring-agent-"));
  karin = await api.login("karin@vastkustfast.demo");
  const props = await api.gql(`{ properties(first: 50) { edges { node { id name } } } }`, {}, karin);
  const masthugget = props.data.properties.edges.find((e: any) => e.node.name === "Kv. Masthugget 4").node.id;
  const made = await api.gql(
    `mutation($i: CreateMonitoringCheckInput!) { createMonitoringCheck(input: $i) { pingKey monitoringCheck { id } userErrors { code } } }`,
    {
      i: {
        propertyId: masthugget,
        kind: "BACKUP_JOB",
        name: "Nightly backup",
        cronExpression: "0 2 * * *",
        graceSeconds: 3600,
      },
    },
    karin,
  );
  checkId = made.data.createMonitoringCheck.monitoringCheck.id;
  pingUrl = `${api.url}/ping/${made.data.createMonitoringCheck.pingKey}`;
});
afterAll(async () => {
  await api?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the monitoring agent example", () => {
  it("wraps a backup: start and end paired by run id, with exit code, duration, size and the output's tail", async () => {
    const dump = path.join(dir, "hantera.dump");
    const backup = `setTimeout(() => { require("fs").writeFileSync(${JSON.stringify(dump)}, "x".repeat(5000)); console.log("dumped 12 tables"); }, 50)`;
    const run = await wrap(["--size-of", dump, "--", process.execPath, "-e", backup]);
    expect(run).toMatchObject({ code: 0, stdout: "dumped 12 tables\n", stderr: "" });
    const { state, pings: p } = await pings();
    expect(state).toBe("UP");
    const [end, start] = p.edges.map((e) => e.node);
    expect(start).toMatchObject({ signal: "START", runId: end!.runId });
    expect(end).toMatchObject({ signal: "SUCCESS", exitCode: 0, sizeBytes: 5000, body: "dumped 12 tables\n" });
    expect(end!.durationMs).toBeGreaterThanOrEqual(50);
  });

  it("passes a failed backup's exit code on, to Trygg and to cron", async () => {
    const run = await wrap(["--", process.execPath, "-e", `console.error("disk full"); process.exit(3)`]);
    expect(run.code).toBe(3);
    const { state, pings: p } = await pings();
    expect(state).toBe("DOWN");
    expect(p.edges[0]!.node).toMatchObject({ signal: "FAIL", exitCode: 3, body: "disk full\n", sizeBytes: null });
  });
});
