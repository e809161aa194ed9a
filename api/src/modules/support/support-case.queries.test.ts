import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import type { Viewer } from "../../shared/viewer.js";
import { countingDatabase } from "../../test-support.js";
import { systemViewerOf } from "../access/access.service.js";
import { createAttachmentLimits } from "./attachment-limits.js";
import { openSupportCase } from "./support-case.service.js";
import { replyToSupportCase } from "./support-case-thread.service.js";

let database: Database;
let support: Viewer;
let karin: Viewer;
let runQuery: Awaited<ReturnType<typeof countingDatabase>>["run"];

const QUEUE = `{ supportCases(first: 100) { totalCount edges { node { number routingReason { messageSv } customer { name } partner { name } property { name }
  openedBy { name organisationName } assignee { name } supportOpensAt openHoursUsed openHoursLeft nearDeadline overdue pauses { startedAt }
  messages { body author { name } attachments { fileName } } attachments { fileName } } } } }`;

async function run(viewer: Viewer) {
  const { count, data } = await runQuery<{ supportCases: { totalCount: number } }>(QUEUE, viewer);
  return { count, total: data.supportCases.totalCount };
}

beforeAll(async () => {
  ({ database, run: runQuery } = await countingDatabase());
  support = (await systemViewerOf(database.db, "tomas.tekniker@aptus.demo"))!;
  karin = (await systemViewerOf(database.db, "karin@vastkustfast.demo"))!;
}, 120_000);
afterAll(() => database.close());

describe("the support queue", () => {
  it("costs the same number of SQL statements for twice as many cases with threads (no N+1)", async () => {
    const before = await run(support);
    const limits = createAttachmentLimits(database.db);
    for (let i = 0; i < before.total; i++) {
      const c = await openSupportCase(database.db, karin, { category: "TECHNICAL", subject: `Fråga ${i}`, description: "d", attachments: [{ fileName: "a.log", contentBase64: Buffer.from("log\n").toString("base64") }] }, new Date(), limits);
      if ("ok" in c) await replyToSupportCase(database.db, support, { caseId: c.ok.id, body: "Svar" }, new Date(), limits);
    }
    const after = await run(support);
    expect(after.total).toBe(2 * before.total);
    expect(after.count).toBe(before.count);
  });
});
