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

const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id } userErrors { code field message } } }`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code field message } } }`;
const CREATE_PROPERTY = `mutation($i: CreatePropertyInput!) { createProperty(input: $i) { property { id } userErrors { code field message } } }`;

describe("bad input gets a clear error and writes nothing", () => {
  it("an invalid organisation number", async () => {
    const before = await tableCounts(api);
    const r = await api.gql(CREATE_ORG, { i: { kind: "CUSTOMER", name: "Fel AB", organisationNumber: "123456-7890" } }, admin);
    expect(r.data.createOrganisation.organisation).toBeNull();
    expect(r.data.createOrganisation.userErrors).toEqual([
      { code: "INVALID_ORGANISATION_NUMBER", field: ["input", "organisationNumber"], message: expect.stringContaining("is not a valid Swedish organisation number") },
    ]);
    expect(await tableCounts(api)).toEqual(before);
  });

  it("an invalid e-mail address", async () => {
    const before = await tableCounts(api);
    const r = await api.gql(CREATE_USER, { i: { organisationId: customerId, name: "X", email: "not-an-email", role: "CUSTOMER_ADMIN", password: "long-enough-password" } }, admin);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toMatch(/email/i);
    expect(await tableCounts(api)).toEqual(before);
  });

  it("a negative number of apartments", async () => {
    const before = await tableCounts(api);
    const r = await api.gql(CREATE_PROPERTY, { i: { customerId, name: "Hus", streetAddress: "Gatan 1", postalCode: "41101", city: "Gbg", apartments: -3 } }, admin);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toMatch(/apartments/);
    expect(await tableCounts(api)).toEqual(before);
  });

  it("a name that is too long is refused by validation", async () => {
    const before = await tableCounts(api);
    const r = await api.gql(CREATE_ORG, { i: { kind: "CUSTOMER", name: "x".repeat(201), organisationNumber: "556016-0680" } }, admin);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await tableCounts(api)).toEqual(before);
  });

  it("first: 1000 is a clear error, not a silent cap", async () => {
    const r = await api.gql(`{ organisations(first: 1000) { totalCount } }`, {}, admin);
    expect(r.data).toBeNull();
    expect(r.errors?.[0]).toMatchObject({ message: expect.stringContaining("`first` must be between 0 and 100, got 1000"), extensions: { code: "BAD_USER_INPUT" } });
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
    const review = (attendees: string[]) => ({ i: { tailoringId: atReview.id, meetingOn: "2026-03-01", attendees, findings: [] } });
    const before = await tableCounts(api);
    const long = await api.gql(RECORD_REVIEW, review(["x".repeat(201)]), admin);
    expect(long.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const many = await api.gql(RECORD_REVIEW, review(Array.from({ length: 51 }, (_, n) => `Person ${n}`)), admin);
    expect(many.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const invisible = await api.gql(RECORD_REVIEW, review(["Bo Ek", "\u200B\u200D"]), admin);
    expect(invisible.data.recordSystemReview.userErrors).toEqual([{ code: "INVALID_INPUT", field: ["input", "attendees"] }]);
    expect(await tableCounts(api)).toEqual(before);
  });
});
