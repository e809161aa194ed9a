import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactRequests, emailOutbox, properties, supportCases } from "../src/db/schema/index.js";
import { toGlobalId } from "../src/shared/ids.js";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
const token: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  for (const [k, email] of Object.entries({
    admin: "admin@aptus.demo",
    sara: "sara.saljare@aptus.demo",
    tomas: "tomas.tekniker@aptus.demo",
    petra: "petra@nordsak.demo",
    lars: "lars@lasteknikvast.demo",
    bo: "bo@brflinne.demo",
    karin: "karin@vastkustfast.demo",
  }))
    token[k] = await api.login(email);
});
afterAll(async () => {
  await api?.close();
});

const SEND = `mutation($i: SendContactRequestInput!) {
  sendContactRequest(input: $i) { answerDueAt userErrors { code field } }
}`;
const CASE = `supportCase { id number severity priority category routedTo partner { name } subject description openedAt responseDueAt
  openedBy { name } contactSender { name email }
  coveredByAgreement customer { name } }`;
const LINK = `mutation($i: LinkContactRequestInput!) {
  linkContactRequest(input: $i) { contactRequest { id systemDown organisation { name } ${CASE} } userErrors { code field } }
}`;
const REGISTER = `mutation($i: RegisterCustomerFromContactRequestInput!) {
  registerCustomerFromContactRequest(input: $i) { contactRequest { id ${CASE} } userErrors { code field } }
}`;

/** Sends a request from the public page and answers its id (as staff see it) and the answer time of its receipt. */
async function send(over: Record<string, unknown>): Promise<{ id: string; answerDueAt: string }> {
  const i = { kind: "HELP", name: "Gunnar Styrelse", message: "Porten går inte att öppna.\nSedan i morse.", ...over };
  const r = await api.gql(SEND, { i }, null);
  expect(r.data.sendContactRequest.userErrors).toEqual([]);
  const [row] = await api.database.db
    .select()
    .from(contactRequests)
    .where(eq(contactRequests.email, String(over.email)));
  return {
    id: toGlobalId("ContactRequest", row!.id),
    answerDueAt: r.data.sendContactRequest.answerDueAt,
  };
}

async function organisationId(search: string, kind: string): Promise<string> {
  const r = await api.gql(
    `query($s: String) { organisations(first: 50, filter: { search: $s }) { edges { node { id kind } } } }`,
    { s: search },
    token.admin,
  );
  return r.data.organisations.edges.find((e: any) => e.node.kind === kind).node.id;
}

async function caseCount(): Promise<number> {
  return (await api.database.db.select().from(supportCases)).length;
}

describe("a help request from the contact page becomes a support case", () => {
  it("opens a QUESTION case in the vendor's queue when the request is registered as a new customer, due exactly when the receipt said", async () => {
    const sent = await send({ email: "gunnar@brfbjorken.example" });
    const r = await api.gql(
      REGISTER,
      { i: { id: sent.id, name: "Brf Björken", organisationNumber: "769640-1236" } },
      token.admin,
    );
    expect(r.data.registerCustomerFromContactRequest.userErrors).toEqual([]);
    const c = r.data.registerCustomerFromContactRequest.contactRequest.supportCase;
    expect(c).toMatchObject({
      severity: "QUESTION",
      category: "OTHER",
      routedTo: "VENDOR",
      coveredByAgreement: false,
      customer: { name: "Brf Björken" },
      subject: "Kontaktformuläret: Porten går inte att öppna. (Gunnar Styrelse)",
    });
    // The text is the sender's own, and the case says so: written by them on the contact page, not by the staff
    // member who linked it (who is still on record as having opened the case).
    expect(c.description).toBe("Porten går inte att öppna.\nSedan i morse.");
    expect(c.contactSender).toEqual({ name: "Gunnar Styrelse", email: "gunnar@brfbjorken.example" });
    expect(c.openedBy).toEqual({ name: "Anna Admin" });
    // The clock runs from when the sender asked, so the case is due at the very moment the receipt promised.
    expect(c.responseDueAt).toBe(sent.answerDueAt);
    const [row] = await api.database.db
      .select()
      .from(contactRequests)
      .where(eq(contactRequests.email, "gunnar@brfbjorken.example"));
    expect(new Date(c.openedAt).getTime()).toBe(row!.receivedAt.getTime());
    // It waits in support's queue like any case.
    const queue = await api.gql(`{ supportCases(first: 100) { edges { node { id } } } }`, {}, token.tomas);
    expect(queue.data.supportCases.edges.map((e: any) => e.node.id)).toContain(c.id);
  });

  it("lets support register the sender's organisation from a help request in one click, opening its case; support registers no customer otherwise", async () => {
    const sent = await send({ email: "greta@brfalmen.example", organisationName: "Brf Almen" });
    const listed = await api.gql(
      `{ contactRequests(first: 50, filter: { linked: false }) { edges { node { id viewerCanRegisterCustomer } } } }`,
      {},
      token.tomas,
    );
    expect(
      listed.data.contactRequests.edges.find((e: any) => e.node.id === sent.id).node.viewerCanRegisterCustomer,
    ).toBe(true);
    const r = await api.gql(
      REGISTER,
      { i: { id: sent.id, name: "Brf Almen", organisationNumber: "769640-1251" } },
      token.tomas,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.registerCustomerFromContactRequest.userErrors).toEqual([]);
    const c = r.data.registerCustomerFromContactRequest.contactRequest.supportCase;
    expect(c).toMatchObject({ severity: "QUESTION", routedTo: "VENDOR", customer: { name: "Brf Almen" } });
    expect(c.openedBy).toEqual({ name: "Tomas Tekniker" });
    expect(c.responseDueAt).toBe(sent.answerDueAt);
    // The customer is an ordinary customer of the vendor's, registered by no partner.
    const almen = await organisationId("Brf Almen", "CUSTOMER");
    expect(almen).toBeTruthy();
    // Only from a help request: createOrganisation stays the sellers' and admins'.
    const direct = await api.gql(
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id } } }`,
      { i: { kind: "CUSTOMER", name: "Brf Lönnen", organisationNumber: "769640-1269" } },
      token.tomas,
    );
    expect(direct.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // A taken number writes nothing: the request stays unlinked and no case is opened.
    const before = await caseCount();
    const second = await send({ email: "gustav@brfalmen.example" });
    const taken = await api.gql(
      REGISTER,
      { i: { id: second.id, name: "Brf Almen igen", organisationNumber: "769640-1251" } },
      token.tomas,
    );
    expect(taken.data.registerCustomerFromContactRequest.userErrors[0].code).toBe("ORGANISATION_NUMBER_TAKEN");
    expect(await caseCount()).toBe(before);
  });

  it("opens a SYSTEM_DOWN case when the sender said the whole system is down, due no later than the receipt said", async () => {
    const quiet = await send({ email: "fraga@brfkastanjen.example" });
    const down = await send({ email: "nere@brfkastanjen.example", systemDown: true });
    // The receipt's promise follows what the sender said: the whole system down is answered sooner.
    expect(new Date(down.answerDueAt).getTime()).toBeLessThan(new Date(quiet.answerDueAt).getTime());
    const kastanjen = await organisationId("Kastanjen", "CUSTOMER");
    const r = await api.gql(LINK, { i: { id: down.id, organisationId: kastanjen } }, token.tomas);
    expect(r.data.linkContactRequest.userErrors).toEqual([]);
    const request = r.data.linkContactRequest.contactRequest;
    expect(request.systemDown).toBe(true);
    expect(request.supportCase).toMatchObject({ severity: "SYSTEM_DOWN", customer: { name: "Brf Kastanjen" } });
    expect(new Date(request.supportCase.responseDueAt).getTime()).toBeLessThanOrEqual(
      new Date(down.answerDueAt).getTime(),
    );
  });

  it("refuses to make a partner's case of a help request, and writes nothing", async () => {
    const sent = await send({ email: "tekniker@installator.example" });
    const partner = await organisationId("Nordsäk", "PARTNER");
    const before = await caseCount();
    const r = await api.gql(LINK, { i: { id: sent.id, organisationId: partner } }, token.tomas);
    expect(r.data.linkContactRequest.userErrors).toEqual([
      { code: "HELP_NEEDS_CUSTOMER", field: ["input", "organisationId"] },
    ]);
    expect(await caseCount()).toBe(before);
    const [row] = await api.database.db
      .select()
      .from(contactRequests)
      .where(eq(contactRequests.email, "tekniker@installator.example"));
    expect(row!.organisationId).toBeNull();
  });

  it("leaves a sales lead a lead: linking it opens no case", async () => {
    const sent = await send({ kind: "AGREEMENT", email: "ordforande@brfkastanjen.example", systemDown: true });
    const kastanjen = await organisationId("Kastanjen", "CUSTOMER");
    const before = await caseCount();
    const r = await api.gql(LINK, { i: { id: sent.id, organisationId: kastanjen } }, token.sara);
    expect(r.data.linkContactRequest.userErrors).toEqual([]);
    expect(r.data.linkContactRequest.contactRequest).toMatchObject({ systemDown: false, supportCase: null });
    expect(await caseCount()).toBe(before);
  });

  it("routes a help request about daily operation to the customer's installer as the customer's own case would go, told to the partner, seen by it and by no other partner", async () => {
    const sent = await send({ email: "styrelsen@brflinne.example", message: "Hur lägger vi till en ny tagg?" });
    const linne = await organisationId("Linnégatan", "CUSTOMER");
    const r = await api.gql(
      LINK,
      { i: { id: sent.id, organisationId: linne, category: "DAILY_OPERATION" } },
      token.tomas,
    );
    expect(r.data.linkContactRequest.userErrors).toEqual([]);
    const c = r.data.linkContactRequest.contactRequest.supportCase;
    // Brf Linnégatan 12's one property was installed by Nordsäk: a question about daily operation is theirs.
    expect(c).toMatchObject({
      category: "DAILY_OPERATION",
      routedTo: "PARTNER",
      partner: { name: "Nordsäk Säkerhet AB" },
    });
    const told = await api.database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, "petra@nordsak.demo"));
    expect(told.some((m) => m.subject.includes(c.number))).toBe(true);
    const one = `query($id: ID!) { node(id: $id) { ... on SupportCase { id routedTo contactSender { email } } } }`;
    expect((await api.gql(one, { id: c.id }, token.petra)).data.node).toEqual({
      id: c.id,
      routedTo: "PARTNER",
      contactSender: { email: "styrelsen@brflinne.example" },
    });
    expect((await api.gql(one, { id: c.id }, token.lars)).data.node).toBeNull();
    // The sender's address goes where the case goes: its customer's users see it, another customer's do not.
    expect((await api.gql(one, { id: c.id }, token.bo)).data.node).toMatchObject({
      contactSender: { email: "styrelsen@brflinne.example" },
    });
    expect((await api.gql(one, { id: c.id }, token.karin)).data.node).toBeNull();
  });

  it("keeps a help request named as technical, or not named at all, in the vendor's queue even where an installer is known", async () => {
    const linne = await organisationId("Linnégatan", "CUSTOMER");
    for (const [email, category] of [
      ["a@brflinne.example", "TECHNICAL"],
      ["b@brflinne.example", undefined],
    ] as const) {
      const sent = await send({ email });
      const r = await api.gql(LINK, { i: { id: sent.id, organisationId: linne, category } }, token.tomas);
      expect(r.data.linkContactRequest.userErrors).toEqual([]);
      expect(r.data.linkContactRequest.contactRequest.supportCase).toMatchObject({
        category: category ?? "OTHER",
        routedTo: "VENDOR",
      });
    }
  });

  it("routes by the property staff name, and refuses a property that is not the customer's, writing nothing", async () => {
    const vastkust = await organisationId("Västkustens", "CUSTOMER");
    const all = await api.database.db.select().from(properties);
    const byName = (n: string) => toGlobalId("Property", all.find((p) => p.name === n)!.id);
    const sent = await send({ email: "drift@vastkust.example" });
    const r = await api.gql(
      LINK,
      {
        i: {
          id: sent.id,
          organisationId: vastkust,
          category: "PROGRAMMING",
          propertyId: byName("Kv. Kungsladugård 7"),
        },
      },
      token.tomas,
    );
    expect(r.data.linkContactRequest.userErrors).toEqual([]);
    expect(r.data.linkContactRequest.contactRequest.supportCase).toMatchObject({
      routedTo: "PARTNER",
      partner: { name: "Låsteknik Väst AB" },
    });
    const other = await send({ email: "drift2@vastkust.example" });
    const linne = await organisationId("Linnégatan", "CUSTOMER");
    const before = await caseCount();
    const refused = await api.gql(
      LINK,
      { i: { id: other.id, organisationId: linne, category: "PROGRAMMING", propertyId: byName("Kv. Majorna 12") } },
      token.tomas,
    );
    expect(refused.data.linkContactRequest.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "propertyId"] }]);
    expect(await caseCount()).toBe(before);
  });
});
