import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { agreementPeriods, agreements, organisations } from "../../db/schema/index.js";
import { addDaysIso, type IsoDate } from "../../shared/dates.js";
import { freshDatabase } from "../../test-support.js";
import {
  AGREEMENT_STATUSES,
  agreementStatus,
  effectiveEnd,
  effectiveEndDateSql,
  firstStartSql,
  isRenewable,
  lastEndSql,
  isValid,
  statusSql,
  type StatusFacts,
} from "./agreement-status.js";

const active = { activatedAt: new Date("2026-01-01"), terminatedOn: null };

describe("agreement status is derived", () => {
  it("is DRAFT until activated", () => {
    expect(agreementStatus({ activatedAt: null, terminatedOn: null, endsOn: "2027-12-31" }, "2026-06-01")).toBe(
      "DRAFT",
    );
  });
  it("is ACTIVE before the window and EXPIRING inside it, to the last day", () => {
    expect(agreementStatus({ ...active, endsOn: "2026-12-31" }, "2026-11-01")).toBe("EXPIRING");
    expect(agreementStatus({ ...active, endsOn: "2026-12-31" }, "2026-10-31")).toBe("ACTIVE");
    expect(agreementStatus({ ...active, endsOn: "2026-12-31" }, "2026-12-31")).toBe("EXPIRING");
  });
  it("is EXPIRED the day after the end", () => {
    expect(agreementStatus({ ...active, endsOn: "2026-12-31" }, "2027-01-01")).toBe("EXPIRED");
  });
  it("honours a configured window", () => {
    expect(agreementStatus({ ...active, endsOn: "2026-12-31" }, "2026-11-01", 30)).toBe("ACTIVE");
  });
  it("is TERMINATED after the termination date, and expiring towards it", () => {
    expect(agreementStatus({ ...active, terminatedOn: "2026-06-30", endsOn: "2027-12-31" }, "2026-07-01")).toBe(
      "TERMINATED",
    );
    expect(agreementStatus({ ...active, terminatedOn: "2026-06-30", endsOn: "2027-12-31" }, "2026-06-15")).toBe(
      "EXPIRING",
    );
  });
  it("still gives its benefits on the termination day itself: TERMINATED only from the day after", () => {
    expect(agreementStatus({ ...active, terminatedOn: "2026-06-30", endsOn: "2027-12-31" }, "2026-06-30")).toBe(
      "EXPIRING",
    );
    expect(agreementStatus({ ...active, terminatedOn: "2026-06-30", endsOn: "2027-12-31" }, "2026-06-30", 0)).toBe(
      "EXPIRING",
    );
  });
  it("ends on the termination date when it comes before the period's end, else on the period's end", () => {
    expect(effectiveEnd({ terminatedOn: null, endsOn: "2026-12-31" })).toBe("2026-12-31");
    expect(effectiveEnd({ terminatedOn: "2026-06-30", endsOn: "2026-12-31" })).toBe("2026-06-30");
    expect(effectiveEnd({ terminatedOn: "2027-03-01", endsOn: "2026-12-31" })).toBe("2026-12-31");
  });
});

describe("what each status allows", () => {
  it("gives benefits only while ACTIVE or EXPIRING", () => {
    expect(AGREEMENT_STATUSES.filter(isValid)).toEqual(["ACTIVE", "EXPIRING"]);
  });
  it("renews an ACTIVE, EXPIRING or EXPIRED agreement, never a draft or a terminated one", () => {
    expect(AGREEMENT_STATUSES.filter(isRenewable)).toEqual(["ACTIVE", "EXPIRING", "EXPIRED"]);
  });
});

describe("statusSql, the status as lists filter on it", () => {
  let database: Database;
  /** Each stored agreement beside the facts agreementStatus() reads. */
  const stored = new Map<string, StatusFacts>();

  beforeAll(async () => {
    database = await freshDatabase();
    const [customer] = await database.db
      .insert(organisations)
      .values({ kind: "CUSTOMER", name: "Brf Rutnätet", organisationNumber: "769612-3459" })
      .returning();
    // Every combination of the facts the rule reads: drafts and activated agreements, one or two
    // periods, and no termination, one before, on or after a period's end, or after the last one.
    const periodSets: [IsoDate, IsoDate][][] = [
      [["2026-01-01", "2026-12-31"]],
      [
        ["2026-01-01", "2026-12-31"],
        ["2027-01-01", "2027-12-31"],
      ],
    ];
    let n = 0;
    for (const activatedAt of [null, new Date("2026-01-01T09:00:00Z")]) {
      for (const periods of periodSets) {
        for (const terminatedOn of [null, "2026-06-30", "2026-12-31", "2027-03-15", "2028-02-01"]) {
          const [row] = await database.db
            .insert(agreements)
            .values({
              number: `TA-2026-${String(++n).padStart(4, "0")}`,
              tier: "BRF",
              customerId: customer!.id,
              activatedAt,
              terminatedOn,
            })
            .returning();
          await database.db
            .insert(agreementPeriods)
            .values(
              periods.map(([startsOn, endsOn], i) => ({ agreementId: row!.id, sequence: i + 1, startsOn, endsOn })),
            );
          stored.set(row!.id, { activatedAt, terminatedOn, endsOn: periods.at(-1)![1] });
        }
      }
    }
  });
  afterAll(() => database?.close());

  it("reads an agreement's first start, last end and effective end from its periods and termination, as effectiveEnd() does", async () => {
    const rows = await database.db
      .select({ id: agreements.id, startsOn: firstStartSql, endsOn: lastEndSql, effective: effectiveEndDateSql })
      .from(agreements);
    expect(rows).toHaveLength(stored.size);
    for (const r of rows) {
      const facts = stored.get(r.id)!;
      expect(r).toEqual({ id: r.id, startsOn: "2026-01-01", endsOn: facts.endsOn, effective: effectiveEnd(facts) });
    }
  });

  it("agrees with agreementStatus() for every combination of facts on the days either side of each date the rule turns on", async () => {
    const factDates = ["2026-06-30", "2026-12-31", "2027-03-15", "2027-12-31", "2028-02-01"];
    const seen = new Set<string>();
    for (const windowDays of [0, 30, 60]) {
      // The day before, on and after each end or termination, and each day the window opens on.
      const days = new Set(["2026-04-01", "2026-09-15", "2027-06-15"]);
      for (const date of factDates)
        for (const d of [-1, 0, 1]) for (const w of [0, windowDays]) days.add(addDaysIso(date, d - w));
      for (const today of [...days].sort()) {
        const rows = await database.db
          .select({ id: agreements.id, status: statusSql({ today, windowDays }) })
          .from(agreements);
        const expected = rows.map((r) => ({ id: r.id, status: agreementStatus(stored.get(r.id)!, today, windowDays) }));
        expect(rows, `on ${today}, window ${windowDays}`).toEqual(expected);
        for (const r of rows) seen.add(r.status);
      }
    }
    // Every status turns up, or the grid would prove less than it seems to.
    expect([...seen].sort()).toEqual([...AGREEMENT_STATUSES].sort());
  });
});
