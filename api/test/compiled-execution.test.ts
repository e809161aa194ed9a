import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type GqlResponse, type TestApi } from "./support.js";

/**
 * The API runs a query with graphql-js the first time and compiled (graphql-jit) once it repeats
 * (shared/compiled-execution.ts): every answer, errors included, must be the same both ways.
 */
let api: TestApi;
let partner: string;
let member: string;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  partner = await api.login("petra@nordsak.demo");
  member = await api.login("kalle@vastkustfast.demo");
  admin = await api.login("admin@aptus.demo");
});
afterAll(() => api?.close());

/** The answer without what differs per request. */
function comparable(r: GqlResponse<unknown>) {
  const errors = r.errors?.map(({ extensions, ...e }) => ({
    ...e,
    extensions: { ...extensions, requestId: undefined },
  }));
  return { status: r.status, data: r.data, errors };
}

async function sameEveryTime(query: string, variables: Record<string, unknown>, token: string | null) {
  const answers = [];
  for (let i = 0; i < 3; i++) answers.push(comparable(await api.gql(query, variables, token)));
  expect(answers[1]).toEqual(answers[0]);
  expect(answers[2]).toEqual(answers[0]);
  return answers[0]!;
}

const PAGE = `query Page($first: Int!, $withRentals: Boolean!) {
  agreements(first: $first) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id number status tier { code name } customer { id name organisationNumber }
      properties { id name city apartments }
      licenceRentals @include(if: $withRentals) { id kind quantity monthlyPrice { amountMinor currency } startsOn endsOn endedOn active }
      ...Money
    } }
  }
}
fragment Money on Agreement { monthlyCost { amountMinor } yearlyValue { amountMinor } }`;

describe("a repeated query, compiled", () => {
  it("answers a partner's page of agreements as the first run did", async () => {
    const page = await sameEveryTime(PAGE, { first: 5, withRentals: true }, partner);
    expect(page.errors).toBeUndefined();
    expect((page.data as { agreements: { edges: unknown[] } }).agreements.edges.length).toBeGreaterThan(0);
    await sameEveryTime(PAGE, { first: 5, withRentals: false }, partner);
  });

  it("resolves node(id) to the right type", async () => {
    const first = await api.gql(`{ agreements(first: 1) { edges { node { id customer { id } } } } }`, {}, admin);
    const { id, customer } = first.data.agreements.edges[0].node;
    const answer = await sameEveryTime(
      `query N($a: ID!, $o: ID!) { a: node(id: $a) { __typename id ... on Agreement { number } } o: node(id: $o) { __typename ... on Organisation { name } } }`,
      { a: id, o: customer.id },
      admin,
    );
    expect(answer.data).toMatchObject({ a: { __typename: "Agreement" }, o: { __typename: "Organisation" } });
  });

  it("refuses the same way: FORBIDDEN, UNAUTHENTICATED, a page too large, a wrong variable", async () => {
    const create = `mutation C($i: CreateAgreementInput!) { createAgreement(input: $i) { agreement { id } userErrors { code } } }`;
    const input = {
      customerId: "T3JnYW5pc2F0aW9uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMQ",
      tier: "BRF",
      propertyIds: [],
      startsOn: "2027-01-01",
      endsOn: "2026-01-01",
    };
    expect((await sameEveryTime(create, { i: input }, member)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await sameEveryTime(create, { i: input }, admin)).data).toEqual({
      createAgreement: { agreement: null, userErrors: [{ code: "INVALID_DATE_RANGE" }] },
    });
    expect(
      (await sameEveryTime(`query A { agreements(first: 1) { totalCount } }`, {}, null)).errors?.[0]?.extensions?.code,
    ).toBe("UNAUTHENTICATED");
    expect(
      (await sameEveryTime(`query A($n: Int!) { agreements(first: $n) { totalCount } }`, { n: 1000 }, partner))
        .errors?.[0]?.extensions?.code,
    ).toBe("BAD_USER_INPUT");
    const wrongVariable = await sameEveryTime(
      `query A($n: Int!) { agreements(first: $n) { totalCount } }`,
      { n: "all" },
      partner,
    );
    expect(wrongVariable).toMatchObject({ status: 400, errors: [{ extensions: { code: "BAD_USER_INPUT" } }] });
  });

  it("applies an input field's default when a client leaves it out, on the second request as on the first (graphql-jit#142)", async () => {
    const seller = await api.login("sara.saljare@aptus.demo");
    const listed = await api.gql(
      `{ agreements(first: 1, filter: { status: [ACTIVE] }) { edges { node { id version } } } }`,
      {},
      seller,
    );
    const { id, version } = listed.data.agreements.edges[0].node;
    // `carryOverRentals: Boolean! = false` left out; an end before the start is refused by the rule, so every try
    // answers the same.
    const renew = `mutation R($i: RenewAgreementInput!) { renewAgreement(input: $i) { agreement { id } userErrors { code field } } }`;
    const answer = await sameEveryTime(
      renew,
      { i: { agreementId: id, endsOn: "2001-01-01", expectedVersion: version } },
      seller,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      renewAgreement: { agreement: null, userErrors: [expect.objectContaining({ code: expect.any(String) })] },
    });
  });

  it("answers introspection as graphql-js does", async () => {
    await sameEveryTime(getIntrospectionQuery(), {}, admin);
  });
});
