import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { supportCases } from "../../db/schema/index.js";
import { toGlobalId } from "../../shared/ids.js";
import type { Viewer } from "../../shared/viewer.js";
import { countingDatabase, graphqlAs, okOf } from "../../test-support.js";
import { systemViewerOf } from "../access/access.service.js";
import { createAttachmentLimits } from "./attachment-limits.js";
import { MS_PER_HOUR } from "./support-calendar.js";
import { supportCalendar } from "./support-calendar.service.js";
import { openSupportCase } from "./support-case.service.js";
import { replyToSupportCase } from "./support-case-thread.service.js";

let database: Database;
let support: Viewer;
let karin: Viewer;

beforeAll(async () => {
  ({ database } = await countingDatabase());
  support = (await systemViewerOf(database.db, "tomas.tekniker@aptus.demo"))!;
  karin = (await systemViewerOf(database.db, "karin@vastkustfast.demo"))!;
}, 120_000);
afterAll(() => database.close());

const PAGE = `query($id: ID!) { node(id: $id) { ... on SupportCase {
  responseDueAt resolutionDueAt openHoursLeft resolutionOpenHoursLeft overdue nearDeadline } } }`;

interface Page {
  node: {
    responseDueAt: string;
    resolutionDueAt: string;
    openHoursLeft: number | null;
    resolutionOpenHoursLeft: number | null;
    overdue: boolean;
    nearDeadline: boolean;
  };
}

async function openCase() {
  const limits = createAttachmentLimits(database.db);
  const opened = okOf(
    await openSupportCase(
      database.db,
      karin,
      { category: "TECHNICAL", subject: "Porten", description: "d" },
      new Date(),
      limits,
    ),
  );
  return { row: opened, limits };
}

/** Moves a case's stored deadlines, as the promise mailed, synced and escalated on: the page must count to them. */
async function storeDeadlines(id: string, response: Date | null, resolution: Date | null) {
  await database.db
    .update(supportCases)
    .set({ responseDueAt: response, resolutionDueAt: resolution })
    .where(eq(supportCases.id, id));
}

describe("a case's time left", () => {
  it("counts the open hours to the stored first-answer and resolution deadlines, not from the opening", async () => {
    const { row } = await openCase();
    const calendar = await supportCalendar(database.db);
    const now = Date.now();
    // Far from what the opening and the target would give: 40 and 70 open hours ahead.
    const response = new Date(calendar.deadline(now, 40 * MS_PER_HOUR));
    const resolution = new Date(calendar.deadline(now, 70 * MS_PER_HOUR));
    await storeDeadlines(row.id, response, resolution);
    const page = await graphqlAs<Page>(database, support, PAGE, { id: toGlobalId("SupportCase", row.id) });
    expect(page.node.openHoursLeft).toBeCloseTo(40, 2);
    expect(page.node.resolutionOpenHoursLeft).toBeCloseTo(70, 2);
    expect(page.node).toMatchObject({ overdue: false, nearDeadline: false });
  });

  it("is negative and overdue once the stored deadline has passed, as the escalation sweep reads it", async () => {
    const { row } = await openCase();
    const calendar = await supportCalendar(database.db);
    const now = Date.now();
    const open = calendar.isOpen(now) ? now : calendar.nextOpening(now);
    // Two open hours ago, counted back on the calendar: the stored deadline has passed.
    let passed = open - 2 * MS_PER_HOUR;
    while (calendar.openMsBetween(passed, now) < 2 * MS_PER_HOUR) passed -= 15 * 60_000;
    await storeDeadlines(row.id, new Date(passed), row.resolutionDueAt);
    const page = await graphqlAs<Page>(database, support, PAGE, { id: toGlobalId("SupportCase", row.id) });
    expect(page.node.overdue).toBe(true);
    expect(page.node.openHoursLeft!).toBeCloseTo(-calendar.openMsBetween(passed, now) / MS_PER_HOUR, 2);
  });

  it("has no first-answer time left once answered, while the resolution's still counts", async () => {
    const { row, limits } = await openCase();
    okOf(
      await replyToSupportCase(database.db, support, { caseId: row.id, body: "Vi tittar på det." }, new Date(), limits),
    );
    const page = await graphqlAs<Page>(database, support, PAGE, { id: toGlobalId("SupportCase", row.id) });
    const calendar = await supportCalendar(database.db);
    expect(page.node.openHoursLeft).toBeNull();
    const expected = calendar.openMsBetween(Date.now(), new Date(page.node.resolutionDueAt).getTime()) / MS_PER_HOUR;
    expect(page.node.resolutionOpenHoursLeft).toBeCloseTo(expected, 2);
  });
});
