import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { like } from "drizzle-orm";
import { openDatabase, type Database } from "../src/db/client.js";
import { emailOutbox } from "../src/db/schema/index.js";
import { addDaysIso, todayInSweden } from "../src/shared/dates.js";
import { seedDemo } from "../src/seed/demo.js";
import { startApiProcess, type ApiProcess } from "./api-process.js";
import { emptyTestDatabase, PASSWORD } from "./support.js";

/**
 * Two API processes on one PostgreSQL, each running the protocol delivery job every second (decision 0080): a
 * protocol signed at completion is mailed by itself, once to each reader, though both processes see it due.
 */
let url: string;
let dropDatabase: (() => Promise<void>) | undefined;
let database: Database;
let one: ApiProcess;
let two: ApiProcess;

const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

beforeAll(async () => {
  ({ url, drop: dropDatabase } = await emptyTestDatabase("trygg_protocols"));
  database = await openDatabase({ url });
  await database.migrate();
  await seedDemo(database.db);
  const env = { DATABASE_URL: url, VISIT_PROTOCOL_SEND: "SIGNED", VISIT_PROTOCOL_POLL_SECONDS: "1" };
  [one, two] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
});

afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop()]);
  await database?.close();
  await dropDatabase?.();
});

async function ok<T = any>(api: ApiProcess, query: string, variables: Record<string, unknown>, token: string) {
  const r = await api.gql<T>(query, variables, token);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data as any;
}

describe("a signed protocol with two API processes", () => {
  it("is mailed by itself, once to each reader", async () => {
    const sara = await one.login("sara.saljare@aptus.demo", PASSWORD);
    const tomas = await two.login("tomas.tekniker@aptus.demo", PASSWORD);
    const { agreements } = await ok(
      one,
      `{ agreements(first: 100) { edges { node { id number properties { id name } } } } }`,
      {},
      sara,
    );
    const majvik = agreements.edges
      .map((e: any) => e.node)
      .find((a: any) => a.properties.some((p: any) => p.name === "Kv. Sjöbacken 3"));
    const { viewer } = await ok(two, `{ viewer { user { id } } }`, {}, tomas);
    const { scheduleServiceVisit: booked } = await ok(
      one,
      `mutation($i: ScheduleServiceVisitInput!) { scheduleServiceVisit(input: $i) { serviceVisit { id version } userErrors { code } } }`,
      {
        i: {
          agreementId: majvik.id,
          propertyId: majvik.properties[0].id,
          technicianId: viewer.user.id,
          scheduledAt: `${addDaysIso(todayInSweden(), 1)}T07:00:00Z`,
        },
      },
      sara,
    );
    expect(booked.userErrors).toEqual([]);
    const visitId = booked.serviceVisit.id;
    const kinds = ["DATABASE_REVIEW", "ROUTINES", "HARDWARE_AND_VERSIONS", "BACKUP_ROUTINES", "DATABASE_SIZE"];
    const { recordVisitChecks: recorded } = await ok(
      two,
      `mutation($i: RecordVisitChecksInput!) { recordVisitChecks(input: $i) { userErrors { code } } }`,
      {
        i: {
          visitId,
          expectedVersion: booked.serviceVisit.version,
          checks: kinds.map((kind) => ({ kind, result: "OK", databaseSizeMb: kind === "DATABASE_SIZE" ? 900 : null })),
        },
      },
      tomas,
    );
    expect(recorded.userErrors).toEqual([]);
    const { completeServiceVisit: completed } = await ok(
      one,
      `mutation($i: CompleteServiceVisitInput!) { completeServiceVisit(input: $i) { userErrors { code } } }`,
      { i: { visitId, signature: { signedByName: "Maja Majvik", imageDataUrl: PNG } } },
      tomas,
    );
    expect(completed.userErrors).toEqual([]);

    const protocolMails = () =>
      database.db
        .select({ to: emailOutbox.toAddress })
        .from(emailOutbox)
        .where(like(emailOutbox.subject, `Protokoll från supportbesök ${majvik.number}%`));
    const deadline = Date.now() + 30_000;
    while ((await protocolMails()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    // Both processes have had several passes since: a second mail would be here by now.
    await new Promise((r) => setTimeout(r, 4_000));
    expect((await protocolMails()).map((m) => m.to)).toEqual(["maja@majvik.demo"]);
    const { node } = await ok(
      two,
      `query($id: ID!) { node(id: $id) { ... on ServiceVisit { protocolSentAt } } }`,
      { id: visitId },
      tomas,
    );
    expect(node.protocolSentAt).not.toBeNull();
  });
});
