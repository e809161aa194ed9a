import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
let petra: string;
beforeAll(async () => {
  api = await startTestApi();
  petra = await api.login("petra@nordsak.demo");
});
afterAll(() => api?.close());

const CREATE = `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret apiToken { id scopes } userErrors { code field } } }`;
const OPEN_CASE = `mutation($i: OpenSupportCaseInput!) { openSupportCase(input: $i) { supportCase { id } userErrors { code } } }`;
const RENT = `mutation($i: RentLicenceInput!) { rentLicence(input: $i) { licenceRental { id } userErrors { code } } }`;

async function token(name: string, scopes?: string[]): Promise<{ secret: string; scopes: string[] | null }> {
  const made = await api.gql(CREATE, { i: { name, ...(scopes ? { scopes } : {}) } }, petra);
  expect(made.data.createApiToken.userErrors).toEqual([]);
  return { secret: made.data.createApiToken.secret, scopes: made.data.createApiToken.apiToken.scopes };
}

/** An active agreement of Nordsäk's: a licence to rent on it, and its customer to open a case for. */
let active: { id: string; startsOn: string; endsOn: string; customer: { id: string } };
beforeAll(async () => {
  const r = await api.gql(
    `{ agreements(first: 50) { edges { node { id status startsOn endsOn customer { id } } } } }`,
    {},
    petra,
  );
  active = r.data.agreements.edges.map((e: any) => e.node).find((n: any) => n.status === "ACTIVE");
});
const aCase = () => ({
  i: { customerId: active.customer.id, category: "PROGRAMMING", subject: "Ny port", description: "Koppla in porten." },
});
const rental = () => ({
  i: { agreementId: active.id, kind: "CONSUMPTION", quantity: 1, startsOn: active.startsOn, endsOn: active.endsOn },
});

describe("API token scopes", () => {
  it("refuse a read-only token's mutation as FORBIDDEN, naming the missing scope, and write nothing", async () => {
    const scopes = (await api.gql(`{ apiTokenScopes }`, {}, petra)).data.apiTokenScopes as string[];
    const readOnly = await token(
      "Rapporter",
      scopes.filter((s) => s.endsWith(":read")),
    );
    expect(readOnly.scopes).toContain("cases:read");
    expect(readOnly.scopes).not.toContain("cases:write");

    const read = await api.gql(`{ agreements { totalCount } supportCases { totalCount } }`, {}, readOnly.secret);
    expect(read.errors).toBeUndefined();
    const before = read.data.supportCases.totalCount;

    const refused = await api.gql(OPEN_CASE, aCase(), readOnly.secret);
    expect(refused.status).toBe(403);
    expect(refused.errors).toEqual([
      {
        message: "This API token lacks the scope cases:write, which openSupportCase needs.",
        extensions: {
          code: "FORBIDDEN",
          missingScope: "cases:write",
          field: "openSupportCase",
          requestId: expect.any(String),
        },
      },
    ]);
    const after = await api.gql(`{ supportCases { totalCount } }`, {}, readOnly.secret);
    expect(after.data.supportCases.totalCount).toBe(before);
  });

  it("let a cases:write token open a case (and read cases) but not rent a licence, which the session may", async () => {
    const cases = await token("Ärendeportal", ["cases:write"]);
    expect(cases.scopes).toEqual(["cases:write"]);
    const opened = await api.gql(OPEN_CASE, aCase(), cases.secret);
    expect(opened.data.openSupportCase.userErrors).toEqual([]);
    expect((await api.gql(`{ supportCases { totalCount } }`, {}, cases.secret)).errors).toBeUndefined();

    const refused = await api.gql(RENT, rental(), cases.secret);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", missingScope: "agreements:write" });
    // Hiding the field in a fragment on the root does not slip it past.
    const hidden = await api.gql(
      `query { viewer { authenticatedWith } ...More } fragment More on Query { ... on Query { agreements { totalCount } } }`,
      {},
      cases.secret,
    );
    expect(hidden.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", missingScope: "agreements:read" });
    expect(hidden.data ?? null).toBeNull();

    // Sessions are not limited by scopes: the same user rents it.
    const rented = await api.gql(RENT, rental(), petra);
    expect(rented.errors).toBeUndefined();
    expect(rented.data.rentLicence.userErrors).toEqual([]);
  });

  it("leave a token made without scopes with full access, as every token made before scopes", async () => {
    const full = await token("Vårt CRM");
    expect(full.scopes).toBeNull();
    const opened = await api.gql(OPEN_CASE, aCase(), full.secret);
    expect(opened.data.openSupportCase.userErrors).toEqual([]);
    const read = await api.gql(`{ agreements { totalCount } supportCases { totalCount } }`, {}, full.secret);
    expect(read.errors).toBeUndefined();
    const listed = await api.gql(`{ apiTokens { edges { node { name scopes } } } }`, {}, petra);
    expect(listed.data.apiTokens.edges.map((e: any) => e.node)).toEqual(
      expect.arrayContaining([
        { name: "Vårt CRM", scopes: null },
        { name: "Ärendeportal", scopes: ["cases:write"] },
      ]),
    );
  });

  it("refuse unknown scopes, and a limited token cannot make a wider one", async () => {
    const unknown = await api.gql(CREATE, { i: { name: "Fel", scopes: ["cases:delete"] } }, petra);
    expect(unknown.data.createApiToken.userErrors).toEqual([{ code: "INVALID_SCOPE", field: ["input", "scopes"] }]);
    const empty = await api.gql(CREATE, { i: { name: "Tom", scopes: [] } }, petra);
    expect(empty.data.createApiToken.userErrors).toEqual([{ code: "INVALID_SCOPE", field: ["input", "scopes"] }]);

    const minter = await token("Nyckelverk", ["access:write"]);
    const wider = await api.gql(CREATE, { i: { name: "Bredare", scopes: ["cases:write"] } }, minter.secret);
    expect(wider.data.createApiToken.userErrors).toEqual([{ code: "SCOPE_NOT_HELD", field: ["input", "scopes"] }]);
    const inherited = await api.gql(CREATE, { i: { name: "Ärvd" } }, minter.secret);
    expect(inherited.data.createApiToken.apiToken.scopes).toEqual(["access:write"]);
  });

  it("hold attachment downloads to the scope that reads support cases", async () => {
    const log = { fileName: "logg.txt", contentBase64: Buffer.from("Porten låser inte.\n").toString("base64") };
    const opened = await api.gql(
      `mutation($i: OpenSupportCaseInput!) { openSupportCase(input: $i) { supportCase { attachments { downloadUrl } } userErrors { code } } }`,
      { i: { ...aCase().i, attachments: [log] } },
      petra,
    );
    const url = new URL(opened.data.openSupportCase.supportCase.attachments[0].downloadUrl, api.url);
    const download = (bearer: string) => fetch(url, { headers: { authorization: `Bearer ${bearer}` } });

    const refused = await download((await token("Avtalsläsare", ["agreements:read"])).secret);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).errors[0].extensions).toMatchObject({
      code: "FORBIDDEN",
      missingScope: "cases:read",
    });
    const allowed = await download((await token("Ärendeläsare", ["cases:read"])).secret);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toBe("Porten låser inte.\n");
  });
});
