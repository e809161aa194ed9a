import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { codeOf, freshDatabase, okOf } from "../../test-support.js";
import { recordVisitChecks } from "./visit-checks-batch.js";
import { checksOf } from "./visit-checks.js";
import { at, clock, day, visitWorld } from "./visit.fixture.js";
import { findVisit, scheduleServiceVisit } from "./visit.service.js";

let database: Database;
let w: Awaited<ReturnType<typeof visitWorld>>;

beforeAll(async () => {
  database = await freshDatabase();
  w = await visitWorld(database);
});
afterAll(() => database.close());

async function visit() {
  const a = await w.agreement();
  const input = {
    agreementId: a.id,
    propertyId: w.propertyId,
    technicianId: w.technician.userId,
    scheduledAt: at(day(5)),
  };
  return okOf(await scheduleServiceVisit(w.db, w.seller, input, clock));
}

const five = [
  { kind: "DATABASE_REVIEW", result: "OK", note: "Inga fel." },
  { kind: "ROUTINES", result: "NEEDS_ACTION", note: "Rutin för avflyttning saknas." },
  { kind: "HARDWARE_AND_VERSIONS", result: "OK" },
  { kind: "BACKUP_ROUTINES", result: "OK" },
  { kind: "DATABASE_SIZE", result: "OK", databaseSizeMb: 1830 },
] as const;

describe("recordVisitChecks", () => {
  it("saves the five checks in one request and moves the visit's version once", async () => {
    const v = await visit();
    const r = okOf(
      await recordVisitChecks(
        w.db,
        w.technician,
        { visitId: v.id, checks: [...five], expectedVersion: v.version },
        clock,
      ),
    );
    expect(r.checks).toHaveLength(5);
    expect(r.visit.version).toBe(v.version + 1);
    expect((await checksOf(w.db, v.id)).map((c) => c.kind).sort()).toEqual(five.map((c) => c.kind).sort());
  });

  it("writes nothing when one check is refused, and names that check", async () => {
    const v = await visit();
    const bad = [...five.slice(0, 4), { kind: "DATABASE_SIZE", result: "OK" } as const];
    const r = await recordVisitChecks(w.db, w.technician, { visitId: v.id, checks: bad }, clock);
    expect(codeOf(r)).toBe("INVALID_INPUT");
    expect("errors" in r && r.errors[0]!.field).toEqual(["input", "checks", "4", "databaseSizeMb"]);
    // A refusal found only inside the transaction (a version that is not one, for a program not yet recorded there)
    // rolls back the checks written before it.
    const late = [
      ...five.slice(0, 2),
      {
        kind: "HARDWARE_AND_VERSIONS" as const,
        result: "OK" as const,
        installedVersions: [{ product: "MULTI_ACCESS" as const, version: "inte-en-version" }],
      },
    ];
    const r2 = await recordVisitChecks(w.db, w.technician, { visitId: v.id, checks: late }, clock);
    expect("errors" in r2 && r2.errors[0]!.field?.slice(0, 3)).toEqual(["input", "checks", "2"]);
    expect(await checksOf(w.db, v.id)).toEqual([]);
    expect((await findVisit(w.db, w.technician, v.id, clock))!.visit.version).toBe(v.version);
  });

  it("refuses a save from a stale page and a kind sent twice", async () => {
    const v = await visit();
    okOf(await recordVisitChecks(w.db, w.technician, { visitId: v.id, checks: [five[0]] }, clock));
    const stale = await recordVisitChecks(
      w.db,
      w.technician,
      { visitId: v.id, checks: [five[1]], expectedVersion: v.version },
      clock,
    );
    expect(codeOf(stale)).toBe("STALE_VERSION");
    expect(
      codeOf(await recordVisitChecks(w.db, w.technician, { visitId: v.id, checks: [five[0], five[0]] }, clock)),
    ).toBe("INVALID_INPUT");
  });
});
