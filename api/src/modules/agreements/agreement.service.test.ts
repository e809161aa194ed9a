import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { agreementPeriods, auditEvents, tiers } from "../../db/schema/index.js";
import { addDaysIso } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { adminViewer, codeOf, freshDatabase, okOf, viewerAs } from "../../test-support.js";
import * as parties from "../parties/party.service.js";
import * as releases from "../releases/release.service.js";
import * as addOns from "./add-ons.js";
import { createAgreementLoaders } from "./agreement.loaders.js";
import * as s from "./agreement.service.js";
import * as hantera from "./hantera-quota.js";
import { loadLapsePreview } from "./lapse-preview.js";
import * as licences from "./licence-rentals.js";

/** The parts of an agreement as a request reads them: through fresh loaders, so nothing is cached. */
const parts = () => createAgreementLoaders(database.db);

let database: Database;
let admin: Viewer;
let customerId: string;
let otherCustomerId: string;
let propertyId: string;
let otherPropertyId: string;

const today = "2027-03-01";
const clock = { today, windowDays: 60 };
const day = (n: number) => addDaysIso(today, n);
/** A refusal as the API answers it: its code, its words and the field to correct. */
const refusal = (code: string, message: string, field: string[] | null = null) => ({
  errors: [{ code, message, field }],
});

async function agreement(opts: Partial<s.CreateAgreementInput> & { activate?: boolean } = {}) {
  const { activate = true, ...input } = opts;
  const a = okOf(
    await s.createAgreement(
      database.db,
      admin,
      { customerId, tier: "BRF", propertyIds: [propertyId], startsOn: day(-100), endsOn: day(200), ...input },
      clock,
    ),
  );
  return activate ? okOf(await s.activateAgreement(database.db, admin, { agreementId: a.id }, clock)) : a;
}

beforeAll(async () => {
  database = await freshDatabase();
  admin = await adminViewer(database);
  customerId = okOf(
    await parties.createOrganisation(database.db, admin, {
      kind: "CUSTOMER",
      name: "Brf Ett",
      organisationNumber: "769612-3459",
    }),
  ).id;
  otherCustomerId = okOf(
    await parties.createOrganisation(database.db, admin, {
      kind: "CUSTOMER",
      name: "Brf Två",
      organisationNumber: "769623-4561",
    }),
  ).id;
  propertyId = okOf(
    await parties.createProperty(database.db, admin, {
      customerId,
      name: "Ett",
      streetAddress: "Gatan 1",
      postalCode: "41101",
      city: "Gbg",
      apartments: 20,
    }),
  ).id;
  otherPropertyId = okOf(
    await parties.createProperty(database.db, admin, {
      customerId: otherCustomerId,
      name: "Två",
      streetAddress: "Gatan 2",
      postalCode: "41101",
      city: "Gbg",
      apartments: 20,
    }),
  ).id;
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

describe("Hantera accounts", () => {
  it("are capped by the tier's included accounts, read from the tiers table", async () => {
    const a = await agreement();
    for (let i = 0; i < 5; i++)
      okOf(
        await hantera.createHanteraAccount(
          database.db,
          admin,
          { agreementId: a.id, name: `P${i}`, email: `p${i}@brf.example` },
          clock,
        ),
      );
    const refused = await hantera.createHanteraAccount(
      database.db,
      admin,
      { agreementId: a.id, name: "Sjätte", email: "p6@brf.example" },
      clock,
    );
    expect(refused).toMatchObject({ errors: [{ code: "HANTERA_QUOTA_REACHED" }] });
    expect((await hantera.hanteraQuota(database.db, a, today)).used).toBe(5);

    // The rule is data: change the row and the quota follows, no code involved.
    await database.db.update(tiers).set({ includedHanteraAccounts: 6 }).where(eq(tiers.code, "BRF"));
    okOf(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "Sjätte", email: "p6@brf.example" },
        clock,
      ),
    );
    await database.db.update(tiers).set({ includedHanteraAccounts: 5 }).where(eq(tiers.code, "BRF"));
  });

  it("grow with rented Hantera licences, and a deactivated account frees its place", async () => {
    const a = await agreement();
    okOf(
      await licences.rentLicence(
        database.db,
        admin,
        { agreementId: a.id, kind: "HANTERA", quantity: 2, startsOn: day(0), endsOn: day(100) },
        clock,
      ),
    );
    expect((await hantera.hanteraQuota(database.db, a, today)).quota).toBe(7);
    const made = [];
    for (let i = 0; i < 7; i++)
      made.push(
        okOf(
          await hantera.createHanteraAccount(
            database.db,
            admin,
            { agreementId: a.id, name: `P${i}`, email: `q${i}@brf.example` },
            clock,
          ),
        ),
      );
    expect(
      codeOf(
        await hantera.createHanteraAccount(
          database.db,
          admin,
          { agreementId: a.id, name: "X", email: "x@brf.example" },
          clock,
        ),
      ),
    ).toBe("HANTERA_QUOTA_REACHED");
    okOf(await hantera.deactivateHanteraAccount(database.db, admin, { hanteraAccountId: made[0]!.id }, clock));
    okOf(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "X", email: "x@brf.example" },
        clock,
      ),
    );
    expect(
      codeOf(
        await hantera.createHanteraAccount(
          database.db,
          admin,
          { agreementId: a.id, name: "X", email: "X@brf.example" },
          clock,
        ),
      ),
    ).toBe("HANTERA_QUOTA_REACHED");
  });

  it("refuses a second active account for the same e-mail, saying so beside the e-mail field", async () => {
    const a = await agreement();
    okOf(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "A", email: "same@brf.example" },
        clock,
      ),
    );
    expect(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "A", email: "SAME@brf.example" },
        clock,
      ),
    ).toEqual(
      refusal("HANTERA_ACCOUNT_EXISTS", "same@brf.example already has an active Hantera account on this agreement.", [
        "input",
        "email",
      ]),
    );
  });

  it("says how full the quota is when it refuses", async () => {
    const a = await agreement();
    okOf(
      await licences.rentLicence(
        database.db,
        admin,
        { agreementId: a.id, kind: "HANTERA", quantity: 1, startsOn: day(0), endsOn: day(10) },
        clock,
      ),
    );
    for (let i = 0; i < 6; i++)
      okOf(
        await hantera.createHanteraAccount(
          database.db,
          admin,
          { agreementId: a.id, name: `R${i}`, email: `r${i}@brf.example` },
          clock,
        ),
      );
    expect(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "R6", email: "r6@brf.example" },
        clock,
      ),
    ).toEqual({
      errors: [
        {
          code: "HANTERA_QUOTA_REACHED",
          message:
            "All 6 Hantera accounts of the agreement are in use (5 included in the tier, 1 rented). Deactivate one or rent more Hantera licences.",
          field: null,
        },
      ],
    });
  });

  it("keeps the holder's name trimmed and the e-mail trimmed in lower case, refuses an empty name, and records who did it", async () => {
    const a = await agreement();
    const made = okOf(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "  Anna Andersson ", email: " Anna@BRF.Example " },
        clock,
      ),
    );
    expect([made.name, made.email]).toEqual(["Anna Andersson", "anna@brf.example"]);
    expect(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "   ", email: "b@brf.example" },
        clock,
      ),
    ).toEqual(refusal("INVALID_INPUT", "Give the account holder's name.", ["input", "name"]));
    okOf(await hantera.deactivateHanteraAccount(database.db, admin, { hanteraAccountId: made.id }, clock));
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.objectId, made.id))
      .orderBy(auditEvents.occurredAt);
    expect(audit.map((e) => [e.action, e.objectType, e.organisationId, e.actorUserId, e.details])).toEqual([
      [
        "hanteraAccount.create",
        "HanteraAccount",
        customerId,
        admin.userId,
        { agreementId: a.id, name: "Anna Andersson", email: "anna@brf.example" },
      ],
      [
        "hanteraAccount.deactivate",
        "HanteraAccount",
        customerId,
        admin.userId,
        { agreementId: a.id, email: "anna@brf.example" },
      ],
    ]);
  });

  it("are made only on a valid agreement that exists, deactivated once, and only by those the agreement's benefits are for; each refusal says why", async () => {
    const draft = await agreement({ activate: false });
    expect(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: draft.id, name: "A", email: "draft@brf.example" },
        clock,
      ),
    ).toEqual(
      refusal("AGREEMENT_NOT_ACTIVE", `Agreement ${draft.number} is draft; Hantera accounts need a valid agreement.`),
    );
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: missing, name: "A", email: "a@brf.example" },
        clock,
      ),
    ).toMatchObject({ errors: [{ code: "NOT_FOUND", field: ["input", "agreementId"] }] });
    expect(await hantera.deactivateHanteraAccount(database.db, admin, { hanteraAccountId: missing }, clock)).toEqual(
      refusal("NOT_FOUND", "No such Hantera account.", ["input", "hanteraAccountId"]),
    );
    const a = await agreement();
    const made = okOf(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "A", email: "once@brf.example" },
        clock,
      ),
    );
    expect(
      okOf(await hantera.deactivateHanteraAccount(database.db, admin, { hanteraAccountId: made.id }, clock))
        .deactivatedAt,
    ).toBeInstanceOf(Date);
    expect(await hantera.deactivateHanteraAccount(database.db, admin, { hanteraAccountId: made.id }, clock)).toEqual(
      refusal("ALREADY_DEACTIVATED", "The account is already deactivated.", ["input", "hanteraAccountId"]),
    );
    const member = viewerAs(admin, {
      role: "CUSTOMER_MEMBER",
      organisationKind: "CUSTOMER",
      organisationId: customerId,
    });
    await expect(
      hantera.createHanteraAccount(
        database.db,
        member,
        { agreementId: a.id, name: "B", email: "member@brf.example" },
        clock,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      hantera.deactivateHanteraAccount(database.db, member, { hanteraAccountId: made.id }, clock),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("of another customer answer as missing, and nothing changes", async () => {
    const a = await agreement();
    const input = { agreementId: a.id, name: "A", email: "theirs@brf.example" };
    const made = okOf(await hantera.createHanteraAccount(database.db, admin, input, clock));
    const stranger = viewerAs(admin, {
      role: "CUSTOMER_ADMIN",
      organisationKind: "CUSTOMER",
      organisationId: otherCustomerId,
    });
    expect(await hantera.deactivateHanteraAccount(database.db, stranger, { hanteraAccountId: made.id }, clock)).toEqual(
      refusal("NOT_FOUND", "No such Hantera account.", ["input", "hanteraAccountId"]),
    );
    expect(await hantera.createHanteraAccount(database.db, stranger, input, clock)).toEqual(
      refusal("NOT_FOUND", "No such agreement.", ["input", "agreementId"]),
    );
    expect((await hantera.hanteraQuota(database.db, a, today)).used).toBe(1);
  });

  it("for a 500+ agreement the quota is 10", async () => {
    const a = await agreement({ tier: "PLUS_500" });
    expect((await hantera.hanteraQuota(database.db, a, today)).quota).toBe(10);
  });

  it("read through a request's loaders are the same parts as inside the transaction, each agreement with its own tier", async () => {
    const brf = await agreement();
    okOf(
      await licences.rentLicence(
        database.db,
        admin,
        { agreementId: brf.id, kind: "HANTERA", quantity: 2, startsOn: day(0), endsOn: day(100) },
        clock,
      ),
    );
    const made = [];
    for (const name of ["gone", "kept"])
      made.push(
        okOf(
          await hantera.createHanteraAccount(
            database.db,
            admin,
            { agreementId: brf.id, name, email: `${name}@brf.example` },
            clock,
          ),
        ),
      );
    okOf(await hantera.deactivateHanteraAccount(database.db, admin, { hanteraAccountId: made[0]!.id }, clock));
    const plus = await agreement({ tier: "PLUS_500" });
    const loaders = parts();
    for (const [a, expected] of [
      [brf, { quota: 7, included: 5, rented: 2, used: 1 }],
      [plus, { quota: 10, included: 10, rented: 0, used: 0 }],
    ] as const) {
      expect(await hantera.loadHanteraQuota(loaders, a, today)).toEqual(expected);
      expect(await hantera.hanteraQuota(database.db, a, today)).toEqual(expected);
    }
  });
});

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
        expect.objectContaining({
          agreementId: a.id,
          kind: "CONSUMPTION",
          quantity: 3,
          startsOn: day(-10),
          endsOn: day(100),
        }),
      ],
      ["licenceRental.end", "LicenceRental", customerId, { agreementId: a.id, endedOn: day(100) }],
    ]);
  });
});

describe("add-ons", () => {
  it("hosting needs a valid agreement: AGREEMENT_REQUIRED on a draft or an expired one", async () => {
    const draft = await agreement({ activate: false });
    expect(
      codeOf(
        await addOns.orderAddOn(
          database.db,
          admin,
          { agreementId: draft.id, kind: "HOSTING", hostedServices: ["BOKNING"] },
          clock,
        ),
      ),
    ).toBe("AGREEMENT_REQUIRED");
    const expired = await agreement({ startsOn: day(-400), endsOn: day(-1) });
    expect(expired.status).toBe("EXPIRED");
    expect(
      codeOf(
        await addOns.orderAddOn(
          database.db,
          admin,
          { agreementId: expired.id, kind: "HOSTING", hostedServices: ["BOKNING"] },
          clock,
        ),
      ),
    ).toBe("AGREEMENT_REQUIRED");
  });

  it("end with the agreement: terminated at once, and inactive once it has expired", async () => {
    const a = await agreement();
    const hosting = okOf(
      await addOns.orderAddOn(
        database.db,
        admin,
        { agreementId: a.id, kind: "HOSTING", hostedServices: ["BOKNING", "HANTERA"] },
        clock,
      ),
    );
    okOf(await addOns.orderAddOn(database.db, admin, { agreementId: a.id, kind: "MONITORING" }, clock));
    expect(codeOf(await addOns.orderAddOn(database.db, admin, { agreementId: a.id, kind: "MONITORING" }, clock))).toBe(
      "ADD_ON_ALREADY_ORDERED",
    );
    const later = { today: day(201), windowDays: 60 };
    const expired = (await s.findAgreement(database.db, admin, a.id, later))!;
    expect(expired.status).toBe("EXPIRED");
    expect(addOns.addOnIsActive(hosting, expired)).toBe(false);

    const b = await agreement();
    okOf(
      await addOns.orderAddOn(
        database.db,
        admin,
        { agreementId: b.id, kind: "HOSTING", hostedServices: ["FDB"] },
        clock,
      ),
    );
    okOf(
      await s.terminateAgreement(
        database.db,
        admin,
        { agreementId: b.id, terminatesOn: day(10), reason: "Sold" },
        clock,
      ),
    );
    const [ended] = await addOns.newestAddOnsFirst(await parts().addOns.load(b.id));
    expect(ended).toMatchObject({ endedOn: day(10), endReason: "AGREEMENT_TERMINATED" });
  });

  it("a renewal after expiry does not revive lapsed add-ons", async () => {
    const a = await agreement({ startsOn: day(-100), endsOn: day(10) });
    okOf(await addOns.orderAddOn(database.db, admin, { agreementId: a.id, kind: "MONITORING" }, clock));
    const later = { today: day(20), windowDays: 60 };
    okOf(
      await s.renewAgreement(
        database.db,
        admin,
        { agreementId: a.id, endsOn: day(400), carryOverRentals: false },
        later,
      ),
    );
    expect((await addOns.newestAddOnsFirst(await parts().addOns.load(a.id)))[0]).toMatchObject({
      endedOn: day(10),
      endReason: "AGREEMENT_EXPIRED",
    });
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
