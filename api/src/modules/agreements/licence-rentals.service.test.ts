import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { auditEvents, tiers } from "../../db/schema/index.js";
import { codeOf, freshDatabase, okOf, viewerAs } from "../../test-support.js";
import { agreementWorld, clock, day, refusal, today, type AgreementWorld } from "./agreement.fixture.js";
import * as s from "./agreement.service.js";
import * as licences from "./licence-rentals.js";
import { yearlyValueMinor } from "./yearly-value.js";
import { baseFeeOn } from "../pricing/index.js";

// Licence rentals rented and ended on an agreement, over a database; the rule's arithmetic alone is
// licence-rentals.test.ts.

let database: Database;
let admin: AgreementWorld["admin"];
let customerId: AgreementWorld["customerId"];
let otherCustomerId: AgreementWorld["otherCustomerId"];
let agreement: AgreementWorld["agreement"];
let parts: AgreementWorld["parts"];

beforeAll(async () => {
  database = await freshDatabase();
  ({ admin, customerId, otherCustomerId, agreement, parts } = await agreementWorld(database));
});
afterAll(() => database.close());

describe("licence rentals", () => {
  it("must lie inside an agreement period", async () => {
    const a = await agreement({ startsOn: day(-100), endsOn: day(200) });
    const base = { agreementId: a.id, kind: "CONSUMPTION" as const, quantity: 5 };
    expect(
      codeOf(await licences.rentLicence(database.db, admin, { ...base, startsOn: day(100), endsOn: day(250) }, clock)),
    ).toBe("OUTSIDE_AGREEMENT_PERIOD");
    expect(
      codeOf(await licences.rentLicence(database.db, admin, { ...base, startsOn: day(-150), endsOn: day(0) }, clock)),
    ).toBe("OUTSIDE_AGREEMENT_PERIOD");
    expect(
      codeOf(await licences.rentLicence(database.db, admin, { ...base, startsOn: day(10), endsOn: day(5) }, clock)),
    ).toBe("INVALID_DATE_RANGE");
    expect(await licences.newestRentalsFirst(await parts().licenceRentals.load(a.id))).toHaveLength(0);
    okOf(await licences.rentLicence(database.db, admin, { ...base, startsOn: day(0), endsOn: day(200) }, clock));
  });

  it("are refused when the agreement's yearly value would be over what a Money can carry, and nothing is written", async () => {
    // Two rentals of 10,000 Hantera licences made the agreement's yearlyValue unreadable (INTERNAL_SERVER_ERROR).
    const a = await agreement({ startsOn: day(-10), endsOn: day(200) });
    const order = { agreementId: a.id, kind: "HANTERA" as const, quantity: 10_000, startsOn: day(0), endsOn: day(100) };
    okOf(await licences.rentLicence(database.db, admin, order, clock));
    const r = await licences.rentLicence(database.db, admin, { ...order, startsOn: day(50) }, clock);
    expect(r).toMatchObject({ errors: [{ code: "INVALID_INPUT", field: ["input", "quantity"] }] });
    expect(await parts().licenceRentals.load(a.id)).toHaveLength(1);
    const rentals = await parts().licenceRentals.load(a.id);
    expect(12 * licences.monthlyCostMinor(rentals, day(60))).toBeLessThanOrEqual(2 ** 31 - 1);
  });

  it("count the tier's base fee towards that limit, as the agreement's yearlyValue does (decision 0101)", async () => {
    const a = await agreement({ startsOn: day(-10), endsOn: day(200) });
    const fee = (await baseFeeOn(database.db, a.tier, today))?.monthlyPriceMinor ?? 0;
    expect(fee).toBeGreaterThan(0);
    // The most a month the rentals may cost beside the base fee: a year of both still fits in a Money.
    const room = Math.floor((2 ** 31 - 1) / 12) - fee;
    const rent = (agreedPriceMinor: number) =>
      licences.rentLicence(
        database.db,
        admin,
        {
          agreementId: a.id,
          kind: "CONSUMPTION",
          quantity: 1,
          startsOn: day(0),
          endsOn: day(100),
          price: { agreedPriceMinor, currency: "SEK", priceReason: "Gränsfall", field: ["input", "agreedPrice"] },
        },
        clock,
      );
    expect(await rent(room + 1)).toMatchObject({ errors: [{ code: "INVALID_INPUT", field: ["input", "quantity"] }] });
    okOf(await rent(room));
    const rentals = await parts().licenceRentals.load(a.id);
    expect(yearlyValueMinor(a, rentals, fee, day(50))).toBeLessThanOrEqual(2 ** 31 - 1);
  });

  it("are refused on a draft or expired agreement, saying which it is", async () => {
    const draft = await agreement({ activate: false });
    const r = await licences.rentLicence(
      database.db,
      admin,
      { agreementId: draft.id, kind: "BOOKING", quantity: 1, startsOn: day(0), endsOn: day(1) },
      clock,
    );
    expect(r).toEqual(
      refusal(
        "AGREEMENT_NOT_ACTIVE",
        `Agreement ${draft.number} is draft; licences are rented during a valid agreement.`,
      ),
    );
  });

  it("are refused for no licences, an unknown agreement, or a tier without rentals, each saying why", async () => {
    const a = await agreement();
    const base = { agreementId: a.id, kind: "BOOKING" as const, quantity: 1, startsOn: day(0), endsOn: day(10) };
    expect(await licences.rentLicence(database.db, admin, { ...base, quantity: 0 }, clock)).toEqual(
      refusal("INVALID_INPUT", "Rent at least one licence.", ["input", "quantity"]),
    );
    expect(
      await licences.rentLicence(database.db, admin, { ...base, startsOn: day(10), endsOn: day(9) }, clock),
    ).toEqual(refusal("INVALID_DATE_RANGE", "The rental must end on or after its start.", ["input", "endsOn"]));
    expect(
      codeOf(
        await licences.rentLicence(
          database.db,
          admin,
          { ...base, agreementId: "00000000-0000-4000-8000-000000000000" },
          clock,
        ),
      ),
    ).toBe("NOT_FOUND");
    await database.db.update(tiers).set({ licenceRentals: false }).where(eq(tiers.code, "BRF"));
    try {
      expect(await licences.rentLicence(database.db, admin, base, clock)).toEqual(
        refusal("LICENCE_RENTALS_NOT_IN_TIER", "The BRF tier does not include licence rentals."),
      );
    } finally {
      await database.db.update(tiers).set({ licenceRentals: true }).where(eq(tiers.code, "BRF"));
    }
    await expect(
      licences.rentLicence(
        database.db,
        viewerAs(admin, { role: "CUSTOMER_MEMBER", organisationKind: "CUSTOMER", organisationId: customerId }),
        base,
        clock,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await licences.newestRentalsFirst(await parts().licenceRentals.load(a.id))).toEqual([]);
  });

  it("lie inside one period, a later one too, and end by the termination date; each rental bumps the agreement's version", async () => {
    const renewed = await agreement({ startsOn: day(-100), endsOn: day(30) });
    okOf(
      await s.renewAgreement(
        database.db,
        admin,
        { agreementId: renewed.id, endsOn: day(400), carryOverRentals: false },
        clock,
      ),
    );
    const base = { agreementId: renewed.id, kind: "BOOKING" as const, quantity: 2 };
    expect(
      codeOf(await licences.rentLicence(database.db, admin, { ...base, startsOn: day(20), endsOn: day(40) }, clock)),
    ).toBe("OUTSIDE_AGREEMENT_PERIOD");
    const before = (await s.findAgreement(database.db, admin, renewed.id, clock))!.version;
    expect(
      okOf(await licences.rentLicence(database.db, admin, { ...base, startsOn: day(31), endsOn: day(40) }, clock)),
    ).toMatchObject({
      agreementId: renewed.id,
      kind: "BOOKING",
      quantity: 2,
      startsOn: day(31),
      endsOn: day(40),
      endedOn: null,
    });
    expect((await s.findAgreement(database.db, admin, renewed.id, clock))!.version).toBe(before + 1);

    const cut = await agreement({ startsOn: day(-100), endsOn: day(200) });
    okOf(
      await s.terminateAgreement(
        database.db,
        admin,
        { agreementId: cut.id, terminatesOn: day(100), reason: "Sold" },
        clock,
      ),
    );
    expect(
      await licences.rentLicence(
        database.db,
        admin,
        { ...base, agreementId: cut.id, startsOn: day(0), endsOn: day(101) },
        clock,
      ),
    ).toMatchObject({
      errors: [
        {
          code: "OUTSIDE_AGREEMENT_PERIOD",
          message: `A rental must lie inside one agreement period (the current one is ${day(-100)} – ${day(100)}).`,
          field: ["input", "startsOn"],
        },
      ],
    });
    okOf(
      await licences.rentLicence(
        database.db,
        admin,
        { ...base, agreementId: cut.id, startsOn: day(0), endsOn: day(100) },
        clock,
      ),
    );
  });

  it("end early on the day asked or today, inside the rental, once, and are recorded; a refusal says why", async () => {
    const a = await agreement();
    const rent = async (startsOn: string, endsOn: string) =>
      okOf(
        await licences.rentLicence(
          database.db,
          admin,
          { agreementId: a.id, kind: "CONSUMPTION", quantity: 3, startsOn, endsOn },
          clock,
        ),
      );
    const first = await rent(day(-10), day(100));
    expect(
      await licences.endLicenceRental(database.db, admin, { licenceRentalId: first.id, endsOn: day(101) }, clock),
    ).toEqual(
      refusal("INVALID_DATE_RANGE", `The rental can end between ${day(-10)} and ${day(100)}.`, ["input", "endsOn"]),
    );
    expect(
      codeOf(
        await licences.endLicenceRental(database.db, admin, { licenceRentalId: first.id, endsOn: day(-11) }, clock),
      ),
    ).toBe("INVALID_DATE_RANGE");
    expect(
      okOf(await licences.endLicenceRental(database.db, admin, { licenceRentalId: first.id, endsOn: day(100) }, clock))
        .endedOn,
    ).toBe(day(100));
    expect(await licences.endLicenceRental(database.db, admin, { licenceRentalId: first.id }, clock)).toEqual(
      refusal("ALREADY_ENDED", "The rental has already ended.", ["input", "licenceRentalId"]),
    );
    const second = await rent(day(-10), day(100));
    expect(
      okOf(await licences.endLicenceRental(database.db, admin, { licenceRentalId: second.id }, clock)).endedOn,
    ).toBe(today);
    const third = await rent(day(-10), day(-10));
    expect(
      okOf(
        await licences.endLicenceRental(
          database.db,
          admin,
          { licenceRentalId: third.id, endsOn: day(-10) },
          { ...clock, today: day(-10) },
        ),
      ).endedOn,
    ).toBe(day(-10));
    const over = await rent(day(-10), day(-1));
    expect(codeOf(await licences.endLicenceRental(database.db, admin, { licenceRentalId: over.id }, clock))).toBe(
      "ALREADY_ENDED",
    );
    expect(
      await licences.endLicenceRental(
        database.db,
        admin,
        { licenceRentalId: "00000000-0000-4000-8000-000000000000" },
        clock,
      ),
    ).toEqual(refusal("NOT_FOUND", "No such licence rental.", ["input", "licenceRentalId"]));
    await expect(
      licences.endLicenceRental(
        database.db,
        viewerAs(admin, { role: "CUSTOMER_MEMBER", organisationKind: "CUSTOMER", organisationId: customerId }),
        { licenceRentalId: over.id },
        clock,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.objectId, first.id))
      .orderBy(auditEvents.occurredAt);
    expect(audit.map((e) => [e.action, e.objectType, e.organisationId, e.details])).toEqual([
      [
        "licenceRental.create",
        "LicenceRental",
        customerId,
        {
          agreementId: a.id,
          kind: "CONSUMPTION",
          quantity: 3,
          startsOn: day(-10),
          endsOn: day(100),
          monthlyPriceMinor: 1_200,
          listPriceMinor: 1_200,
          priceReason: null,
          currency: "SEK",
        },
      ],
      ["licenceRental.end", "LicenceRental", customerId, { agreementId: a.id, endedOn: day(100) }],
    ]);
  });

  it("of another customer answer as missing, and nothing changes", async () => {
    const a = await agreement();
    const order = { agreementId: a.id, kind: "BOOKING" as const, quantity: 4, startsOn: day(0), endsOn: day(50) };
    const theirs = okOf(await licences.rentLicence(database.db, admin, order, clock));
    const stranger = viewerAs(admin, {
      role: "CUSTOMER_ADMIN",
      organisationKind: "CUSTOMER",
      organisationId: otherCustomerId,
    });
    const version = (await s.findAgreement(database.db, admin, a.id, clock))!.version;
    expect(await licences.endLicenceRental(database.db, stranger, { licenceRentalId: theirs.id }, clock)).toEqual(
      refusal("NOT_FOUND", "No such licence rental.", ["input", "licenceRentalId"]),
    );
    expect(await licences.rentLicence(database.db, stranger, order, clock)).toEqual(
      refusal("NOT_FOUND", "No such agreement.", ["input", "agreementId"]),
    );
    expect((await licences.newestRentalsFirst(await parts().licenceRentals.load(a.id))).map((r) => r.endedOn)).toEqual([
      null,
    ]);
    expect((await s.findAgreement(database.db, admin, a.id, clock))!.version).toBe(version);
  });

  it("ended early bump the agreement's version, as renting one does", async () => {
    const a = await agreement();
    const rented = okOf(
      await licences.rentLicence(
        database.db,
        admin,
        { agreementId: a.id, kind: "BOOKING", quantity: 1, startsOn: day(0), endsOn: day(50) },
        clock,
      ),
    );
    const before = (await s.findAgreement(database.db, admin, a.id, clock))!.version;
    okOf(await licences.endLicenceRental(database.db, admin, { licenceRentalId: rented.id }, clock));
    expect((await s.findAgreement(database.db, admin, a.id, clock))!.version).toBe(before + 1);
  });

  it("at a price of their own are refused as the price rules say, before anything else is looked at, and nothing is rented", async () => {
    const a = await agreement();
    const order = { agreementId: a.id, kind: "BOOKING" as const, quantity: 2, startsOn: day(0), endsOn: day(50) };
    const asked = { field: ["input", "agreedPrice"], agreedPriceMinor: 500 };
    const member = viewerAs(admin, {
      role: "CUSTOMER_ADMIN",
      organisationKind: "CUSTOMER",
      organisationId: customerId,
    });
    // A customer may not ask for a price, and hears that first even of an order that ends before it starts.
    expect(
      codeOf(await licences.rentLicence(database.db, member, { ...order, endsOn: day(-1), price: asked }, clock)),
    ).toBe("PRICE_NOT_ALLOWED");
    // Vendor staff may, saying why.
    expect(await licences.rentLicence(database.db, admin, { ...order, price: asked }, clock)).toEqual(
      refusal("PRICE_REASON_REQUIRED", "The list price is 6000 öre a month; say why another price was agreed.", [
        "input",
        "priceReason",
      ]),
    );
    expect(await licences.newestRentalsFirst(await parts().licenceRentals.load(a.id))).toEqual([]);
  });

  it("in a tier without rentals are refused with the tier's name as the customer knows it, not its code", async () => {
    const a = await agreement({ tier: "PLUS_500" });
    const order = { agreementId: a.id, kind: "BOOKING" as const, quantity: 1, startsOn: day(0), endsOn: day(10) };
    await database.db.update(tiers).set({ licenceRentals: false }).where(eq(tiers.code, "PLUS_500"));
    try {
      expect(await licences.rentLicence(database.db, admin, order, clock)).toEqual(
        refusal("LICENCE_RENTALS_NOT_IN_TIER", "The 500+ tier does not include licence rentals."),
      );
    } finally {
      await database.db.update(tiers).set({ licenceRentals: true }).where(eq(tiers.code, "PLUS_500"));
    }
  });
});
