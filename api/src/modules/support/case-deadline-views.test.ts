import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { supportCases } from "../../db/schema/index.js";
import { seedDemo } from "../../seed/demo.js";
import { freshDatabase, okOf } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import { systemViewerOf } from "../access/access.service.js";
import { createOrganisation, createUser } from "../parties/party.service.js";
import { createAttachmentLimits, type AttachmentLimits } from "./attachment-limits.js";
import { clockOfCase, pausesOf } from "./case-clock.js";
import { supportCalendar } from "./support-calendar.service.js";
import { listSupportCases, openSupportCase } from "./support-case.service.js";
import { setSupportCaseStatus } from "./support-case-thread.service.js";

/** The queue's deadline filters and `updatedSince` against each case's clock, over a week of instants. */
let database: Database;
let limits: AttachmentLimits;
const v: Record<string, Viewer> = {};

beforeAll(async () => {
  database = await freshDatabase();
  await seedDemo(database.db);
  limits = createAttachmentLimits(database.db);
  v.admin = (await systemViewerOf(database.db, "admin@aptus.demo"))!;
  v.tomas = (await systemViewerOf(database.db, "tomas.tekniker@aptus.demo"))!;
  // A customer that never had an agreement: Brf Testgården's cases keep the default targets.
  const customer = okOf(
    await createOrganisation(database.db, v.admin, {
      kind: "CUSTOMER",
      name: "Brf Testgården",
      organisationNumber: "769634-5672",
    }),
  );
  okOf(
    await createUser(database.db, v.admin, {
      organisationId: customer.id,
      name: "Tea Testare",
      email: "tea@testgarden.demo",
      role: "CUSTOMER_ADMIN",
      password: "a-long-test-password",
    }),
  );
  v.tea = (await systemViewerOf(database.db, "tea@testgarden.demo"))!;
}, 120_000);
afterAll(() => database.close());

const open = (who: string, input: { subject: string }, now: Date) =>
  openSupportCase(
    database.db,
    v[who]!,
    { category: "TECHNICAL", description: "Porten i trapphus B går inte i lås.", ...input },
    now,
    limits,
  );

describe("the near-deadline filter from stored instants (decision 0105)", () => {
  it("lists, at every instant of a week and at each case's own marks, the cases whose clock reads near or overdue", async () => {
    // Brf Testgården: 16 open hours, weekdays 08:00–17:00 (week 16 of 2026).
    const at = (iso: string) => new Date(`${iso}+02:00`);
    const openAt = async (subject: string, iso: string) => okOf(await open("tea", { subject }, at(iso)));
    const setStatus = async (caseId: string, status: "WAITING_ON_CUSTOMER" | "OPEN", iso: string) =>
      okOf(await setSupportCaseStatus(database.db, v.tomas!, { caseId, status }, at(iso)));
    await openAt("Måndag morgon", "2026-04-13T08:00:00");
    await openAt("Måndag eftermiddag", "2026-04-13T13:30:00");
    await openAt("Fredag sent", "2026-04-10T16:00:00");
    // Held by the customer past the 75 % mark (15 of 16 hours used): near while it waits, without a deadline.
    const heldLate = await openAt("Väntar sent", "2026-04-13T10:00:00");
    await setStatus(heldLate.id, "WAITING_ON_CUSTOMER", "2026-04-14T16:00:00");
    // Held early (2 hours used) and back in the queue the next morning.
    const heldEarly = await openAt("Väntar tidigt", "2026-04-13T10:00:00");
    await setStatus(heldEarly.id, "WAITING_ON_CUSTOMER", "2026-04-13T12:00:00");
    await setStatus(heldEarly.id, "OPEN", "2026-04-14T09:00:00");
    // Held early and still waiting: never near while it waits.
    const heldShort = await openAt("Väntar kort", "2026-04-15T08:00:00");
    await setStatus(heldShort.id, "WAITING_ON_CUSTOMER", "2026-04-15T09:00:00");

    const calendar = await supportCalendar(database.db);
    const mine = (
      await listSupportCases(database.db, v.tomas!, { customerId: v.tea!.organisationId }, { first: 100 }, 0)
    ).edges.map((e) => e.node);
    const pauses = await pausesOf(
      database.db,
      mine.map((c) => c.id),
    );
    const instants = new Set<number>();
    for (let t = at("2026-04-10T15:00:00").getTime(); t <= at("2026-04-17T18:00:00").getTime(); t += 30 * 60_000)
      instants.add(t);
    for (const c of mine)
      for (const mark of [c.responseNearAt, c.responseDueAt])
        if (mark) for (const d of [-1, 0, 1]) instants.add(mark.getTime() + d);
    const listed = async (deadline: "OVERDUE" | "NEAR_DEADLINE", now: number) => {
      const page = await listSupportCases(
        database.db,
        v.tomas!,
        { customerId: v.tea!.organisationId, deadline },
        { first: 100 },
        now,
      );
      expect(page.totalCount).toBe(page.edges.length);
      return page.edges.map((e) => e.node.id).sort();
    };
    const differences: string[] = [];
    let nearSeen = 0;
    for (const now of [...instants].sort()) {
      const clocks = mine.map((c) => ({
        id: c.id,
        clock: clockOfCase(
          calendar,
          c,
          pauses.filter((p) => p.caseId === c.id),
          now,
        ),
      }));
      const near = clocks.filter((r) => r.clock.nearDeadline).map((r) => r.id);
      const overdue = clocks.filter((r) => r.clock.overdue).map((r) => r.id);
      nearSeen += near.length;
      const when = new Date(now).toISOString();
      if (JSON.stringify(await listed("NEAR_DEADLINE", now)) !== JSON.stringify(near.sort()))
        differences.push(`near at ${when}`);
      if (JSON.stringify(await listed("OVERDUE", now)) !== JSON.stringify(overdue.sort()))
        differences.push(`overdue at ${when}`);
    }
    expect(differences).toEqual([]);
    expect(nearSeen).toBeGreaterThan(50);
    // The held case past its mark is near while it waits; the one held short of it is not.
    const waiting = await listed("NEAR_DEADLINE", at("2026-04-16T12:00:00").getTime());
    expect(waiting).toContain(heldLate.id);
    expect(waiting).not.toContain(heldShort.id);

    // A partner syncing with updatedSince reads again every case whose nearDeadline or overdue turned since its last
    // sync, though nothing wrote it: from one instant of the sweep to the next, with every write long before.
    await database.db
      .update(supportCases)
      .set({ updatedAt: new Date("2020-01-01T00:00:00Z") })
      .where(eq(supportCases.customerId, v.tea!.organisationId));
    const changedSince = async (since: number, now: number) =>
      (
        await listSupportCases(
          database.db,
          v.tomas!,
          { customerId: v.tea!.organisationId, updatedSince: new Date(since) },
          { first: 100 },
          now,
        )
      ).edges.map((e) => e.node.id);
    const stateAt = (now: number) =>
      new Map(
        mine.map((c) => {
          const clock = clockOfCase(
            calendar,
            c,
            pauses.filter((p) => p.caseId === c.id),
            now,
          );
          return [c.id, `${clock.nearDeadline} ${clock.overdue}`];
        }),
      );
    const missed: string[] = [];
    let turned = 0;
    const sorted = [...instants].sort();
    for (const [i, now] of sorted.entries()) {
      if (i === 0) continue;
      const since = sorted[i - 1]!;
      const [before, after] = [stateAt(since), stateAt(now)];
      const changed = mine.filter((c) => before.get(c.id) !== after.get(c.id)).map((c) => c.id);
      turned += changed.length;
      const listed = await changedSince(since, now);
      for (const id of changed)
        if (!listed.includes(id))
          missed.push(`${id} from ${new Date(since).toISOString()} to ${new Date(now).toISOString()}`);
    }
    expect(missed).toEqual([]);
    expect(turned).toBeGreaterThan(5);
  });
});
