import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../src/db/client.js";
import { supportCaseMessages, supportCases } from "../src/db/schema/index.js";
import { escalateSilentInstallers, startInstallerEscalation } from "../src/modules/support/index.js";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
/** A second connection pool on the same database, as a second API process has. */
let second: Database;
const token: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${api.databaseName}`;
  second = await openDatabase({ url: url.toString() });
  for (const [k, email] of Object.entries({ karin: "karin@vastkustfast.demo", tomas: "tomas.tekniker@aptus.demo" }))
    token[k] = await api.login(email);
});
afterAll(async () => {
  await second?.close();
  await api?.close();
});

const OPEN = `mutation($i: OpenSupportCaseInput!) {
  openSupportCase(input: $i) {
    supportCase { id number severity priority responseTargetHours resolutionTargetHours responseDueAt resolutionDueAt routedTo }
    userErrors { code field }
  }
}`;

describe("severity and escalation over HTTP and two processes", () => {
  it("takes the severity from the caller and answers with its priority and both deadlines", async () => {
    const r = await api.gql(
      OPEN,
      { i: { category: "TECHNICAL", severity: "SYSTEM_DOWN", subject: "Allt är nere", description: "Inga dörrar." } },
      token.karin,
    );
    expect(r.errors).toBeUndefined();
    const c = r.data.openSupportCase.supportCase;
    expect([c.severity, c.priority, c.responseTargetHours, c.resolutionTargetHours]).toEqual([
      "SYSTEM_DOWN",
      "URGENT",
      1,
      8,
    ]);
    expect(Date.parse(c.resolutionDueAt)).toBeGreaterThan(Date.parse(c.responseDueAt));
    const bad = await api.gql(
      OPEN,
      { i: { category: "TECHNICAL", severity: "CATASTROPHIC", subject: "x", description: "y" } },
      token.karin,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("escalates each overdue installer case exactly once when two processes sweep at the same moment", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await api.gql(
        OPEN,
        { i: { category: "PROGRAMMING", severity: "SYSTEM_DOWN", subject: `Taggar ${i}`, description: "Nya taggar." } },
        token.karin,
      );
      const c = r.data.openSupportCase.supportCase;
      expect(c.routedTo).toBe("PARTNER");
      ids.push(c.id);
    }
    const later = new Date(Date.now() + 30 * 86_400_000);
    const [a, b] = await Promise.all([
      escalateSilentInstallers(api.database.db, later),
      escalateSilentInstallers(second.db, later),
    ]);
    // The demo's own silent case was escalated while seeding; these are the ones escalated now.
    const rows = await api.database.db.select().from(supportCases).where(eq(supportCases.escalatedAt, later));
    expect(a + b).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const row of rows) {
      const notes = await api.database.db
        .select()
        .from(supportCaseMessages)
        .where(eq(supportCaseMessages.caseId, row.id));
      expect(notes.filter((n) => n.handover)).toHaveLength(1);
    }
    const seen = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on SupportCase { routedTo escalatedAt routingReason { code messageSv } } } }`,
      { id: ids[0] },
      token.karin,
    );
    expect(seen.data.node.routedTo).toBe("VENDOR");
    expect(seen.data.node.routingReason.code).toBe("ESCALATED");
    expect(seen.data.node.routingReason.messageSv).toContain("hann inte svara inom svarstiden");
  });
});

describe("the near-deadline mark of cases from before it was kept (decision 0105)", () => {
  it("is filled from the calendar when the escalation sweep starts, as a new case gets it", async () => {
    const r = await api.gql(
      OPEN,
      { i: { category: "TECHNICAL", severity: "PARTIAL", subject: "Porten", description: "Går trögt." } },
      token.karin,
    );
    const id = Buffer.from(r.data.openSupportCase.supportCase.id, "base64url").toString().split(":")[1]!;
    const markOf = async () =>
      (await second.db.select().from(supportCases).where(eq(supportCases.id, id)))[0]!.responseNearAt;
    const kept = await markOf();
    expect(kept).toBeInstanceOf(Date);
    await second.db.update(supportCases).set({ responseNearAt: null }).where(eq(supportCases.id, id));
    const quiet = { info: () => {}, error: () => {} } as unknown as Parameters<typeof startInstallerEscalation>[1];
    const sweep = startInstallerEscalation(second.db, quiet, 3_600_000);
    try {
      for (let i = 0; i < 100 && !(await markOf()); i++) await new Promise((done) => setTimeout(done, 50));
    } finally {
      await sweep.stop();
    }
    expect((await markOf())?.toISOString()).toBe(kept!.toISOString());
  });
});
