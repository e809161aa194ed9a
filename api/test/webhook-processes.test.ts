import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database } from "../src/db/client.js";
import { emitWebhookEvent } from "../src/modules/webhooks/index.js";
import { seedDemo } from "../src/seed/demo.js";
import { startApiProcess, type ApiProcess } from "./api-process.js";
import { DEMO_EMAILS, emptyTestDatabase, PASSWORD, uuidOf } from "./support.js";
import { startWebhookReceiver } from "./webhook-receiver.js";

/**
 * Issue 22: webhooks "are delivered once per event per endpoint across processes", tested with two API processes as
 * operators run them (`main.ts` each, with its own delivery loop polling the one database), not two pools in one
 * process (webhooks.test.ts). Events queued while both run reach a real receiver once each, per endpoint.
 */
let target: Awaited<ReturnType<typeof emptyTestDatabase>>;
let database: Database;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let one: ApiProcess;
let two: ApiProcess;

beforeAll(async () => {
  const template = inject("demoTemplate");
  target = await emptyTestDatabase("trygg_hook_procs", template);
  database = await openDatabase({ url: target.url });
  await database.migrate();
  if (!template) await seedDemo(database.db);
  receiver = await startWebhookReceiver();
  // Plain http to 127.0.0.1 is the test's receiver (production refuses it); each process polls every second.
  const env = { DATABASE_URL: target.url, WEBHOOK_ALLOW_PRIVATE_TARGETS: "true", WEBHOOK_POLL_SECONDS: "1" };
  [one, two] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
}, 180_000);

afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop()]);
  await receiver?.close();
  await database?.close();
  await target?.drop();
});

const REGISTER = `mutation($i: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $i) {
  webhookEndpoint { id } userErrors { code } } }`;

describe("webhooks with two API processes", () => {
  it("deliver each event exactly once to each endpoint between them", async () => {
    const petra = await one.login(DEMO_EMAILS.petra, PASSWORD);
    // One endpoint registered through each process: what one process writes, the other delivers too.
    for (const [api, path] of [
      [one, "/ok-one"],
      [two, "/ok-two"],
    ] as const) {
      const r = await api.gql(REGISTER, { i: { url: receiver.url(path), eventTypes: ["CASE_UPDATED"] } }, petra);
      expect(r.data?.registerWebhookEndpoint.userErrors).toEqual([]);
    }
    const viewer = await one.gql(`{ viewer { organisation { id } } }`, {}, petra);
    const nordsak = uuidOf(viewer.data!.viewer.organisation.id);
    for (let i = 0; i < 30; i++)
      await database.db.transaction((tx) => emitWebhookEvent(tx, "CASE_UPDATED", [nordsak], { case: { n: i } }));

    const delivered = (path: string) => receiver.received.filter((r) => r.path === path && r.status === 200);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (delivered("/ok-one").length < 30 || delivered("/ok-two").length < 30))
      await new Promise((resolve) => setTimeout(resolve, 250));
    // Three more polls of each process: a second delivery of anything would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const path of ["/ok-one", "/ok-two"]) {
      const ids = receiver.received.filter((r) => r.path === path).map((r) => String(r.headers["webhook-id"]));
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
    }
  }, 120_000);
});
