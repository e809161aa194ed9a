import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { supportCalendarExceptions } from "../../db/schema/index.js";
import { seedDemo } from "../../seed/demo.js";
import { codeOf, freshDatabase, okOf } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import { systemViewerOf } from "../access/access.service.js";
import { createOrganisation, createUser } from "../parties/party.service.js";
import { createAttachmentLimits } from "./attachment-limits.js";
import { previewCalendarException } from "./calendar-exception-preview.js";
import { findSupportCase, openSupportCase } from "./support-case.service.js";

let database: Database;
const v: Record<string, Viewer> = {};
let caseId: string;

beforeAll(async () => {
  database = await freshDatabase();
  await seedDemo(database.db);
  v.admin = (await systemViewerOf(database.db, "admin@aptus.demo"))!;
  v.tomas = (await systemViewerOf(database.db, "tomas.tekniker@aptus.demo"))!;
  // A customer without an agreement: 16 open hours to the first answer, whatever the demo's dates.
  const org = okOf(
    await createOrganisation(database.db, v.admin, {
      kind: "CUSTOMER",
      name: "Brf Förhandsvisningen",
      organisationNumber: "769634-5672",
    }),
  );
  okOf(
    await createUser(database.db, v.admin, {
      organisationId: org.id,
      name: "Fia Förhand",
      email: "fia@forhand.demo",
      role: "CUSTOMER_ADMIN",
      password: "a-long-test-password",
    }),
  );
  v.fia = (await systemViewerOf(database.db, "fia@forhand.demo"))!;
}, 120_000);
afterAll(() => database.close());

describe("previewing a calendar exception", () => {
  it("shows that closing the day a case is due moves its deadline, and writes nothing", async () => {
    // Monday 08:00: 9 h on Monday and 7 h on Tuesday → due Tuesday 15:00 (14:00 UTC).
    const opened = okOf(
      await openSupportCase(
        database.db,
        v.fia!,
        { category: "TECHNICAL", subject: "Porten låser inte", description: "Trapphus B går inte i lås." },
        new Date("2026-03-09T08:00:00+01:00"),
        createAttachmentLimits(database.db),
      ),
    );
    expect(opened.responseDueAt!.toISOString()).toBe("2026-03-10T14:00:00.000Z");
    caseId = opened.id;

    const moves = okOf(await previewCalendarException(database.db, v.admin!, { date: "2026-03-10", reason: "Flytt" }));
    const ours = moves.find((m) => m.supportCase.id === opened.id);
    expect(ours && [ours.responseBefore, ours.responseAfter].map((ms) => new Date(ms!).toISOString())).toEqual([
      "2026-03-10T14:00:00.000Z",
      "2026-03-11T14:00:00.000Z", // Tuesday closed → Wednesday 15:00
    ]);

    expect(await database.db.select().from(supportCalendarExceptions)).toEqual([]);
    const stored = (await findSupportCase(database.db, v.fia!, opened.id))!;
    expect(stored.responseDueAt!.toISOString()).toBe("2026-03-10T14:00:00.000Z");
  });

  it("leaves out cases whose deadlines do not move, checks the exception and lets only admins ask", async () => {
    const moves = okOf(await previewCalendarException(database.db, v.admin!, { date: "2026-03-20", reason: "Fredag" }));
    expect(moves.map((m) => m.supportCase.id)).not.toContain(caseId); // due on the 10th, before the closed day
    expect(codeOf(await previewCalendarException(database.db, v.admin!, { date: "2026-03-20", reason: " " }))).toBe(
      "REASON_REQUIRED",
    );
    await expect(
      previewCalendarException(database.db, v.tomas!, { date: "2026-03-20", reason: "x" }),
    ).rejects.toThrow();
  });
});
