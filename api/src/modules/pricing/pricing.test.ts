import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import {
  agreements as agreementsTable,
  auditEvents,
  emailOutbox,
  listPrices,
  properties,
  users,
} from "../../db/schema/index.js";
import { addDaysIso } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { adminViewer, codeOf, freshDatabase, okOf, viewerAs } from "../../test-support.js";
import * as addOns from "../agreements/add-ons.js";
import * as agreements from "../agreements/agreement.service.js";
import * as licences from "../agreements/licence-rentals.js";
import * as parties from "../parties/party.service.js";
import { listPriceHistory, listPriceOn } from "./list-price.js";
import { monthsCharged, quoteOrder } from "./order-quote.js";
import { setListPrice } from "./set-list-price.js";

let database: Database;
let admin: Viewer;
let seller: Viewer;
let customer: Viewer;
let agreementId: string;

const today = "2027-03-01";
const clock = { today, windowDays: 60 };
const day = (n: number) => addDaysIso(today, n);

beforeAll(async () => {
  database = await freshDatabase();
  admin = await adminViewer(database);
  const customerId = okOf(
    await parties.createOrganisation(database.db, admin, {
      kind: "CUSTOMER",
      name: "Brf Pris",
      organisationNumber: "769612-3459",
    }),
  ).id;
  const propertyId = okOf(
    await parties.createProperty(database.db, admin, {
      customerId,
      name: "Pris",
      streetAddress: "Gatan 1",
      postalCode: "41101",
      city: "Gbg",
      apartments: 20,
    }),
  ).id;
  const [sellerRow] = await database.db
    .insert(users)
    .values({
      organisationId: admin.organisationId,
      email: "saljaren@test.example",
      name: "Säljaren",
      role: "SELLER",
      passwordHash: "x",
    })
    .returning();
  seller = viewerAs(admin, { userId: sellerRow!.id, role: "SELLER", name: "Säljaren" });
  customer = viewerAs(admin, {
    userId: admin.userId,
    role: "CUSTOMER_ADMIN",
    organisationId: customerId,
    organisationKind: "CUSTOMER",
    name: "Kunden",
  });
  const a = okOf(
    await agreements.createAgreement(
      database.db,
      admin,
      {
        customerId,
        sellerId: seller.userId,
        tier: "PLUS_500",
        propertyIds: [propertyId],
        startsOn: day(-100),
        endsOn: day(265),
      },
      clock,
    ),
  );
  agreementId = okOf(await agreements.activateAgreement(database.db, admin, { agreementId: a.id }, clock)).id;
});
afterAll(() => database.close());

describe("the price list", () => {
  it("picks the price valid on the start date: a new price closes the one before it, which stays as history", async () => {
    const seeded = await listPriceOn(database.db, "HANTERA", today);
    expect(seeded?.monthlyPriceMinor).toBe(15_000);
    okOf(
      await setListPrice(
        database.db,
        admin,
        { item: "HANTERA", monthlyPriceMinor: 17_500, currency: "SEK", validFrom: day(30), reason: "Ny version" },
        clock,
      ),
    );
    expect((await listPriceOn(database.db, "HANTERA", day(29)))?.monthlyPriceMinor).toBe(15_000);
    expect((await listPriceOn(database.db, "HANTERA", day(30)))?.monthlyPriceMinor).toBe(17_500);
    expect(
      (await listPriceHistory(database.db, "HANTERA")).map((p) => [
        p.validFrom,
        p.validTo,
        p.monthlyPriceMinor,
        p.reason,
        p.createdByUserId,
      ]),
    ).toEqual([
      ["2020-01-01", day(29), 15_000, null, null],
      [day(30), null, 17_500, "Ny version", admin.userId],
    ]);
    const before = okOf(
      await licences.rentLicence(
        database.db,
        customer,
        { agreementId, kind: "HANTERA", quantity: 2, startsOn: day(29), endsOn: day(60) },
        clock,
      ),
    );
    const after = okOf(
      await licences.rentLicence(
        database.db,
        customer,
        { agreementId, kind: "HANTERA", quantity: 2, startsOn: day(30), endsOn: day(60) },
        clock,
      ),
    );
    expect([before.monthlyPriceMinor, after.monthlyPriceMinor]).toEqual([30_000, 35_000]);
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "listPrice.set"));
    expect(audit!.details).toMatchObject({ item: "HANTERA", monthlyPriceMinor: 17_500, closedPriceMinor: 15_000 });
  });

  it("refuses overlapping validity, a start in the past, and only admins keep it", async () => {
    const base = { item: "BOOKING" as const, monthlyPriceMinor: 3_500, currency: "SEK", reason: "Indexering" };
    okOf(await setListPrice(database.db, admin, { ...base, validFrom: day(60) }, clock));
    expect(codeOf(await setListPrice(database.db, admin, { ...base, validFrom: day(60) }, clock))).toBe(
      "LIST_PRICE_OVERLAP",
    );
    expect(
      codeOf(await setListPrice(database.db, admin, { ...base, validFrom: day(10), validTo: day(60) }, clock)),
    ).toBe("LIST_PRICE_OVERLAP");
    expect(codeOf(await setListPrice(database.db, admin, { ...base, validFrom: day(90), reason: " " }, clock))).toBe(
      "PRICE_REASON_REQUIRED",
    );
    expect(codeOf(await setListPrice(database.db, admin, { ...base, validFrom: day(-1) }, clock))).toBe(
      "LIST_PRICE_IN_PAST",
    );
    await expect(setListPrice(database.db, seller, { ...base, validFrom: day(90) }, clock)).rejects.toThrow(
      /not allowed/i,
    );
    // A price between today's and the announced one runs until the announced one starts.
    const between = okOf(
      await setListPrice(database.db, admin, { ...base, monthlyPriceMinor: 3_200, validFrom: day(10) }, clock),
    );
    expect(between.validTo).toBe(day(59));
    // The database refuses a second open-ended price of an item, whatever code path writes it.
    await expect(
      database.db.insert(listPrices).values({ item: "BOOKING", monthlyPriceMinor: 1, validFrom: day(300) }),
    ).rejects.toThrow();
  });

  it("quotes the monthly cost and the total over the period, a started month charged in full", async () => {
    expect([
      monthsCharged(day(0), day(0)),
      monthsCharged("2027-03-01", "2027-03-31"),
      monthsCharged("2027-03-01", "2027-04-01"),
      monthsCharged("2027-01-31", "2027-12-30"),
      monthsCharged("2027-01-31", "2027-12-31"),
    ]).toEqual([1, 1, 2, 11, 12]);
    const q = okOf(
      await quoteOrder(
        database.db,
        customer,
        { agreementId, item: "CONSUMPTION", quantity: 10, startsOn: "2027-03-01", endsOn: "2027-05-31" },
        clock,
      ),
    );
    expect(q).toMatchObject({ unitPriceMinor: 400, monthlyCostMinor: 4_000, months: 3, totalMinor: 12_000 });
    const hosting = okOf(await quoteOrder(database.db, customer, { agreementId, item: "HOSTING", quantity: 1 }, clock));
    expect(hosting).toMatchObject({ startsOn: today, endsOn: day(265), monthlyCostMinor: 149_500 });
    expect(codeOf(await quoteOrder(database.db, customer, { agreementId, item: "HOSTING", quantity: 2 }, clock))).toBe(
      "INVALID_INPUT",
    );
  });
});

describe("quotes that could not be ordered or shown", () => {
  it("refuses a period past the agreement's end, as the order would be, and a total no Money can carry", async () => {
    const late = await quoteOrder(
      database.db,
      customer,
      { agreementId, item: "BOOKING", quantity: 1, startsOn: day(0), endsOn: day(266) },
      clock,
    );
    expect(late).toMatchObject({ errors: [{ code: "OUTSIDE_AGREEMENT_PERIOD", field: ["input", "endsOn"] }] });
    // Three years of 10,000 Hantera licences: more öre than a GraphQL Int holds (it was INTERNAL_SERVER_ERROR).
    const [longer] = await database.db.select().from(agreementsTable).where(eq(agreementsTable.id, agreementId));
    const [property] = await database.db.select().from(properties).where(eq(properties.customerId, longer!.customerId));
    const long = okOf(
      await agreements.createAgreement(
        database.db,
        admin,
        {
          customerId: longer!.customerId,
          sellerId: seller.userId,
          tier: "PLUS_500",
          propertyIds: [property!.id],
          startsOn: day(0),
          endsOn: day(3 * 365),
        },
        clock,
      ),
    );
    const huge = await quoteOrder(
      database.db,
      admin,
      { agreementId: long.id, item: "HANTERA", quantity: 10_000, startsOn: day(0), endsOn: day(3 * 365) },
      clock,
    );
    expect(huge).toMatchObject({ errors: [{ code: "INVALID_INPUT", field: ["input", "quantity"] }] });
  });
});

describe("orders at list price", () => {
  it("a customer orders an add-on at list price; the responsible seller is e-mailed, not when the seller orders", async () => {
    const mails = async () =>
      (await database.db.select().from(emailOutbox)).filter((m) => m.toAddress === "saljaren@test.example");
    const before = (await mails()).length;
    const hosting = okOf(
      await addOns.orderAddOn(
        database.db,
        customer,
        { agreementId, kind: "HOSTING", hostedServices: ["BOKNING"] },
        clock,
      ),
    );
    expect([hosting.monthlyPriceMinor, hosting.listPriceMinor, hosting.priceReason]).toEqual([149_500, 149_500, null]);
    expect((await mails()).length).toBe(before + 1);
    expect((await mails()).at(-1)!.body).toContain("1 495,00 kr");
    expect(
      codeOf(
        await addOns.orderAddOn(
          database.db,
          customer,
          { agreementId, kind: "MONITORING", price: { agreedPriceMinor: 0, field: ["input", "agreedPrice"] } },
          clock,
        ),
      ),
    ).toBe("PRICE_NOT_ALLOWED");
    const monitoring = okOf(
      await addOns.orderAddOn(
        database.db,
        seller,
        {
          agreementId,
          kind: "MONITORING",
          price: {
            agreedPriceMinor: 39_500,
            priceReason: "Samma pris som förra avtalet",
            field: ["input", "agreedPrice"],
          },
        },
        clock,
      ),
    );
    expect([monitoring.monthlyPriceMinor, monitoring.listPriceMinor, monitoring.priceReason]).toEqual([
      39_500,
      49_500,
      "Samma pris som förra avtalet",
    ]);
    expect((await mails()).length).toBe(before + 1);
  });

  it("a customer rents licences at list price and the seller is told what and for when; a price only vendor staff may agree", async () => {
    const mails = async () =>
      (await database.db.select().from(emailOutbox)).filter((m) => m.toAddress === "saljaren@test.example");
    const before = (await mails()).length;
    const order = { agreementId, kind: "CONSUMPTION" as const, quantity: 10, startsOn: day(1), endsOn: day(90) };
    const rented = okOf(await licences.rentLicence(database.db, customer, order, clock));
    expect([rented.monthlyPriceMinor, rented.listPriceMinor, rented.priceReason]).toEqual([4_000, 4_000, null]);
    const mail = (await mails()).at(-1)!;
    expect((await mails()).length).toBe(before + 1);
    expect(mail.subject).toBe(
      `Trygg: ny beställning på avtal ${(await agreements.findAgreement(database.db, admin, agreementId, clock))!.number}: 10 licenser för Förbrukning`,
    );
    expect(mail.body).toContain(`40,00 kr per månad (${day(1)} – ${day(90)})`);
    const asked = { field: ["input", "agreedPrice"], agreedPriceMinor: 1_000 };
    expect(await licences.rentLicence(database.db, customer, { ...order, price: asked }, clock)).toMatchObject({
      errors: [{ code: "PRICE_NOT_ALLOWED", field: ["input", "agreedPrice"] }],
    });
    const agreed = okOf(
      await licences.rentLicence(database.db, seller, { ...order, price: { ...asked, priceReason: "Kampanj" } }, clock),
    );
    expect([agreed.monthlyPriceMinor, agreed.listPriceMinor, agreed.priceReason]).toEqual([1_000, 4_000, "Kampanj"]);
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.objectId, agreed.id));
    expect(audit!.details).toEqual({
      agreementId,
      kind: "CONSUMPTION",
      quantity: 10,
      startsOn: day(1),
      endsOn: day(90),
      monthlyPriceMinor: 1_000,
      listPriceMinor: 4_000,
      priceReason: "Kampanj",
      currency: "SEK",
    });
  });
});
