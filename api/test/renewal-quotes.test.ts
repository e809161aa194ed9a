import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDaysIso } from "../src/shared/dates.js";
import { startTestApi, type TestApi } from "./support.js";

/**
 * Issue 21: the customer's "Förnya avtalet" gives the seller a quote priced from the list of the new period, and
 * the confirmed quote renews the agreement once, however many confirm at the same moment.
 */
let api: TestApi;
let admin: string;
let seller: string;
let karin: string;
let sql: postgres.Sql;

beforeAll(async () => {
  api = await startTestApi();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${api.databaseName}`;
  sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  [admin, seller, karin] = await Promise.all([
    api.login("admin@aptus.demo"),
    api.login("sara.saljare@aptus.demo"),
    api.login("karin@vastkustfast.demo"),
  ]);
});
afterAll(async () => {
  await sql?.end();
  await api?.close();
});

const AGREEMENT = `query($id: ID!) { agreement(id: $id) {
  id endsOn status viewerCanRequestRenewal
  periods { startsOn endsOn }
  licenceRentals { id kind quantity startsOn endsOn monthlyPrice { amountMinor } }
  addOns { id kind active }
  renewalQuote { id state startsOn endsOn yearlyTotal { amountMinor }
    lines { item quantity unitPrice { amountMinor } monthlyPrice { amountMinor } yearlyPrice { amountMinor } } }
} }`;
const REQUEST = `mutation($i: RequestRenewalInput!) { requestRenewal(input: $i) {
  quote { id state startsOn endsOn yearlyTotal { amountMinor }
    baseFee { item monthlyPrice { amountMinor } yearlyPrice { amountMinor } } lines { item quantity unitPrice { amountMinor } monthlyPrice { amountMinor } } }
  userErrors { code field } } }`;
const CONFIRM = `mutation($i: ConfirmRenewalQuoteInput!) { confirmRenewalQuote(input: $i) {
  decision { quote { state } agreement { endsOn } } userErrors { code } } }`;
const DECLINE = `mutation($i: DeclineRenewalQuoteInput!) { declineRenewalQuote(input: $i) {
  decision { quote { state declineReason } } userErrors { code field } } }`;

const setListPrice = (item: string, amountMinor: number, validFrom: string, reason: string) =>
  api.gql(
    `mutation($i: SetListPriceInput!) { setListPrice(input: $i) { listPrice { validFrom } userErrors { code } } }`,
    { i: { item, monthlyPrice: { amountMinor, currency: "SEK" }, validFrom, reason } },
    admin,
  );

/** A fresh active agreement for Karin's company, with two booking rentals to its end and one Hantera rental. */
async function agreementWithRentals(days: number) {
  const list = await api.gql(
    `{ agreements(first: 100, filter: { status: [ACTIVE] }) { edges { node { customer { id name } properties { id } } } } }`,
    {},
    karin,
  );
  const { customer, properties } = list.data.agreements.edges[0].node;
  const today = new Date().toISOString().slice(0, 10);
  const endsOn = addDaysIso(today, days);
  const created = await api.gql(
    `mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { agreement { id } userErrors { code } } }`,
    {
      i: {
        customerId: customer.id,
        tier: "PLUS_500",
        propertyIds: properties.map((p: { id: string }) => p.id),
        startsOn: today,
        endsOn,
      },
    },
    seller,
  );
  const id = created.data.createAgreement.agreement.id;
  await api.gql(
    `mutation($i: ActivateAgreementInput!) { activateAgreement(input: $i) { userErrors { code } } }`,
    { i: { agreementId: id } },
    seller,
  );
  const rent = (kind: string, quantity: number) =>
    api.gql(
      `mutation($i: RentLicenceInput!) { rentLicence(input: $i) { licenceRental { id } userErrors { code } } }`,
      { i: { agreementId: id, kind, quantity, startsOn: today, endsOn } },
      admin,
    );
  const booking = (await rent("BOOKING", 4)).data.rentLicence.licenceRental.id;
  const hantera = (await rent("HANTERA", 2)).data.rentLicence.licenceRental.id;
  return { id, endsOn, booking, hantera };
}

describe("renewal quotes", () => {
  it("price what the customer carries at the list price of the new period's first day, twelve months a year", async () => {
    const a = await agreementWithRentals(120);
    const newStart = addDaysIso(a.endsOn, 1);
    // The booking licence costs more from the new period's first day than when it was rented.
    const set = await setListPrice("BOOKING", 4321, newStart, "Ny prislista");
    expect(set.data.setListPrice.userErrors).toEqual([]);
    // So does the agreement's own base fee for its tier (decision 0101).
    const fee = await setListPrice("AGREEMENT_PLUS_500", 310000, newStart, "Ny grundavgift");
    expect(fee.data.setListPrice.userErrors).toEqual([]);
    const before = await api.gql(AGREEMENT, { id: a.id }, karin);
    expect(before.data.agreement.viewerCanRequestRenewal).toBe(true);

    const asked = await api.gql(REQUEST, { i: { agreementId: a.id, rentalIds: [a.booking], addOnIds: [] } }, karin);
    expect(asked.data.requestRenewal.userErrors).toEqual([]);
    const quote = asked.data.requestRenewal.quote;
    expect(quote.state).toBe("REQUESTED");
    expect(quote.startsOn).toBe(newStart);
    expect(quote.lines).toEqual([
      { item: "BOOKING", quantity: 4, unitPrice: { amountMinor: 4321 }, monthlyPrice: { amountMinor: 4 * 4321 } },
    ]);
    expect(quote.baseFee).toEqual({
      item: "AGREEMENT_PLUS_500",
      monthlyPrice: { amountMinor: 310000 },
      yearlyPrice: { amountMinor: 12 * 310000 },
    });
    expect(quote.yearlyTotal.amountMinor).toBe(12 * (310000 + 4 * 4321));

    const again = await api.gql(REQUEST, { i: { agreementId: a.id, rentalIds: [], addOnIds: [] } }, karin);
    expect(again.data.requestRenewal.userErrors[0].code).toBe("RENEWAL_ALREADY_REQUESTED");
    const mails =
      await sql`select to_address, body from email_outbox where subject = ${"Förnyelse begärd: avtal " + (await numberOf(a.id))}`;
    expect(mails.map((m) => m.to_address)).toEqual(["sara.saljare@aptus.demo"]);
    expect(mails[0]!.body).toContain("Avtalets grundavgift: 3 100 kr/mån");
    const toDecide = await api.gql(`{ renewalQuotesToDecide { id agreement { id } } }`, {}, seller);
    expect(toDecide.data.renewalQuotesToDecide.map((q: { id: string }) => q.id)).toContain(quote.id);
  });

  it("renews once when twenty confirms arrive at once, carrying only what was chosen at the quoted price", async () => {
    const a = await agreementWithRentals(60);
    const asked = await api.gql(REQUEST, { i: { agreementId: a.id, rentalIds: [a.hantera], addOnIds: [] } }, karin);
    const quote = asked.data.requestRenewal.quote;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.gql(CONFIRM, { i: { quoteId: quote.id } }, i % 2 ? admin : seller)),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(results.filter((r) => r.data.confirmRenewalQuote.decision)).toHaveLength(1);
    expect(
      new Set(results.flatMap((r) => r.data.confirmRenewalQuote.userErrors.map((e: { code: string }) => e.code))),
    ).toEqual(new Set(["RENEWAL_QUOTE_DECIDED"]));
    const after = (await api.gql(AGREEMENT, { id: a.id }, karin)).data.agreement;
    expect(after.periods).toHaveLength(2);
    expect(after.endsOn).toBe(quote.endsOn);
    const carried = after.licenceRentals.filter((r: { startsOn: string }) => r.startsOn === quote.startsOn);
    expect(carried).toEqual([
      expect.objectContaining({
        kind: "HANTERA",
        quantity: 2,
        monthlyPrice: { amountMinor: quote.lines[0].monthlyPrice.amountMinor },
      }),
    ]);
    expect(after.renewalQuote.state).toBe("CONFIRMED");
    const audit =
      await sql`select action from audit_events where object_id = ${await uuid(a.id)} and action like 'agreement.renew%' order by occurred_at`;
    expect(audit.map((r) => r.action)).toEqual([
      "agreement.renewalRequested",
      "agreement.renew",
      "agreement.renewalConfirmed",
    ]);
  });

  it("is declined with a reason the customer's admins are mailed; without one it is refused; another customer sees none", async () => {
    const a = await agreementWithRentals(90);
    const quote = (await api.gql(REQUEST, { i: { agreementId: a.id, rentalIds: [], addOnIds: [] } }, karin)).data
      .requestRenewal.quote;
    const blank = await api.gql(DECLINE, { i: { quoteId: quote.id, reason: "  " } }, seller);
    expect(blank.data.declineRenewalQuote.userErrors).toEqual([{ code: "INVALID_INPUT", field: ["input", "reason"] }]);
    const eva = await api.login("eva@alvstranden.demo");
    const foreign = await api.gql(REQUEST, { i: { agreementId: a.id, rentalIds: [], addOnIds: [] } }, eva);
    expect(foreign.data.requestRenewal.userErrors[0].code).toBe("NOT_FOUND");
    const declined = await api.gql(DECLINE, { i: { quoteId: quote.id, reason: "Avtalet omförhandlas" } }, seller);
    expect(declined.data.declineRenewalQuote.decision.quote).toEqual({
      state: "DECLINED",
      declineReason: "Avtalet omförhandlas",
    });
    const mails =
      await sql`select to_address, body from email_outbox where subject = ${"Förnyelsen av avtal " + (await numberOf(a.id)) + " avböjdes"}`;
    expect(mails.map((m) => m.to_address)).toContain("karin@vastkustfast.demo");
    expect(mails[0]!.body).toContain("Avtalet omförhandlas");
    const later = await api.gql(CONFIRM, { i: { quoteId: quote.id } }, seller);
    expect(later.data.confirmRenewalQuote.userErrors[0].code).toBe("RENEWAL_QUOTE_DECIDED");
    expect((await api.gql(AGREEMENT, { id: a.id }, karin)).data.agreement.viewerCanRequestRenewal).toBe(true);
  });
});

describe("a renewal quote against a changed agreement", () => {
  it("renews nothing when the agreement was renewed by hand after the quote was priced", async () => {
    const a = await agreementWithRentals(70);
    const quote = (await api.gql(REQUEST, { i: { agreementId: a.id, rentalIds: [a.booking], addOnIds: [] } }, karin))
      .data.requestRenewal.quote;
    const byHand = await api.gql(
      `mutation($i: RenewAgreementInput!) { renewAgreement(input: $i) { userErrors { code } } }`,
      { i: { agreementId: a.id, endsOn: addDaysIso(a.endsOn, 30), carryOverRentals: false } },
      seller,
    );
    expect(byHand.data.renewAgreement.userErrors).toEqual([]);
    const confirmed = await api.gql(CONFIRM, { i: { quoteId: quote.id } }, seller);
    expect(confirmed.data.confirmRenewalQuote.userErrors[0].code).toBe("STALE_VERSION");
    const after = (await api.gql(AGREEMENT, { id: a.id }, karin)).data.agreement;
    expect(after.periods).toHaveLength(2);
    expect(after.renewalQuote.state).toBe("REQUESTED");
  });

  it("refuses to carry a rental that ended before the period's end", async () => {
    const a = await agreementWithRentals(70);
    const ended = await api.gql(
      `mutation($i: EndLicenceRentalInput!) { endLicenceRental(input: $i) { userErrors { code } } }`,
      { i: { licenceRentalId: a.booking } },
      admin,
    );
    expect(ended.data.endLicenceRental.userErrors).toEqual([]);
    const asked = await api.gql(REQUEST, { i: { agreementId: a.id, rentalIds: [a.booking], addOnIds: [] } }, karin);
    expect(asked.data.requestRenewal.userErrors).toEqual([{ code: "INVALID_INPUT", field: ["input", "rentalIds"] }]);
  });
});

describe("what the customer leaves unticked", () => {
  it("ends at the old period's end on confirmation, and what is carried costs the quoted list price", async () => {
    const a = await agreementWithRentals(100);
    const newStart = addDaysIso(a.endsOn, 1);
    const order = (kind: string, hostedServices: string[]) =>
      api.gql(
        `mutation($i: OrderAddOnInput!) { orderAddOn(input: $i) { addOn { id } userErrors { code } } }`,
        { i: { agreementId: a.id, kind, hostedServices } },
        seller,
      );
    const hosting = (await order("HOSTING", ["BOKNING"])).data.orderAddOn.addOn.id;
    const monitoring = (await order("MONITORING", [])).data.orderAddOn.addOn.id;
    // Hosting costs more from the new period's first day than when it was ordered.
    const set = await api.gql(
      `mutation($i: SetListPriceInput!) { setListPrice(input: $i) { userErrors { code } } }`,
      {
        i: {
          item: "HOSTING",
          monthlyPrice: { amountMinor: 171900, currency: "SEK" },
          validFrom: newStart,
          reason: "Ny",
        },
      },
      admin,
    );
    expect(set.data.setListPrice.userErrors).toEqual([]);
    const asked = await api.gql(
      `mutation($i: RequestRenewalInput!) { requestRenewal(input: $i) {
        quote { id lines { item } ending { partId item quantity endsOn } } userErrors { code } } }`,
      { i: { agreementId: a.id, rentalIds: [a.booking], addOnIds: [hosting] } },
      karin,
    );
    expect(asked.data.requestRenewal.userErrors).toEqual([]);
    const quote = asked.data.requestRenewal.quote;
    expect(quote.ending).toEqual([
      { partId: a.hantera, item: "HANTERA", quantity: 2, endsOn: a.endsOn },
      { partId: monitoring, item: "MONITORING", quantity: 1, endsOn: a.endsOn },
    ]);
    const confirmed = await api.gql(CONFIRM, { i: { quoteId: quote.id } }, seller);
    expect(confirmed.data.confirmRenewalQuote.userErrors).toEqual([]);

    const after = await api.gql(
      `query($id: ID!) { agreement(id: $id) {
        addOns { id kind startsOn endsOn endedOn endReason active monthlyPrice { amountMinor } }
        licenceRentals { id kind startsOn endsOn } } }`,
      { id: a.id },
      karin,
    );
    const addOns = after.data.agreement.addOns;
    const byId = (id: string) => addOns.find((x: { id: string }) => x.id === id);
    // Both run to the old end; monitoring stops there, hosting goes on as a new row at the new list price.
    expect(byId(monitoring)).toMatchObject({ endsOn: a.endsOn, endedOn: null, endReason: "NOT_RENEWED", active: true });
    expect(byId(hosting)).toMatchObject({ endsOn: a.endsOn, endReason: "CARRIED", active: true });
    expect(addOns.filter((x: { startsOn: string }) => x.startsOn === newStart)).toEqual([
      expect.objectContaining({ kind: "HOSTING", endsOn: null, active: false, monthlyPrice: { amountMinor: 171900 } }),
    ]);
    const rentalsFromNewStart = after.data.agreement.licenceRentals.filter(
      (r: { startsOn: string }) => r.startsOn === newStart,
    );
    expect(rentalsFromNewStart.map((r: { kind: string }) => r.kind)).toEqual(["BOOKING"]);
    const [audit] =
      await sql`select details from audit_events where object_id = ${await uuid(a.id)} and action = 'agreement.renew'`;
    expect(audit!.details).toMatchObject({
      addOnsCarried: [{ kind: "HOSTING", monthlyPriceMinor: 171900 }],
      addOnsEnding: [{ kind: "MONITORING", endsOn: a.endsOn }],
    });
  });
});

async function uuid(globalId: string) {
  return Buffer.from(globalId, "base64url").toString("utf8").split(":")[1]!;
}
async function numberOf(globalId: string) {
  const [row] = await sql`select number from agreements where id = ${await uuid(globalId)}`;
  return row!.number as string;
}
