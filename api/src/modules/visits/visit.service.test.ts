import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { auditEvents, installedVersions, tailoringEvents } from "../../db/schema/index.js";
import { codeOf, freshDatabase, okOf } from "../../test-support.js";
import { createProperty } from "../parties/party.service.js";
import { setInstalledVersion } from "../releases/release.service.js";
import { findActionItem, itemsOf } from "../tailoring/tailoring.service.js";
import { createActionItemFromCheck } from "./visit-action-item.js";
import {
  checkKinds,
  checksOf,
  hardwarePrefill,
  missingKinds,
  recordVisitCheck,
  type RecordCheckInput,
} from "./visit-checks.js";
import { at, clock, day, visitWorld } from "./visit.fixture.js";
import { completeServiceVisit, correctVisitProtocol, protocolVersionsOf } from "./visit-protocol.js";
import { protocolDocument } from "./visit-protocol-document.js";
import { acknowledgeVisitProtocol, signVisitProtocol } from "./visit-signature.js";
import * as s from "./visit.service.js";

let database: Database;
let w: Awaited<ReturnType<typeof visitWorld>>;

beforeAll(async () => {
  database = await freshDatabase();
  w = await visitWorld(database);
});
afterAll(() => database.close());

// A 1×1 PNG, as a canvas would give a (tiny) drawing.
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

async function book(agreementId: string, when = at(day(10))) {
  return okOf(
    await s.scheduleServiceVisit(
      w.db,
      w.seller,
      { agreementId, propertyId: w.propertyId, technicianId: w.technician.userId, scheduledAt: when },
      clock,
    ),
  );
}

async function recordAll(visitId: string, sizeMb = 1000, skip: string[] = []) {
  const all = [
    { kind: "DATABASE_REVIEW", result: "OK", note: "Inga fel i loggarna." },
    { kind: "ROUTINES", result: "NEEDS_ACTION", note: "Rutin för avflyttning saknas; nycklar spärras för sent." },
    { kind: "HARDWARE_AND_VERSIONS", result: "OK", note: "" },
    { kind: "BACKUP_ROUTINES", result: "OK", note: "Nattlig backup till extern disk." },
    { kind: "DATABASE_SIZE", result: "OK", note: "", databaseSizeMb: sizeMb },
  ] as const;
  for (const c of all.filter((c) => !skip.includes(c.kind)))
    okOf(await recordVisitCheck(w.db, w.technician, { visitId, ...c }, clock));
}

describe("booking the annual visit", () => {
  it("is refused for a BRF agreement: the tiers table gives BRF no visit", async () => {
    const brf = await w.agreement("BRF");
    const r = await s.scheduleServiceVisit(
      w.db,
      w.seller,
      { agreementId: brf.id, propertyId: w.propertyId, technicianId: w.technician.userId, scheduledAt: at(day(10)) },
      clock,
    );
    expect(codeOf(r)).toBe("VISIT_NOT_IN_TIER");
  });

  it("must lie inside the period, at the agreement's property, with a vendor technician", async () => {
    const a = await w.agreement();
    const base = {
      agreementId: a.id,
      propertyId: w.propertyId,
      technicianId: w.technician.userId,
      scheduledAt: at(day(10)),
    };
    expect(codeOf(await s.scheduleServiceVisit(w.db, w.seller, { ...base, scheduledAt: at(day(701)) }, clock))).toBe(
      "OUTSIDE_AGREEMENT_PERIOD",
    );
    expect(
      codeOf(await s.scheduleServiceVisit(w.db, w.seller, { ...base, technicianId: w.customerAdmin.userId }, clock)),
    ).toBe("INVALID_TECHNICIAN");
    expect(
      codeOf(
        await s.scheduleServiceVisit(
          w.db,
          w.seller,
          { ...base, propertyId: "00000000-0000-0000-0000-000000000000" },
          clock,
        ),
      ),
    ).toBe("PROPERTY_NOT_IN_AGREEMENT");
    await expect(s.scheduleServiceVisit(w.db, w.customerAdmin, base, clock)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("rescheduling keeps every booking with its reason", async () => {
    const v = await book((await w.agreement()).id);
    okOf(
      await s.rescheduleServiceVisit(
        w.db,
        w.seller,
        { visitId: v.id, scheduledAt: at(day(20)), reason: "Kunden bortrest", expectedVersion: v.version },
        clock,
        at(day(0)),
      ),
    );
    const history = await s.bookingsOf(w.db, v.id);
    expect(history.map((b) => [b.scheduledAt.toISOString().slice(0, 10), b.reason])).toEqual([
      [day(10), null],
      [day(20), "Kunden bortrest"],
    ]);
  });

  it("refuses to move a visit into the past, or a visit changed since it was read", async () => {
    const v = await book((await w.agreement()).id);
    const move = (scheduledAt: Date, expectedVersion = v.version) =>
      s.rescheduleServiceVisit(w.db, w.seller, { visitId: v.id, scheduledAt, expectedVersion }, clock, at(day(0)));
    expect(codeOf(await move(at(day(-1))))).toBe("TIME_IN_PAST");
    expect(codeOf(await move(at(day(20)), v.version + 1))).toBe("STALE_VERSION");
    const moved = okOf(await move(at(day(20)), v.version));
    expect(codeOf(await move(at(day(30)), v.version))).toBe("STALE_VERSION");
    expect(okOf(await move(at(day(30)), moved.version)).scheduledAt).toEqual(at(day(30)));
  });

  it("proposes visits from the agreed end date, then yearly while the agreement runs; a booking answers its proposal", async () => {
    const a = await w.agreement("PLUS_500", 700);
    expect(await s.visitProposals(w.db, a)).toEqual([]);
    await w.tailoredTo(a.id, day(100));
    const proposals = await s.visitProposals(w.db, a);
    expect(proposals.map((p) => p.proposedOn)).toEqual([day(100), "2028-06-09"]);
    const v = await book(a.id, at(day(104)));
    expect((await s.visitProposals(w.db, a)).map((p) => p.visitId)).toEqual([v.id, null]);
  });

  it("lists overdue visits (past, not completed) for support staff and sellers, scoped by tenant", async () => {
    const a = await w.agreement();
    const past = await book(a.id, at(day(-3)));
    const now = at(day(0), "12:00:00Z");
    const overdue = await s.listServiceVisits(w.db, w.seller, { overdue: true, agreementId: a.id }, {}, now);
    expect(overdue.edges.map((e) => e.node.id)).toEqual([past.id]);
    expect(s.isOverdue(past, now)).toBe(true);
    const stranger = { ...w.customerAdmin, organisationId: "00000000-0000-0000-0000-000000000001" };
    expect((await s.listServiceVisits(w.db, stranger, { agreementId: a.id }, {}, now)).totalCount).toBe(0);
  });
});

describe("the protocol", () => {
  it("cannot be completed with checks missing; the error names them", async () => {
    const v = await book((await w.agreement()).id);
    await recordAll(v.id, 1000, ["ROUTINES", "DATABASE_SIZE"]);
    const r = await completeServiceVisit(w.db, w.technician, { visitId: v.id }, clock);
    expect(codeOf(r)).toBe("VISIT_INCOMPLETE");
    const e = "errors" in r ? r.errors[0]! : null;
    expect(e?.message).toContain("ROUTINES");
    expect(e?.message).toContain("DATABASE_SIZE");
    expect(e?.field).toEqual(["input", "checks", "ROUTINES", "DATABASE_SIZE"]);
  });

  it("is frozen at completion; a correction is a new version with a reason", async () => {
    const v = await book((await w.agreement()).id);
    await recordAll(v.id);
    okOf(await completeServiceVisit(w.db, w.technician, { visitId: v.id }, clock));
    expect(
      await recordVisitCheck(w.db, w.technician, { visitId: v.id, kind: "ROUTINES", result: "OK" }, clock),
    ).toEqual({
      errors: [
        {
          code: "VISIT_COMPLETED",
          message: "The protocol is frozen; correct it with correctVisitProtocol and a reason.",
          field: ["input", "visitId"],
        },
      ],
    });
    expect(
      codeOf(
        await correctVisitProtocol(
          w.db,
          w.technician,
          { visitId: v.id, reason: " ", checks: [{ kind: "ROUTINES", result: "OK" }] },
          clock,
        ),
      ),
    ).toBe("INVALID_INPUT");
    const v2 = okOf(
      await correctVisitProtocol(
        w.db,
        w.technician,
        {
          visitId: v.id,
          reason: "Rutinen fanns, i pärmen",
          checks: [{ kind: "ROUTINES", result: "OK", note: "Rutin finns." }],
        },
        clock,
      ),
    );
    expect(v2.version).toBe(2);
    const versions = await protocolVersionsOf(w.db, v.id);
    expect(versions.map((p) => [p.version, p.reason, p.checks.find((c) => c.kind === "ROUTINES")?.result])).toEqual([
      [2, "Rutinen fanns, i pärmen", "OK"],
      [1, null, "NEEDS_ACTION"],
    ]);
  });

  it("the hardware check is prefilled with installed against latest, and a newer version found updates the property", async () => {
    const v = await book((await w.agreement()).id);
    const check = okOf(
      await recordVisitCheck(
        w.db,
        w.technician,
        {
          visitId: v.id,
          kind: "HARDWARE_AND_VERSIONS",
          result: "OK",
          installedVersions: [{ product: "HANTERA", version: "5.12.0" }],
        },
        clock,
      ),
    );
    expect(check.versions).toContainEqual({ product: "HANTERA", installed: "5.12.0", latest: "5.12.0" });
    expect(check.versions).toContainEqual({ product: "MULTI_ACCESS", installed: null, latest: "3.4.0" });
    // An older version typed in does not undo the upgrade.
    okOf(
      await recordVisitCheck(
        w.db,
        w.technician,
        {
          visitId: v.id,
          kind: "HARDWARE_AND_VERSIONS",
          result: "OK",
          installedVersions: [{ product: "HANTERA", version: "5.9" }],
        },
        clock,
      ),
    );
    const [row] = await w.db.select().from(installedVersions).where(eq(installedVersions.propertyId, w.propertyId));
    expect(row?.version).toBe("5.12.0");
  });

  it("a size reading belongs to the size check alone, is a number of MB, zero or more, and is needed unless not applicable", async () => {
    const v = await book((await w.agreement()).id);
    const record = (input: Omit<RecordCheckInput, "visitId">) =>
      recordVisitCheck(w.db, w.technician, { visitId: v.id, ...input }, clock);
    const refused = (message: string) => ({
      errors: [{ code: "INVALID_INPUT", message, field: ["input", "databaseSizeMb"] }],
    });
    const missing = refused("The database-size check needs a reading in MB.");
    const notMb = refused("A database size is a number of MB, zero or more.");
    const notSize = refused("Only the database-size check takes a reading.");
    expect(await record({ kind: "DATABASE_SIZE", result: "OK" })).toEqual(missing);
    expect(await record({ kind: "DATABASE_SIZE", result: "OK", databaseSizeMb: -1 })).toEqual(notMb);
    expect(await record({ kind: "DATABASE_SIZE", result: "OK", databaseSizeMb: Number.NaN })).toEqual(notMb);
    expect(await record({ kind: "DATABASE_SIZE", result: "OK", databaseSizeMb: Number.POSITIVE_INFINITY })).toEqual(
      notMb,
    );
    expect(await record({ kind: "ROUTINES", result: "OK", databaseSizeMb: 10 })).toEqual(notSize);
    expect(await record({ kind: "ROUTINES", result: "OK", databaseSizeMb: 0 })).toEqual(notSize);
    expect(await checksOf(w.db, v.id)).toEqual([]);
    expect(okOf(await record({ kind: "DATABASE_SIZE", result: "OK", databaseSizeMb: 0 })).databaseSizeMb).toBe(0);
    expect(
      okOf(await record({ kind: "DATABASE_SIZE", result: "NOT_APPLICABLE", note: "Ingen server på plats" }))
        .databaseSizeMb,
    ).toBeNull();
    expect(okOf(await record({ kind: "ROUTINES", result: "OK" })).databaseSizeMb).toBeNull();
  });

  it("a check is recorded again until completion, its note trimmed, by a technician, and each recording is in the audit trail", async () => {
    const v = await book((await w.agreement()).id);
    const first = okOf(
      await recordVisitCheck(
        w.db,
        w.technician,
        { visitId: v.id, kind: "BACKUP_ROUTINES", result: "NEEDS_ACTION", note: "  Ingen backup.  " },
        clock,
      ),
    );
    expect([first.result, first.note, first.recordedById, first.versions]).toEqual([
      "NEEDS_ACTION",
      "Ingen backup.",
      w.technician.userId,
      null,
    ]);
    const again = okOf(
      await recordVisitCheck(w.db, w.admin, { visitId: v.id, kind: "BACKUP_ROUTINES", result: "OK" }, clock),
    );
    expect([again.id, again.result, again.note, again.recordedById]).toEqual([first.id, "OK", "", w.admin.userId]);
    expect(await checksOf(w.db, v.id)).toHaveLength(1);
    const audit = await w.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, v.id), eq(auditEvents.action, "serviceVisit.recordCheck")));
    expect(audit.map((e) => [e.objectType, e.organisationId, e.details])).toEqual([
      ["ServiceVisit", w.customerId, { kind: "BACKUP_ROUTINES", result: "NEEDS_ACTION" }],
      ["ServiceVisit", w.customerId, { kind: "BACKUP_ROUTINES", result: "OK" }],
    ]);
    expect(
      await recordVisitCheck(
        w.db,
        w.technician,
        { visitId: "00000000-0000-4000-8000-000000000000", kind: "ROUTINES", result: "OK" },
        clock,
      ),
    ).toEqual({ errors: [{ code: "NOT_FOUND", message: "No such service visit.", field: ["input", "visitId"] }] });
    await expect(
      recordVisitCheck(w.db, w.seller, { visitId: v.id, kind: "ROUTINES", result: "OK" }, clock),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the hardware check flags a product installed behind its latest release, not one unknown at the property, and refuses a version that is not one", async () => {
    const v = await book((await w.agreement()).id);
    expect(
      await recordVisitCheck(
        w.db,
        w.technician,
        {
          visitId: v.id,
          kind: "HARDWARE_AND_VERSIONS",
          result: "OK",
          installedVersions: [{ product: "MULTI_ACCESS", version: "tre" }],
        },
        clock,
      ),
    ).toMatchObject({
      errors: [{ code: "INVALID_VERSION", field: ["input", "installedVersions"] }],
    });
    // A property of its own, so that no other test's upgrades change what it has installed.
    const propertyId = okOf(
      await createProperty(w.db, w.admin, {
        customerId: w.customerId,
        name: "Kvarteret Päronträdet",
        streetAddress: "Storgatan 3",
        postalCode: "41101",
        city: "Göteborg",
        apartments: 40,
      }),
    ).id;
    expect(await hardwarePrefill(w.db, propertyId)).toEqual([
      { product: "HANTERA", installed: null, latest: "5.12.0", outdated: false },
      { product: "MULTI_ACCESS", installed: null, latest: "3.4.0", outdated: false },
    ]);
    okOf(await setInstalledVersion(w.db, w.admin, { propertyId, product: "HANTERA", version: "5.12.0" }));
    okOf(await setInstalledVersion(w.db, w.admin, { propertyId, product: "MULTI_ACCESS", version: "3.2" }));
    okOf(await setInstalledVersion(w.db, w.admin, { propertyId, product: "APTUSPORTAL", version: "1.0" })); // never released
    expect(await hardwarePrefill(w.db, propertyId)).toEqual([
      { product: "APTUSPORTAL", installed: "1.0", latest: null, outdated: false },
      { product: "HANTERA", installed: "5.12.0", latest: "5.12.0", outdated: false },
      { product: "MULTI_ACCESS", installed: "3.2", latest: "3.4.0", outdated: true },
    ]);
  });

  it("names the checks still to record, in the protocol's order", async () => {
    const kinds = await checkKinds(w.db);
    expect(kinds.map((k) => k.code)).toEqual([
      "DATABASE_REVIEW",
      "ROUTINES",
      "HARDWARE_AND_VERSIONS",
      "BACKUP_ROUTINES",
      "DATABASE_SIZE",
    ]);
    expect(missingKinds(kinds, [{ kind: "ROUTINES" }, { kind: "DATABASE_REVIEW" }]).map((k) => k.code)).toEqual([
      "HARDWARE_AND_VERSIONS",
      "BACKUP_ROUTINES",
      "DATABASE_SIZE",
    ]);
    expect(missingKinds(kinds, [])).toEqual(kinds);
  });

  it("the size check shows the change since the last visit and the trend over all visits", async () => {
    const a = await w.agreement("PLUS_500", 800);
    const sizes = [800, 1000, 1300];
    let last = null;
    for (const [i, size] of sizes.entries()) {
      const v = await book(a.id, at(day(i * 365)));
      await recordAll(v.id, size);
      okOf(await completeServiceVisit(w.db, w.technician, { visitId: v.id }, clock));
      last = v;
    }
    const doc = await protocolDocument(w.db, last!, a);
    expect(doc.sizeTrend.readings.map((r) => r.sizeMb)).toEqual(sizes);
    expect(doc.sizeTrend.changeMb).toBe(300);
    expect(doc.sizeTrend.changePercent).toBe(30);
    expect(doc.sizeTrend.growthMbPerYear).toBeGreaterThan(240);
    expect(doc.sizeTrend.growthMbPerYear).toBeLessThan(260);
  });

  it("a NEEDS_ACTION check becomes an action item at the end of the plan, linked both ways", async () => {
    const a = await w.agreement();
    const plan = await w.tailoredTo(a.id, day(5));
    const v = await book(a.id);
    await recordAll(v.id);
    expect(
      codeOf(
        await createActionItemFromCheck(
          w.db,
          w.technician,
          { visitId: v.id, kind: "DATABASE_REVIEW", owner: "VENDOR" },
          clock,
        ),
      ),
    ).toBe("RESULT_NOT_NEEDS_ACTION");
    const item = okOf(
      await createActionItemFromCheck(
        w.db,
        w.technician,
        { visitId: v.id, kind: "ROUTINES", owner: "CUSTOMER", estimateHours: 3 },
        clock,
      ),
    );
    expect(item).toMatchObject({ owner: "CUSTOMER", estimateHours: 3, position: 2, fromFindingArea: "ROUTINES" });
    expect(item.description).toContain("avflyttning");
    expect((await itemsOf(w.db, plan.id)).map((i) => i.id)).toContain(item.id);
    expect((await checksOf(w.db, v.id)).find((c) => c.kind === "ROUTINES")?.actionItemId).toBe(item.id);
    expect(await findActionItem(w.db, w.customerAdmin, item.id, clock)).not.toBeNull();
    const events = await w.db.select().from(tailoringEvents).where(eq(tailoringEvents.action, "itemAddedFromVisit"));
    expect(events.some((e) => e.details.actionItemId === item.id)).toBe(true);
    expect(
      codeOf(
        await createActionItemFromCheck(
          w.db,
          w.technician,
          { visitId: v.id, kind: "ROUTINES", owner: "CUSTOMER" },
          clock,
        ),
      ),
    ).toBe("ACTION_ITEM_EXISTS");
  });

  it("is signed on the tablet (a real PNG only) or acknowledged by the customer later", async () => {
    const v = await book((await w.agreement()).id);
    await recordAll(v.id);
    okOf(await completeServiceVisit(w.db, w.technician, { visitId: v.id }, clock));
    const fake = `data:image/png;base64,${Buffer.from("<svg>not a png</svg>").toString("base64")}`;
    expect(
      codeOf(
        await signVisitProtocol(
          w.db,
          w.technician,
          { visitId: v.id, signedByName: "Karin", imageDataUrl: fake },
          clock,
        ),
      ),
    ).toBe("INVALID_SIGNATURE");
    expect(
      codeOf(
        await signVisitProtocol(
          w.db,
          w.technician,
          { visitId: v.id, signedByName: "Karin", imageDataUrl: "data:image/png;base64," + "A".repeat(400_000) },
          clock,
        ),
      ),
    ).toBe("INVALID_SIGNATURE");
    const signed = okOf(
      await signVisitProtocol(
        w.db,
        w.technician,
        { visitId: v.id, signedByName: "Karin Åström", imageDataUrl: PNG },
        clock,
      ),
    );
    // Stored as Trygg encoded it anew from the pixels (visit-signature.test.ts), still a PNG data URL.
    expect(signed).toMatchObject({
      signedByName: "Karin Åström",
      signaturePng: expect.stringMatching(/^data:image\/png;base64,iVBORw0KGgo/),
    });
    expect(
      codeOf(
        await signVisitProtocol(w.db, w.technician, { visitId: v.id, signedByName: "Karin", imageDataUrl: PNG }, clock),
      ),
    ).toBe("ALREADY_SIGNED");
    const ack = okOf(await acknowledgeVisitProtocol(w.db, w.customerAdmin, { visitId: v.id }, clock));
    expect(ack.acknowledgedById).toBe(w.customerAdmin.userId);
    const doc = await protocolDocument(w.db, ack, (await s.findVisit(w.db, w.admin, v.id, clock))!.agreement);
    expect(doc.signature?.name).toBe("Karin Åström");
    expect(doc.acknowledgement?.name).toBe("Karin Åström");
  });
});
