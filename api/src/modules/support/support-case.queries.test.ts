import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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
      const c = await openSupportCase(
        database.db,
        karin,
        {
          category: "TECHNICAL",
          subject: `Fråga ${i}`,
          description: "d",
          attachments: [{ fileName: "a.log", contentBase64: Buffer.from("log\n").toString("base64") }],
        },
        new Date(),
        limits,
      );
      if ("ok" in c)
        await replyToSupportCase(database.db, support, { caseId: c.ok.id, body: "Svar" }, new Date(), limits);
    }
    const after = await run(support);
    expect(after.total).toBe(2 * before.total);
    expect(after.count).toBe(before.count);
  });

  it("reads the request's clock once: every field of one answer counts the open hours up to the same instant", async () => {
    // A clock that moves a week on whenever it is read: a field that reads it for itself disagrees with its neighbour.
    const realNow = Date.now.bind(Date);
    let reads = 0;
    const clock = vi.spyOn(Date, "now").mockImplementation(() => realNow() + 7 * 86_400_000 * ++reads);
    try {
      type Node = {
        number: string;
        openHoursUsed: number;
        again: number;
        openHoursLeft: number | null;
        left: number | null;
      };
      const { data } = await runQuery<{ supportCases: { edges: { node: Node }[] } }>(
        `{ supportCases(first: 100) { edges { node { number openHoursUsed again: openHoursUsed openHoursLeft left: openHoursLeft } } } }`,
        support,
      );
      const nodes = data.supportCases.edges.map((e) => e.node);
      expect(
        nodes.some((n) => n.openHoursLeft !== null),
        "an unanswered case whose clock runs",
      ).toBe(true);
      expect(nodes.filter((n) => n.again !== n.openHoursUsed || n.left !== n.openHoursLeft)).toEqual([]);
    } finally {
      clock.mockRestore();
    }
  });
});
