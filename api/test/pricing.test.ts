import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, emailOutbox } from "../src/db/schema/index.js";
import { todayInSweden } from "../src/shared/dates.js";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
let karin: string;
let seller: string;
let agreementId: string;
let today: string;
let endsOn: string;

const RENT = `mutation($i: RentLicenceInput!) { rentLicence(input: $i) { licenceRental { id quantity monthlyPrice { amountMinor } listPrice { amountMinor } priceReason } userErrors { code field } } }`;
const QUOTA = `query($id: ID!) { agreement(id: $id) { hanteraAccountQuota licenceRentals { id } } }`;

beforeAll(async () => {
  api = await startTestApi();
  karin = await api.login("karin@vastkustfast.demo");
  seller = await api.login("sara.saljare@aptus.demo");
  const r = await api.gql(`{ agreements(first: 10) { edges { node { id status endsOn } } } }`, {}, karin);
  const a = r.data.agreements.edges
    .map((e: any) => e.node)
    .find((n: any) => n.status === "ACTIVE" || n.status === "EXPIRING");
  agreementId = a.id;
  endsOn = a.endsOn;
  today = todayInSweden();
});
afterAll(() => api?.close());

describe("a customer cannot choose a price", () => {
  it("refuses 100 Hantera licences at 0 kr with PRICE_NOT_ALLOWED, through either price field, and writes nothing", async () => {
    const before = await api.gql(QUOTA, { id: agreementId }, karin);
    const order = { agreementId, kind: "HANTERA", quantity: 100, startsOn: today, endsOn };
    const viaMonthly = await api.gql(
      RENT,
      { i: { ...order, monthlyPrice: { amountMinor: 0, currency: "SEK" } } },
      karin,
    );
    expect(viaMonthly.data.rentLicence).toEqual({
      licenceRental: null,
      userErrors: [{ code: "PRICE_NOT_ALLOWED", field: ["input", "monthlyPrice"] }],
    });
    const viaAgreed = await api.gql(
      RENT,
      { i: { ...order, agreedPrice: { amountMinor: 0, currency: "SEK" }, priceReason: "Gratis" } },
      karin,
    );
    expect(viaAgreed.data.rentLicence.userErrors).toEqual([
      { code: "PRICE_NOT_ALLOWED", field: ["input", "agreedPrice"] },
    ]);
    const addOn = await api.gql(
      `mutation($id: ID!) { orderAddOn(input: { agreementId: $id, kind: MONITORING, agreedPrice: { amountMinor: 0 }, priceReason: "Gratis" }) { addOn { id } userErrors { code } } }`,
      { id: agreementId },
      karin,
    );
    expect(addOn.data.orderAddOn.userErrors).toEqual([{ code: "PRICE_NOT_ALLOWED" }]);
    expect((await api.gql(QUOTA, { id: agreementId }, karin)).data).toEqual(before.data);
  });

  it("rents at the list price the quote showed, and the responsible seller is e-mailed in the same transaction", async () => {
    const quote = await api.gql(
      `query($i: OrderQuoteInput!) { orderQuote(input: $i) { quote { listPrice { amountMinor } monthlyCost { amountMinor } months total { amountMinor } } userErrors { code } } }`,
      { i: { agreementId, item: "HANTERA", quantity: 2, startsOn: today, endsOn } },
      karin,
    );
    const q = quote.data.orderQuote.quote;
    expect(q.monthlyCost.amountMinor).toBe(q.listPrice.amountMinor * 2);
    expect(q.total.amountMinor).toBe(q.monthlyCost.amountMinor * q.months);
    const r = await api.gql(RENT, { i: { agreementId, kind: "HANTERA", quantity: 2, startsOn: today, endsOn } }, karin);
    expect(r.data.rentLicence.userErrors).toEqual([]);
    expect(r.data.rentLicence.licenceRental).toMatchObject({
      quantity: 2,
      monthlyPrice: q.monthlyCost,
      listPrice: q.monthlyCost,
      priceReason: null,
    });
    const [mail] = await api.database.db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(1);
    expect(mail).toMatchObject({ toAddress: "sara.saljare@aptus.demo" });
    expect(mail!.body).toContain("2 licenser för Hantera");
    expect(mail!.body).toContain("Karin");
  });
});

describe("the agreement's base fee", () => {
  it("is on the price list but is not an order: a quote for it is refused with INVALID_INPUT", async () => {
    const list = await api.gql(`{ priceList { item } }`, {}, karin);
    expect(list.data.priceList.map((p: { item: string }) => p.item)).toEqual(
      expect.arrayContaining(["AGREEMENT_PLUS_500", "AGREEMENT_BRF"]),
    );
    const quote = await api.gql(
      `query($i: OrderQuoteInput!) { orderQuote(input: $i) { quote { total { amountMinor } } userErrors { code field } } }`,
      { i: { agreementId, item: "AGREEMENT_PLUS_500", quantity: 1 } },
      karin,
    );
    expect(quote.data.orderQuote).toEqual({
      quote: null,
      userErrors: [{ code: "INVALID_INPUT", field: ["input", "item"] }],
    });
  });
});

describe("vendor staff may agree another price, with a reason kept in the audit trail", () => {
  it("a seller's discount needs a reason, and the rental and its audit row keep list price, agreed price and reason", async () => {
    const order = {
      agreementId,
      kind: "BOOKING",
      quantity: 10,
      startsOn: today,
      endsOn,
      agreedPrice: { amountMinor: 20_000, currency: "SEK" },
    };
    const bare = await api.gql(RENT, { i: order }, seller);
    expect(bare.data.rentLicence.userErrors).toEqual([
      { code: "PRICE_REASON_REQUIRED", field: ["input", "priceReason"] },
    ]);
    const r = await api.gql(RENT, { i: { ...order, priceReason: "Kampanj vid förnyelse" } }, seller);
    expect(r.data.rentLicence.userErrors).toEqual([]);
    const rental = r.data.rentLicence.licenceRental;
    expect(rental.monthlyPrice.amountMinor).toBe(20_000);
    expect(rental.listPrice.amountMinor).toBeGreaterThan(20_000);
    expect(rental.priceReason).toBe("Kampanj vid förnyelse");
    const [audit] = await api.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "licenceRental.create"))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(1);
    expect(audit!.details).toMatchObject({
      monthlyPriceMinor: 20_000,
      listPriceMinor: rental.listPrice.amountMinor,
      priceReason: "Kampanj vid förnyelse",
    });
  });
});
