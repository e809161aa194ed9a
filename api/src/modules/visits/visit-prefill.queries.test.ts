import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { monitoringChecks, serviceVisits } from "../../db/schema/index.js";
import { todayInSweden } from "../../shared/dates.js";
import { countingDatabase } from "../../test-support.js";
import { reconcileMonitoring } from "../monitoring/index.js";
import type { Viewer } from "../../shared/viewer.js";

let database: Database;
let admin: Viewer;
let run: Awaited<ReturnType<typeof countingDatabase>>["run"];

beforeAll(async () => {
  ({ database, admin, run } = await countingDatabase());
  // The demo's monitored installations get their checks, the nightly backup among them.
  await reconcileMonitoring(database.db, new Date(Date.now() - 40 * 86_400_000), todayInSweden());
});
afterAll(() => database.close());

const PAGE = `{ serviceVisits(first: 100) { totalCount edges { node {
  backupEvidence { checks { name expectedRuns successRate } } prefilledChecks { kind } } } } }`;
type Page = { serviceVisits: { totalCount: number; edges: { node: { backupEvidence: unknown } }[] } };

/** Visits (one open, one completed a month ago) of a property with a backup check, as a technician would have them. */
async function visitsOfBackedUpProperty(times: number) {
  const [check] = await database.db
    .select()
    .from(monitoringChecks)
    .where(eq(monitoringChecks.kind, "BACKUP_JOB"))
    .limit(1);
  for (let i = 0; i < times; i++)
    await database.db.insert(serviceVisits).values([
      {
        agreementId: check!.agreementId,
        propertyId: check!.propertyId,
        technicianId: admin.userId,
        scheduledAt: new Date(Date.now() + (i + 1) * 86_400_000),
      },
      {
        agreementId: check!.agreementId,
        propertyId: check!.propertyId,
        technicianId: admin.userId,
        scheduledAt: new Date(Date.now() - (30 + i) * 86_400_000),
        completedAt: new Date(Date.now() - (30 + i) * 86_400_000),
      },
    ]);
}

describe("a page of visits with their backup evidence", () => {
  it("costs the same number of SQL statements however many visits of backed-up properties it holds", async () => {
    await visitsOfBackedUpProperty(1);
    const before = await run<Page>(PAGE);
    await visitsOfBackedUpProperty(3);
    const after = await run<Page>(PAGE);
    expect(after.data.serviceVisits.totalCount).toBe(before.data.serviceVisits.totalCount + 6);
    expect(after.data.serviceVisits.edges.filter((e) => e.node.backupEvidence).length).toBeGreaterThanOrEqual(8);
    expect(after.count).toBe(before.count);
  });
});
