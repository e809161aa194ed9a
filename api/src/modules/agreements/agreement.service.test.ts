import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { agreementPeriods } from "../../db/schema/index.js";
import { codeOf, freshDatabase, okOf, viewerAs } from "../../test-support.js";
import * as releases from "../releases/release.service.js";
import * as addOns from "./add-ons.js";
import { agreementWorld, clock, day, today, type AgreementWorld } from "./agreement.fixture.js";
import * as s from "./agreement.service.js";
import * as hantera from "./hantera-quota.js";
import { loadLapsePreview } from "./lapse-preview.js";
import * as licences from "./licence-rentals.js";

/*
 * An agreement's life: made, activated, renewed, terminated, listed, and what lapses with it. Its parts
 * have files of their own: hantera-accounts.test.ts, licence-rentals.service.test.ts, add-ons.test.ts.
 */

let database: Database;
let admin: AgreementWorld["admin"];
let customerId: AgreementWorld["customerId"];
let otherCustomerId: AgreementWorld["otherCustomerId"];
let propertyId: AgreementWorld["propertyId"];
let otherPropertyId: AgreementWorld["otherPropertyId"];
let agreement: AgreementWorld["agreement"];
let parts: AgreementWorld["parts"];

beforeAll(async () => {
  database = await freshDatabase();
  ({ admin, customerId, otherCustomerId, propertyId, otherPropertyId, agreement, parts } =
    await agreementWorld(database));
});
afterAll(() => database.close());

describe("creating and activating", () => {
  it("numbers agreements TA-<year>-NNNN in sequence and starts them as drafts", async () => {
    const a = await agreement({ activate: false });
    const b = await agreement({ activate: false });
    expect(a.number).toMatch(/^TA-2027-\d{4}$/);
    expect(Number(b.number.slice(-4))).toBe(Number(a.number.slice(-4)) + 1);
    expect(a.status).toBe("DRAFT");
  });

  it("refuses reversed dates, no properties, and another customer's property, writing nothing", async () => {
    const base = { customerId, tier: "BRF" as const, propertyIds: [propertyId], startsOn: day(0), endsOn: day(100) };
    expect(codeOf(await s.createAgreement(database.db, admin, { ...base, endsOn: day(-1) }, clock))).toBe(
      "INVALID_DATE_RANGE",
    );
    expect(codeOf(await s.createAgreement(database.db, admin, { ...base, propertyIds: [] }, clock))).toBe(
      "NO_PROPERTIES",
    );
    expect(
      codeOf(await s.createAgreement(database.db, admin, { ...base, propertyIds: [otherPropertyId] }, clock)),
    ).toBe("PROPERTY_NOT_OF_CUSTOMER");
  });

  it("activates a draft once; activating again answers AGREEMENT_NOT_DRAFT", async () => {
    const a = await agreement();
    expect(a.status).toBe("ACTIVE");
    expect(codeOf(await s.activateAgreement(database.db, admin, { agreementId: a.id }, clock))).toBe(
      "AGREEMENT_NOT_DRAFT",
    );
  });

  it("answers STALE_VERSION when the caller's version is behind", async () => {
    const a = await agreement();
    const r = await s.renewAgreement(
      database.db,
      admin,
      { agreementId: a.id, endsOn: day(600), carryOverRentals: false, expectedVersion: a.version - 1 },
      clock,
    );
    expect(codeOf(r)).toBe("STALE_VERSION");
  });

  it("is only for sellers and admins", async () => {
    await expect(
      s.createAgreement(
        database.db,
        viewerAs(admin, { role: "CUSTOMER_ADMIN", organisationKind: "CUSTOMER", organisationId: customerId }),
        { customerId, tier: "BRF", propertyIds: [propertyId], startsOn: day(0), endsOn: day(1) },
        clock,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("renewal", () => {
  it("is backed by the database: no two periods of one agreement start on the same day", async () => {
    const a = await agreement({ endsOn: day(30) });
    await expect(
      database.db
        .insert(agreementPeriods)
        .values({ agreementId: a.id, sequence: 2, startsOn: a.startsOn, endsOn: day(400) }),
    ).rejects.toThrow();
  });

  it("adds a period from the day after the current end and keeps the earlier one as history", async () => {
    const a = await agreement({ startsOn: day(-300), endsOn: day(30) });
    expect(a.status).toBe("EXPIRING");
    const renewed = okOf(
      await s.renewAgreement(
        database.db,
        admin,
        { agreementId: a.id, endsOn: day(395), carryOverRentals: false, expectedVersion: a.version },
        clock,
      ),
    );
    expect(renewed.status).toBe("ACTIVE");
    expect(renewed.version).toBe(a.version + 1);
    const periods = await parts().periods.load(a.id);
    expect(periods.map((p) => [p.sequence, p.startsOn, p.endsOn])).toEqual([
      [1, day(-300), day(30)],
      [2, day(31), day(395)],
    ]);
  });

  it("refuses a new end before the new start with INVALID_DATE_RANGE", async () => {
    const a = await agreement({ endsOn: day(30) });
    expect(
      codeOf(
        await s.renewAgreement(
          database.db,
          admin,
          { agreementId: a.id, endsOn: day(30), carryOverRentals: false },
          clock,
        ),
      ),
    ).toBe("INVALID_DATE_RANGE");
    expect(await parts().periods.load(a.id)).toHaveLength(1);
  });

  it("carries rentals running to the end into the new period only when asked", async () => {
    const a = await agreement({ endsOn: day(30) });
    okOf(
      await licences.rentLicence(
        database.db,
        admin,
        { agreementId: a.id, kind: "BOOKING", quantity: 10, startsOn: day(0), endsOn: day(30) },
        clock,
      ),
    );
    okOf(
      await s.renewAgreement(
        database.db,
        admin,
        { agreementId: a.id, endsOn: day(395), carryOverRentals: true },
        clock,
      ),
    );
    const rentals = await licences.newestRentalsFirst(await parts().licenceRentals.load(a.id));
    expect(rentals.map((r) => [r.startsOn, r.endsOn, !!r.carriedFromId])).toEqual([
      [day(31), day(395), true],
      [day(0), day(30), false],
    ]);
    const b = await agreement({ endsOn: day(30) });
    okOf(
      await licences.rentLicence(
        database.db,
        admin,
        { agreementId: b.id, kind: "BOOKING", quantity: 10, startsOn: day(0), endsOn: day(30) },
        clock,
      ),
    );
    okOf(
      await s.renewAgreement(
        database.db,
        admin,
        { agreementId: b.id, endsOn: day(395), carryOverRentals: false },
        clock,
      ),
    );
    expect(await licences.newestRentalsFirst(await parts().licenceRentals.load(b.id))).toHaveLength(1);
  });
});

describe("termination", () => {
  it("must fall inside the current period, and makes the agreement TERMINATED after the date", async () => {
    const a = await agreement();
    expect(
      codeOf(
        await s.terminateAgreement(
          database.db,
          admin,
          { agreementId: a.id, terminatesOn: day(300), reason: "x" },
          clock,
        ),
      ),
    ).toBe("OUTSIDE_AGREEMENT_PERIOD");
    okOf(
      await s.terminateAgreement(
        database.db,
        admin,
        { agreementId: a.id, terminatesOn: day(5), reason: "Moved to another supplier" },
        clock,
      ),
    );
    expect((await s.findAgreement(database.db, admin, a.id, { today: day(6), windowDays: 60 }))!.status).toBe(
      "TERMINATED",
    );
  });
});

describe("listing and the lapse preview", () => {
  it("filters on derived status in SQL exactly as the record's status is derived, on any day", async () => {
    for (const when of [day(-50), today, day(5), day(150), day(400)]) {
      const c = { today: when, windowDays: 60 };
      const all = await s.listAgreements(database.db, admin, {}, { first: 100 }, c);
      for (const status of ["DRAFT", "ACTIVE", "EXPIRING", "EXPIRED", "TERMINATED"] as const) {
        const filtered = await s.listAgreements(database.db, admin, { status: [status] }, { first: 100 }, c);
        const expected = all.edges
          .filter((e) => e.node.status === status)
          .map((e) => e.node.id)
          .sort();
        expect(filtered.edges.map((e) => e.node.id).sort(), `${status} on ${when}`).toEqual(expected);
      }
    }
  });

  it("sorts and filters a terminated agreement by the day it actually ended, not its original end", async () => {
    const mine = { customerId: otherCustomerId, propertyIds: [otherPropertyId] };
    const terminated = await agreement({ ...mine, endsOn: day(200) });
    const later = await agreement({ ...mine, endsOn: day(100) });
    okOf(
      await s.terminateAgreement(
        database.db,
        admin,
        { agreementId: terminated.id, terminatesOn: day(5), reason: "Sold" },
        clock,
      ),
    );
    const list = await s.listAgreements(database.db, admin, { customerId: otherCustomerId }, { first: 100 }, clock);
    expect(list.edges.map((e) => e.node.id)).toEqual([terminated.id, later.id]);
    const endingSoon = await s.listAgreements(
      database.db,
      admin,
      { customerId: otherCustomerId, endingBefore: day(50) },
      { first: 100 },
      clock,
    );
    expect(endingSoon.edges.map((e) => e.node.id)).toEqual([terminated.id]);
  });

  it("lists item by item what lapses", async () => {
    const a = await agreement({ tier: "PLUS_500" });
    okOf(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "A", email: "lapse@x.example" },
        clock,
      ),
    );
    okOf(
      await licences.rentLicence(
        database.db,
        admin,
        { agreementId: a.id, kind: "BOOKING", quantity: 12, startsOn: day(0), endsOn: day(200) },
        clock,
      ),
    );
    okOf(
      await addOns.orderAddOn(
        database.db,
        admin,
        { agreementId: a.id, kind: "HOSTING", hostedServices: ["BOKNING"] },
        clock,
      ),
    );
    const items = await loadLapsePreview(parts(), a, today);
    expect(items.map((i) => [i.benefit, i.quantity])).toEqual([
      ["ANNUAL_VISIT", null],
      ["HANTERA_ACCOUNTS", 1],
      ["LICENCE_RENTAL", 12],
      ["HOSTING", null],
      ["LATEST_VERSIONS", null],
    ]);
  });
});

describe("latest versions", () => {
  it("flags a property whose installed version is behind the latest release", async () => {
    okOf(
      await releases.publishProductRelease(database.db, admin, {
        product: "MULTI_ACCESS",
        version: "5.9.0",
        releasedOn: day(-100),
      }),
    );
    okOf(
      await releases.publishProductRelease(database.db, admin, {
        product: "MULTI_ACCESS",
        version: "5.10.1",
        releasedOn: day(-10),
      }),
    );
    expect(
      codeOf(
        await releases.publishProductRelease(database.db, admin, {
          product: "MULTI_ACCESS",
          version: "5.10.1",
          releasedOn: day(-10),
        }),
      ),
    ).toBe("RELEASE_EXISTS");
    const v = okOf(
      await releases.setInstalledVersion(database.db, admin, { propertyId, product: "MULTI_ACCESS", version: "5.9.0" }),
    );
    expect(v).toMatchObject({ version: "5.9.0", latestVersion: "5.10.1", outdated: true });
    const updated = okOf(
      await releases.setInstalledVersion(database.db, admin, {
        propertyId,
        product: "MULTI_ACCESS",
        version: "5.10.1",
      }),
    );
    expect(updated.outdated).toBe(false);
  });
});
