import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login("admin@aptus.demo");
});
afterAll(() => api?.close());

const RENEW = `mutation($i: RenewAgreementInput!) { renewAgreement(input: $i) { agreement { id } userErrors { code } } }`;

describe("renewals under concurrency", () => {
  it("lets exactly one of 20 identical renewals win, with one new period and the rentals carried once", async () => {
    const list = await api.gql(
      `{ agreements(first: 100, filter: { status: [ACTIVE] }) { edges { node { customer { id } properties { id } } } } }`,
      {},
      admin,
    );
    const { customer, properties } = list.data.agreements.edges[0].node;
    const today = new Date().toISOString().slice(0, 10);
    const endsOn = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
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
      admin,
    );
    const id = created.data.createAgreement.agreement.id;
    await api.gql(
      `mutation($i: ActivateAgreementInput!) { activateAgreement(input: $i) { userErrors { code } } }`,
      { i: { agreementId: id } },
      admin,
    );
    const rented = await api.gql(
      `mutation($i: RentLicenceInput!) { rentLicence(input: $i) { licenceRental { id } userErrors { code } } }`,
      { i: { agreementId: id, kind: "BOOKING", quantity: 4, startsOn: today, endsOn } },
      admin,
    );
    expect(rented.data.rentLicence.userErrors).toEqual([]);

    const newEnd = new Date(Date.now() + 565 * 86_400_000).toISOString().slice(0, 10);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.gql(RENEW, { i: { agreementId: id, endsOn: newEnd, carryOverRentals: true } }, admin),
      ),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    const won = results.filter((r) => r.data.renewAgreement.agreement);
    expect(won).toHaveLength(1);
    expect(
      new Set(
        results.filter((r) => !r.data.renewAgreement.agreement).map((r) => r.data.renewAgreement.userErrors[0]?.code),
      ),
    ).toEqual(new Set(["INVALID_DATE_RANGE"]));

    const after = await api.gql(
      `query($id: ID!) { agreement(id: $id) { periods { startsOn endsOn } licenceRentals { kind startsOn } } }`,
      { id },
      admin,
    );
    expect(after.data.agreement.periods).toHaveLength(2);
    expect(after.data.agreement.licenceRentals).toHaveLength(2);
  });
});
