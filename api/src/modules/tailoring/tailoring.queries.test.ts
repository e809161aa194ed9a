import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { clockAt } from "../../shared/clock.js";
import { addDaysIso, todayInSweden } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { countingDatabase, okOf } from "../../test-support.js";
import { createAgreementLoaders } from "../agreements/agreement.loaders.js";
import * as agreements from "../agreements/agreement.service.js";
import * as tailoring from "./tailoring.service.js";

let database: Database;
let admin: Viewer;
let run: Awaited<ReturnType<typeof countingDatabase>>["run"];

/** The seller's worklist with everything the portal shows for each tailoring. */
const WORKLIST = `{ tailorings(first: 100) { totalCount edges { node { currentStep stepsToRedo waitingOn
  agreement { number customer { name } } steps { step state doneAt doneBy { name } }
  history { action actor { name } } systemReview { meetingOn recordedBy { name } }
  actionPlan { version percentDone items { title } prioritisedBy { name } } } } } }`;

beforeAll(async () => {
  ({ database, admin, run } = await countingDatabase());
});
afterAll(() => database.close());

describe("the tailoring worklist", () => {
  it("costs the same number of SQL statements for more tailorings (no N+1)", async () => {
    const before = await run<{ tailorings: { totalCount: number } }>(WORKLIST);
    expect(before.data.tailorings.totalCount).toBeGreaterThan(0);
    const clock = clockAt(todayInSweden());
    const [first] = (await agreements.listAgreements(database.db, admin, {}, { first: 1 }, clock)).edges;
    const propertyIds = (await createAgreementLoaders(database.db).propertyIds.load(first!.node.id)).map(
      (p) => p.propertyId,
    );
    for (let i = 0; i < 3; i++) {
      const a = okOf(
        await agreements.createAgreement(
          database.db,
          admin,
          {
            customerId: first!.node.customerId,
            tier: "PLUS_500",
            propertyIds,
            startsOn: clock.today,
            endsOn: addDaysIso(clock.today, 300 + i),
          },
          clock,
        ),
      );
      okOf(await agreements.activateAgreement(database.db, admin, { agreementId: a.id }, clock));
      okOf(
        await tailoring.requestTailoring(database.db, admin, { agreementId: a.id, message: `Worklist ${i}` }, clock),
      );
    }
    const after = await run<{ tailorings: { totalCount: number } }>(WORKLIST);
    expect(after.data.tailorings.totalCount).toBe(before.data.tailorings.totalCount + 3);
    expect(after.count).toBe(before.count);
  });
});

describe("the action items past their plan's end date", () => {
  const PAST = (first: number) => `{ actionItemsPastEndDate(first: ${first}) { totalCount edges { node { item { title }
    agreement { number customer { name } } } } } }`;
  type Past = { actionItemsPastEndDate: { totalCount: number; edges: unknown[] } };

  it("read their agreements in one statement, however many items the page holds (no N+1)", async () => {
    const one = await run<Past>(PAST(1));
    const all = await run<Past>(PAST(50));
    // The demo has items past their end date on more than one agreement.
    expect(all.data.actionItemsPastEndDate.edges.length).toBeGreaterThan(1);
    expect(all.count).toBe(one.count);
  });
});
