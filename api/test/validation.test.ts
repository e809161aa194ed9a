import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, tableCounts, type TestApi } from "./support.js";

let api: TestApi;
let admin: string;
let customerId: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login("admin@aptus.demo");
  const r = await api.gql(`{ organisations(filter: { search: "Kastanjen" }) { edges { node { id } } } }`, {}, admin);
  customerId = r.data.organisations.edges[0].node.id;
});
afterAll(() => api?.close());

/** Every broken input rule of a BAD_USER_INPUT answer, as "path: message", nested inputs included. */
function brokenRules(error: { extensions?: Record<string, unknown> } | undefined): string[] {
  type Failure = { property: string; constraints?: Record<string, string>; children?: Failure[] };
  const walk = (fs: Failure[], at: string[]): string[] =>
    fs.flatMap((f) => [
      ...Object.values(f.constraints ?? {}).map((m) => `${[...at, f.property].join(".")}: ${m}`),
      ...walk(f.children ?? [], [...at, f.property]),
    ]);
  return walk((error?.extensions?.validationErrors as Failure[] | undefined) ?? [], []);
}

const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id } userErrors { code field message } } }`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code field message } } }`;
const CREATE_PROPERTY = `mutation($i: CreatePropertyInput!) { createProperty(input: $i) { property { id } userErrors { code field message } } }`;

describe("bad input gets a clear error and writes nothing", () => {
  it("an invalid organisation number", async () => {
    const before = await tableCounts(api);
    const r = await api.gql(
      CREATE_ORG,
      { i: { kind: "CUSTOMER", name: "Fel AB", organisationNumber: "123456-7890" } },
      admin,
    );
    expect(r.data.createOrganisation.organisation).toBeNull();
    expect(r.data.createOrganisation.userErrors).toEqual([
      {
        code: "INVALID_ORGANISATION_NUMBER",
        field: ["input", "organisationNumber"],
        message: expect.stringContaining("is not a valid Swedish organisation number"),
      },
    ]);
    expect(await tableCounts(api)).toEqual(before);
  });

  it("an invalid e-mail address", async () => {
    const before = await tableCounts(api);
    const r = await api.gql(
      CREATE_USER,
      {
        i: {
          organisationId: customerId,
          name: "X",
          email: "not-an-email",
          role: "CUSTOMER_ADMIN",
          password: "long-enough-password",
        },
      },
      admin,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toMatch(/email/i);
    expect(await tableCounts(api)).toEqual(before);
  });

  it("a refused input is not echoed back: the rule and the field, never the rest of the input (a password)", async () => {
    const before = await tableCounts(api);
    const r = await api.gql(
      CREATE_USER,
      {
        i: {
          organisationId: customerId,
          name: "x".repeat(201),
          email: "echo@brfkastanjen.demo",
          role: "CUSTOMER_ADMIN",
          password: "a-password-only-its-owner-knows",
        },
      },
      admin,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(brokenRules(r.errors?.[0])).toEqual([expect.stringMatching(/^name: /)]);
    expect(JSON.stringify(r)).not.toContain("a-password-only-its-owner-knows");
    expect(JSON.stringify(r)).not.toContain("x".repeat(201));
    expect(await tableCounts(api)).toEqual(before);
  });

  it("a negative number of apartments", async () => {
    const before = await tableCounts(api);
    const r = await api.gql(
      CREATE_PROPERTY,
      { i: { customerId, name: "Hus", streetAddress: "Gatan 1", postalCode: "41101", city: "Gbg", apartments: -3 } },
      admin,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toMatch(/apartments/);
    expect(await tableCounts(api)).toEqual(before);
  });

  it("a name that is too long is refused by validation", async () => {
    const before = await tableCounts(api);
    const r = await api.gql(
      CREATE_ORG,
      { i: { kind: "CUSTOMER", name: "x".repeat(201), organisationNumber: "556016-0680" } },
      admin,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await tableCounts(api)).toEqual(before);
  });

  it("a line break in a one-line name or address (CR, LF or a Unicode line separator) is refused, naming the field", async () => {
    const before = await tableCounts(api);
    const cases: [string, string, Record<string, unknown>, string][] = [
      [
        CREATE_PROPERTY,
        "createProperty",
        {
          customerId,
          name: "Hus",
          streetAddress: "Gatan 1\rATTENDEE:mailto:x@example.com",
          postalCode: "41101",
          city: "Göteborg",
          apartments: 3,
        },
        "streetAddress",
      ],
      [
        CREATE_PROPERTY,
        "createProperty",
        {
          customerId,
          name: "Hus\nTvå",
          streetAddress: "Gatan 1",
          postalCode: "41101",
          city: "Göteborg",
          apartments: 3,
        },
        "name",
      ],
      [
        CREATE_PROPERTY,
        "createProperty",
        {
          customerId,
          name: "Hus",
          streetAddress: "Gatan 1",
          postalCode: "41101",
          city: "Göte\u2028borg",
          apartments: 3,
        },
        "city",
      ],
      [
        CREATE_PROPERTY,
        "createProperty",
        { customerId, name: "Hus", streetAddress: "Gatan 1", postalCode: "411\r\n01", city: "Göteborg", apartments: 3 },
        "postalCode",
      ],
      [
        CREATE_ORG,
        "createOrganisation",
        { kind: "CUSTOMER", name: "Rad AB\r\nBcc: x@example.com", organisationNumber: "556016-0680" },
        "name",
      ],
      [
        CREATE_USER,
        "createUser",
        {
          organisationId: customerId,
          name: "Anna\rAndersson",
          email: "anna.rad@example.com",
          role: "CUSTOMER_ADMIN",
          password: "long-enough-password-1",
        },
        "name",
      ],
    ];
    for (const [mutation, field, input, property] of cases) {
      const r = await api.gql(mutation, { i: input }, admin);
      expect(r.data?.[field] ?? null).toBeNull();
      expect(r.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
      expect(brokenRules(r.errors?.[0])).toEqual([`${property}: ${property} must be one line, without line breaks`]);
    }
    expect(await tableCounts(api)).toEqual(before);
  });

  it("a line break in a name sent as a literal, in an API token's name or in a nested input is refused too", async () => {
    const literal = await api.gql(
      `mutation { createOrganisation(input: { kind: CUSTOMER, name: "Rad AB\\rX", organisationNumber: "556016-0680" }) { organisation { id } } }`,
      {},
      admin,
    );
    expect(literal.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(brokenRules(literal.errors?.[0])).toEqual(["name: name must be one line, without line breaks"]);
    const token = await api.gql(
      `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret } }`,
      { i: { name: "CRM\nX" } },
      admin,
    );
    expect(brokenRules(token.errors?.[0])).toEqual(["name: name must be one line, without line breaks"]);
    const visit = await api.gql(
      `mutation($i: CompleteServiceVisitInput!) { completeServiceVisit(input: $i) { userErrors { code } } }`,
      {
        i: {
          visitId: "U2VydmljZVZpc2l0OjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA==",
          signature: { signedByName: "Karin\rÅström", imageDataUrl: "data:image/png;base64,AAAA" },
        },
      },
      admin,
    );
    expect(visit.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(brokenRules(visit.errors?.[0])).toEqual([
      "signature.signedByName: signedByName must be one line, without line breaks",
    ]);
  });

  it("first: 1000 is a clear error, not a silent cap", async () => {
    const r = await api.gql(`{ organisations(first: 1000) { totalCount } }`, {}, admin);
    expect(r.data).toBeNull();
    expect(r.errors?.[0]).toMatchObject({
      message: expect.stringContaining("`first` must be between 0 and 100, got 1000"),
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("every error response carries the request id that is in the logs", async () => {
    const r = await api.gql(`{ organisations(first: 1000) { totalCount } }`, {}, admin);
    expect(r.errors?.[0]?.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("every item of a list input has a limit", () => {
  const RECORD_REVIEW = `mutation($i: RecordSystemReviewInput!) { recordSystemReview(input: $i) { tailoring { id } userErrors { code field } } }`;

  it("refuses an attendee over 200 characters, over 50 attendees and an attendee without a letter, writing nothing", async () => {
    const list = await api.gql(`{ tailorings(first: 50) { edges { node { id currentStep } } } }`, {}, admin);
    const atReview = list.data.tailorings.edges.map((e: any) => e.node).find((t: any) => t.currentStep === "REVIEW");
    expect(atReview).toBeDefined();
    const review = (attendees: string[]) => ({
      i: { tailoringId: atReview.id, meetingOn: "2026-03-01", attendees, findings: [] },
    });
    const before = await tableCounts(api);
    const long = await api.gql(RECORD_REVIEW, review(["x".repeat(201)]), admin);
    expect(long.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const many = await api.gql(RECORD_REVIEW, review(Array.from({ length: 51 }, (_, n) => `Person ${n}`)), admin);
    expect(many.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const invisible = await api.gql(RECORD_REVIEW, review(["Bo Ek", "\u200B\u200D"]), admin);
    expect(invisible.data.recordSystemReview.userErrors).toEqual([
      { code: "INVALID_INPUT", field: ["input", "attendees"] },
    ]);
    expect(await tableCounts(api)).toEqual(before);
  });
});
