import { createHmac } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../src/db/client.js";
import { emailOutbox, webhookDeliveries, webhookEndpoints } from "../src/db/schema/index.js";
import { createLogger } from "../src/logger.js";
import { emitWebhookEvent } from "../src/modules/webhooks/index.js";
import { createWebhookDeliverer, type WebhookDelivererOptions } from "../src/modules/webhooks/webhook-delivery-job.js";
import { DEMO_EMAILS, startTestApi, uuidOf, type TestApi } from "./support.js";
import { startWebhookReceiver } from "./webhook-receiver.js";
// @ts-expect-error: the example is plain JavaScript, as a partner copies it.
import { verifyWebhook } from "../../examples/webhook-receiver/receiver.mjs";

/**
 * Webhooks against a real HTTP receiver started here. Plain http to 127.0.0.1 is allowed by the test setting
 * WEBHOOK_ALLOW_PRIVATE_TARGETS, which production leaves off (the SSRF test below runs with it off).
 */
let api: TestApi;
let second: Database;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const token: Record<string, string> = {};
let nordsak: string;

const REGISTER = `mutation($i: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $i) {
  webhookEndpoint { id url eventTypes disabledAt failingSince } secret userErrors { code field } } }`;
const LOG = `query($e: ID!) { webhookDeliveries(endpointId: $e) { id webhookId eventType state
  attempts { statusCode responseBody error } } }`;

beforeAll(async () => {
  api = await startTestApi({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: true } });
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${api.databaseName}`;
  second = await openDatabase({ url: url.toString() });
  receiver = await startWebhookReceiver();
  for (const k of ["admin", "petra"] as const) token[k] = await api.login(DEMO_EMAILS[k]);
  const org = async (t: string) =>
    uuidOf((await api.gql(`{ viewer { organisation { id } } }`, {}, t)).data.viewer.organisation.id);
  nordsak = await org(token.petra!);
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await second?.close();
  await api?.close();
});

async function register(as: string, path: string, eventTypes: string[] = ["CASE_UPDATED"]) {
  const r = await api.gql(REGISTER, { i: { url: receiver.url(path), eventTypes } }, token[as]);
  expect(r.errors).toBeUndefined();
  expect(r.data.registerWebhookEndpoint.userErrors).toEqual([]);
  return r.data.registerWebhookEndpoint as { webhookEndpoint: { id: string }; secret: string };
}

async function remove(as: string, endpointId: string) {
  await api.gql(
    `mutation($i: WebhookEndpointInput!) { removeWebhookEndpoint(input: $i) { userErrors { code } } }`,
    { i: { endpointId } },
    token[as],
  );
}

function deliverer(db = api.database.db, opts: Partial<WebhookDelivererOptions> = {}) {
  return createWebhookDeliverer({
    db,
    logger: createLogger("silent"),
    settings: { allowPrivateTargets: true, timeoutMs: 2_000, disableAfterMs: 72 * 3600_000 },
    portalUrl: "http://portal.test",
    ...opts,
  });
}

const emit = (partnerId: string, n: number) =>
  api.database.db.transaction((tx) => emitWebhookEvent(tx, "CASE_UPDATED", [partnerId], { case: { n } }));

describe("webhook deliveries to a real HTTP receiver", () => {
  it("signs each delivery by the Standard Webhooks algorithm, which a receiver can verify with the secret", async () => {
    const { webhookEndpoint, secret } = await register("petra", "/ok-signed");
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    await emit(nordsak, 1);
    expect(await deliverer().deliverDue()).toBeGreaterThanOrEqual(1);
    const got = receiver.received.filter((r) => r.path === "/ok-signed");
    expect(got).toHaveLength(1);
    const { headers, body } = got[0]!;
    const id = String(headers["webhook-id"]);
    const timestamp = String(headers["webhook-timestamp"]);
    // The specification's check, written out: HMAC-SHA256 under the base64-decoded key of "id.timestamp.body".
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${expected}`);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(JSON.parse(body)).toMatchObject({ type: "case.updated", data: { case: { n: 1 } } });
    expect(id).toMatch(/^msg_/);
    await remove("petra", webhookEndpoint.id);
  });

  it("signs with the rotated secret from the moment of rotation, also an event queued before it; the old one fails", async () => {
    const { webhookEndpoint, secret: old } = await register("petra", "/ok-rotated");
    await emit(nordsak, 600);
    const rotated = await api.gql(
      `mutation($i: WebhookEndpointInput!) { rotateWebhookSecret(input: $i) { secret userErrors { code } } }`,
      { i: { endpointId: webhookEndpoint.id } },
      token.petra,
    );
    expect(rotated.data.rotateWebhookSecret.userErrors).toEqual([]);
    const secret: string = rotated.data.rotateWebhookSecret.secret;
    await emit(nordsak, 601);
    await deliverer().deliverDue();
    const got = receiver.received.filter((r) => r.path === "/ok-rotated");
    expect(got.map((r) => JSON.parse(r.body).data.case.n).sort()).toEqual([600, 601]);
    const now = Math.floor(Date.now() / 1000);
    for (const { headers, body } of got) {
      const key = Buffer.from(secret.slice("whsec_".length), "base64");
      const signed = `${String(headers["webhook-id"])}.${String(headers["webhook-timestamp"])}.${body}`;
      expect(headers["webhook-signature"]).toBe(`v1,${createHmac("sha256", key).update(signed).digest("base64")}`);
      expect(verifyWebhook(secret, headers, body, now)).toBe(true);
      expect(verifyWebhook(old, headers, body, now)).toBe(false);
    }
    await remove("petra", webhookEndpoint.id);
  });

  it("retries after a 500, with the same webhook-id, when the back-off has passed; the log shows both attempts", async () => {
    const { webhookEndpoint } = await register("petra", "/flaky");
    let now = new Date(Date.now() + 1000);
    const job = deliverer(api.database.db, { now: () => now });
    await emit(nordsak, 2);
    expect(await job.deliverDue()).toBe(0);
    expect(await job.deliverDue()).toBe(0); // not yet: the first retry waits 5 s
    now = new Date(now.getTime() + 6_000);
    expect(await job.deliverDue()).toBe(1);
    const got = receiver.received.filter((r) => r.path === "/flaky");
    expect(got.map((r) => r.status)).toEqual([500, 200]);
    expect(got[0]!.headers["webhook-id"]).toBe(got[1]!.headers["webhook-id"]);
    const log = await api.gql(LOG, { e: webhookEndpoint.id }, token.petra);
    expect(log.data.webhookDeliveries).toHaveLength(1);
    expect(log.data.webhookDeliveries[0]).toMatchObject({ state: "SUCCEEDED", eventType: "CASE_UPDATED" });
    expect(log.data.webhookDeliveries[0].attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([200, 500]);
    await remove("petra", webhookEndpoint.id);
  });

  it("delivers each event exactly once to each endpoint with two delivery loops on two connection pools", async () => {
    const a = await register("petra", "/refuse-5-a");
    const b = await register("petra", "/refuse-3-b");
    for (let i = 0; i < 40; i++) await emit(nordsak, 100 + i);
    const jobs = [
      deliverer(api.database.db, { batchSize: 3, retryDelaysMs: [0, 0, 0] }),
      deliverer(second.db, { batchSize: 3, retryDelaysMs: [0, 0, 0] }),
    ];
    for (let round = 0; round < 10; round++) await Promise.all(jobs.map((j) => j.deliverDue()));
    for (const path of ["/refuse-5-a", "/refuse-3-b"]) {
      const ok = receiver.received.filter((r) => r.path === path && r.status === 200);
      const ids = ok.map((r) => String(r.headers["webhook-id"]));
      expect(ids).toHaveLength(40);
      expect(new Set(ids).size).toBe(40);
    }
    const states = await api.database.db
      .select({ state: webhookDeliveries.state })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, uuidOf(a.webhookEndpoint.id)));
    expect(states.every((s) => s.state === "SUCCEEDED")).toBe(true);
    await remove("petra", a.webhookEndpoint.id);
    await remove("petra", b.webhookEndpoint.id);
  });

  it("disables an endpoint failing for the set time, mails the partner's admins once, and sends again when enabled", async () => {
    const { webhookEndpoint } = await register("petra", "/down");
    const start = Date.now() + 1000;
    let now = new Date(start);
    const job = deliverer(api.database.db, { now: () => now, retryDelaysMs: [60_000] });
    for (const hours of [0, 24, 48, 71]) {
      now = new Date(start + hours * 3600_000);
      await emit(nordsak, 200 + hours);
      await job.deliverDue();
    }
    const endpointId = uuidOf(webhookEndpoint.id);
    const row = async () =>
      (await api.database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId)))[0]!;
    expect((await row()).disabledAt).toBeNull();
    expect((await row()).failingSince?.getTime()).toBe(start);
    now = new Date(start + 73 * 3600_000);
    await emit(nordsak, 273);
    await job.deliverDue();
    expect((await row()).disabledAt?.getTime()).toBe(now.getTime());
    const mails = await api.database.db
      .select()
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toAddress, DEMO_EMAILS.petra),
          eq(emailOutbox.subject, `Webhook avstängd: ${receiver.url("/down")}`),
        ),
      );
    expect(mails).toHaveLength(1);
    // Disabled: nothing more is sent, and new events for it are not even recorded.
    const before = receiver.received.filter((r) => r.path === "/down").length;
    now = new Date(start + 80 * 3600_000);
    await emit(nordsak, 280);
    await job.deliverDue();
    expect(receiver.received.filter((r) => r.path === "/down").length).toBe(before);
    const log = await api.gql(LOG, { e: webhookEndpoint.id }, token.petra);
    const bodies = log.data.webhookDeliveries.flatMap((d: { attempts: { responseBody: string }[] }) => d.attempts);
    expect(bodies.every((a: { responseBody: string }) => a.responseBody.length === 2048)).toBe(true);
    const enabled = await api.gql(
      `mutation($i: WebhookEndpointInput!) { enableWebhookEndpoint(input: $i) { webhookEndpoint { disabledAt } userErrors { code } } }`,
      { i: { endpointId: webhookEndpoint.id } },
      token.petra,
    );
    expect(enabled.data.enableWebhookEndpoint).toEqual({ webhookEndpoint: { disabledAt: null }, userErrors: [] });
    now = new Date(start + 81 * 3600_000);
    await job.deliverDue();
    expect(receiver.received.filter((r) => r.path === "/down").length).toBeGreaterThan(before);
    await remove("petra", webhookEndpoint.id);
  });

  it("times a slow receiver out without holding up the other deliveries of the pass", async () => {
    const slow = await register("petra", "/slow");
    const fast = await register("petra", "/ok-fast");
    await emit(nordsak, 300);
    const started = Date.now();
    await deliverer(api.database.db, {
      settings: { allowPrivateTargets: true, timeoutMs: 1_000, disableAfterMs: 1e9 },
    }).deliverDue();
    expect(Date.now() - started).toBeLessThan(3_000);
    const quick = receiver.received.find((r) => r.path === "/ok-fast");
    expect(quick!.at - started).toBeLessThan(800);
    const log = await api.gql(LOG, { e: slow.webhookEndpoint.id }, token.petra);
    expect(log.data.webhookDeliveries[0].attempts[0]).toMatchObject({
      statusCode: null,
      error: "no answer within 1 s",
    });
    await remove("petra", slow.webhookEndpoint.id);
    await remove("petra", fast.webhookEndpoint.id);
  });

  it("refuses at delivery an endpoint that resolves to a private address now, and logs why (DNS rebinding)", async () => {
    // Registered while allowed (as if the name resolved publicly then); the delivery job runs with the rule on.
    const made = await api.gql(
      REGISTER,
      { i: { url: receiver.url("/rebound").replace("http:", "https:"), eventTypes: ["CASE_UPDATED"] } },
      token.petra,
    );
    const { webhookEndpoint } = made.data.registerWebhookEndpoint;
    await emit(nordsak, 400);
    const strict = deliverer(api.database.db, {
      settings: { allowPrivateTargets: false, timeoutMs: 2_000, disableAfterMs: 72 * 3600_000 },
    });
    expect(await strict.deliverDue()).toBe(0);
    expect(receiver.received.filter((r) => r.path === "/rebound")).toEqual([]);
    const log = await api.gql(LOG, { e: webhookEndpoint.id }, token.petra);
    expect(log.data.webhookDeliveries[0].state).toBe("PENDING");
    expect(log.data.webhookDeliveries[0].attempts[0]).toMatchObject({ statusCode: null });
    expect(log.data.webhookDeliveries[0].attempts[0].error).toMatch(/loopback, private or link-local/);
    await remove("petra", webhookEndpoint.id);
  });

  it("is accepted by the example receiver's check, which refuses a changed body, another secret or an old timestamp", async () => {
    const { webhookEndpoint, secret } = await register("petra", "/ok-example");
    await emit(nordsak, 500);
    await deliverer().deliverDue();
    const [got] = receiver.received.filter((r) => r.path === "/ok-example");
    const now = Math.floor(Date.now() / 1000);
    expect(verifyWebhook(secret, got!.headers, got!.body, now)).toBe(true);
    expect(verifyWebhook(secret, got!.headers, got!.body.replace("500", "501"), now)).toBe(false);
    expect(verifyWebhook(`whsec_${Buffer.alloc(24).toString("base64")}`, got!.headers, got!.body, now)).toBe(false);
    expect(verifyWebhook(secret, got!.headers, got!.body, now + 3600)).toBe(false);
    await remove("petra", webhookEndpoint.id);
  });
});
