import { ContactLimits, DEFAULT_CONTACT_LIMITS } from "../contact/index.js";
import { DEFAULT_RESET_LIMITS, ResetThrottle } from "../accounts/reset-throttle.js";
import { webhookSettings } from "../webhooks/index.js";
import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../../create-context.js";
import type { Database } from "../../db/client.js";
import { createLogger } from "../../logger.js";
import { schema } from "../../schema.js";
import { freshDatabase } from "../../test-support.js";
import { ensureAdmin } from "../../seed/bootstrap.js";
import { DEMO_PASSWORD, seedDemo } from "../../seed/demo.js";
import { addDaysIso, todayInSweden } from "../../shared/dates.js";
import { LoginThrottle } from "../access/login-throttle.js";
import { authenticate, createApiToken, login } from "../access/access.service.js";
import { createAttachmentLimits } from "../support/attachment-limits.js";
import { createAgreementLoaders } from "./agreement.loaders.js";
import * as agreements from "./agreement.service.js";

/**
 * The partners' nightly query (the one `npm run bench` measures): what one request costs in SQL
 * statements, authentication included, for any page size.
 */
const PARTNER_QUERY = `query PartnerAgreements($first: Int!) {
  agreements(first: $first) {
    totalCount
    edges { node {
      id number tier { code }
      customer { id name organisationNumber }
      properties { id name streetAddress city apartments }
      licenceRentals { id kind quantity monthlyPrice { amountMinor currency } startsOn endsOn endedOn }
    } }
  }
}`;
/**
 * The page with its count, customers and tiers; the properties; the rentals. The API token is looked up once and then
 * cached (access/api-token-cache.ts).
 */
const STATEMENTS_PER_REQUEST = 3;

let database: Database;
let statements = 0;
let token: string;
let throttle: LoginThrottle;

async function request(first: number) {
  statements = 0;
  const viewer = await authenticate(database.db, token, "test");
  const result = await graphql({
    schema: await schema(),
    source: PARTNER_QUERY,
    variableValues: { first },
    contextValue: createContext({
      db: database.db,
      viewer,
      requestId: "test",
      ip: "127.0.0.1",
      userAgent: null,
      log: createLogger("silent"),
      app: {
        throttle,
        attachmentLimits: createAttachmentLimits(database.db),
        sessionTtlHours: 1,
        expiringWindowDays: 60,
        resetThrottle: new ResetThrottle(database.db, DEFAULT_RESET_LIMITS),
        contactLimits: new ContactLimits(database.db, DEFAULT_CONTACT_LIMITS),
        webhooks: webhookSettings({}),
        portalUrl: "http://localhost:3000",
      },
    }),
  });
  expect(result.errors).toBeUndefined();
  const page = (result.data as { agreements: { totalCount: number; edges: unknown[] } }).agreements;
  return { statements, totalCount: page.totalCount, size: page.edges.length };
}

beforeAll(async () => {
  database = await freshDatabase({ onQuery: () => statements++ });
  await seedDemo(database.db);
  throttle = new LoginThrottle(database.db, { maxPerAccount: 5, maxPerAddress: 5, windowSeconds: 60 });
  const admin = await ensureAdmin(database.db, { email: "admin@aptus.demo", password: DEMO_PASSWORD });
  const partner = await login(
    database.db,
    { throttle, sessionTtlHours: 1 },
    { ip: "127.0.0.1", userAgent: null, requestId: null },
    { email: "petra@nordsak.demo", password: DEMO_PASSWORD },
  );
  if (!("ok" in partner)) throw new Error("the demo partner cannot log in");
  const created = await createApiToken(database.db, partner.ok.viewer, { name: "nightly sync" });
  if (!("ok" in created)) throw new Error("no API token");
  token = created.ok.secret;
  // More agreements than the largest page, each with properties, so page size could show in the count.
  const today = todayInSweden();
  const clock = { today, windowDays: 60 };
  const sample = (await agreements.listAgreements(database.db, partner.ok.viewer, {}, { first: 1 }, clock)).edges[0]!
    .node;
  const propertyIds = (await createAgreementLoaders(database.db).propertyIds.load(sample.id)).map((p) => p.propertyId);
  for (let i = 0; i < 101; i++) {
    await agreements.createAgreement(
      database.db,
      admin,
      {
        customerId: sample.customerId,
        partnerId: partner.ok.viewer.organisationId,
        tier: "PLUS_500",
        propertyIds,
        startsOn: today,
        endsOn: addDaysIso(today, 30 + i),
      },
      clock,
    );
  }
}, 120_000);
afterAll(() => database.close());

describe("the partner's agreement query", () => {
  it(`costs at most ${STATEMENTS_PER_REQUEST} SQL statements per request, the same for 1, 50 or 100 agreements`, async () => {
    await request(1); // the token's first use records when it was used
    const counts = [];
    for (const first of [1, 50, 100]) {
      const r = await request(first);
      expect(r.size).toBe(first);
      counts.push(r.statements);
    }
    expect(counts[0]).toBeLessThanOrEqual(STATEMENTS_PER_REQUEST);
    expect(new Set(counts).size).toBe(1);
  });
});
