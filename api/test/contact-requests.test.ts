import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactRequests, emailOutbox } from "../src/db/schema/index.js";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
const token: Record<string, string> = {};

beforeAll(async () => {
  // Small limits, so the test reaches them: two requests per e-mail address, six per network address.
  api = await startTestApi({ env: { CONTACT_MAX_PER_EMAIL: 2, CONTACT_MAX_PER_ADDRESS: 6 } });
  for (const [k, email] of Object.entries({
    admin: "admin@aptus.demo",
    sara: "sara.saljare@aptus.demo",
    tomas: "tomas.tekniker@aptus.demo",
    karin: "karin@vastkustfast.demo",
    petra: "petra@nordsak.demo",
  }))
    token[k] = await api.login(email);
});
afterAll(async () => {
  await api?.close();
});

const SEND = `mutation($i: SendContactRequestInput!) {
  sendContactRequest(input: $i) { answerDueAt userErrors { code field message } }
}`;
const LIST = `query($f: ContactRequestFilter) {
  contactRequests(first: 50, filter: $f) { totalCount edges { node { id kind name email message organisation { name } } } }
}`;
const LINK = `mutation($i: LinkContactRequestInput!) {
  linkContactRequest(input: $i) { contactRequest { id linkedAt organisation { name } } userErrors { code field } }
}`;
const REGISTER = `mutation($i: RegisterCustomerFromContactRequestInput!) {
  registerCustomerFromContactRequest(input: $i) {
    contactRequest { id organisation { name organisationNumber } } userErrors { code field }
  }
}`;

const request = (over: Record<string, unknown> = {}) => ({
  kind: "HELP",
  name: "Gunnar Styrelse",
  email: "gunnar@brfeken.example",
  organisationName: "Brf Eken",
  message: "Porttelefonen i trapphus B svarar inte sedan i går.",
  ...over,
});

async function rowsFor(email: string) {
  return api.database.db.select().from(contactRequests).where(eq(contactRequests.email, email));
}
async function mailsTo(email: string) {
  return api.database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
}

describe("the public contact page", () => {
  it("stores a help request without log-in and mails the sender a receipt with the support calendar's answer time", async () => {
    const r = await api.gql(SEND, { i: request({ email: "Gunnar@BrfEken.example" }) }, null);
    expect(r.errors).toBeUndefined();
    expect(r.data.sendContactRequest.userErrors).toEqual([]);
    const due = new Date(r.data.sendContactRequest.answerDueAt);
    expect(due.getTime()).toBeGreaterThan(Date.now());
    const [row] = await rowsFor("gunnar@brfeken.example");
    expect(row).toMatchObject({ kind: "HELP", organisationName: "Brf Eken", organisationId: null });
    expect(row!.answerDueAt.getTime()).toBe(due.getTime());
    const [mail] = await mailsTo("gunnar@brfeken.example");
    expect(mail!.subject).toBe("Vi har tagit emot din fråga");
    const swedish = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Stockholm",
      weekday: "long",
      day: "numeric",
      month: "long",
      hour: "2-digit",
      minute: "2-digit",
    }).format(due);
    expect(mail!.body).toContain(`svarar senast ${swedish}`);
  });

  it("answers a missing, too long or malformed field as a userError naming it, and stores nothing", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: "  " }, "REQUIRED", "name"],
      [{ message: "" }, "REQUIRED", "message"],
      [{ email: "inte-en-adress" }, "INVALID_EMAIL", "email"],
      [{ message: "x".repeat(4001) }, "TOO_LONG", "message"],
      [{ name: "n".repeat(201) }, "TOO_LONG", "name"],
      [{ phone: "0".repeat(41) }, "TOO_LONG", "phone"],
    ];
    for (const [over, code, field] of cases) {
      const r = await api.gql(SEND, { i: request({ email: "fel@example.se", ...over }) }, null);
      expect(r.errors, JSON.stringify(over).slice(0, 60)).toBeUndefined();
      expect(r.data.sendContactRequest).toEqual({
        answerDueAt: null,
        userErrors: [expect.objectContaining({ code, field: ["input", field] })],
      });
    }
    expect(await rowsFor("fel@example.se")).toEqual([]);
    // Beyond the API's own text limit the boundary refuses it before it runs: a 400, never an internal error.
    const huge = await api.gql(SEND, { i: request({ message: "x".repeat(20_000) }) }, null);
    expect(huge.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("drops a request whose honeypot is filled, answering as if it were stored", async () => {
    const r = await api.gql(SEND, { i: request({ email: "bot@spam.example", website: "http://spam.example" }) }, null);
    expect(r.data.sendContactRequest.userErrors).toEqual([]);
    expect(r.data.sendContactRequest.answerDueAt).toEqual(expect.any(String));
    expect(await rowsFor("bot@spam.example")).toEqual([]);
    expect(await mailsTo("bot@spam.example")).toEqual([]);
  });

  it("limits requests per e-mail address and per network address", async () => {
    // Two requests above (the receipt's and the honeypot's) spent two of this address's six; refused input none.
    const send = (email: string) => api.gql(SEND, { i: request({ kind: "AGREEMENT", email }) }, null);
    const codes = async (email: string) =>
      (await send(email)).data.sendContactRequest.userErrors.map((e: { code: string }) => e.code);
    expect(await codes("a@limit.example")).toEqual([]);
    expect(await codes("a@limit.example")).toEqual([]);
    expect(await codes("a@limit.example")).toEqual(["TOO_MANY_CONTACT_REQUESTS"]);
    // Another e-mail from the same address still gets through, as the address's sixth; the seventh does not.
    expect(await codes("b@limit.example")).toEqual([]);
    expect(await codes("c@limit.example")).toEqual(["TOO_MANY_CONTACT_REQUESTS"]);
    expect((await rowsFor("a@limit.example")).length).toBe(2);
    expect(await rowsFor("c@limit.example")).toEqual([]);
  });
});

describe("staff link the requests", () => {
  it("shows help requests to support and agreement requests to sellers, and nothing to customers or partners", async () => {
    const kinds = async (who: string) => {
      const r = await api.gql(LIST, { f: { linked: false } }, token[who]);
      return r.errors
        ? r.errors[0]!.extensions!.code
        : [...new Set(r.data.contactRequests.edges.map((e: any) => e.node.kind))].sort();
    };
    expect(await kinds("tomas")).toEqual(["HELP"]);
    expect(await kinds("sara")).toEqual(["AGREEMENT"]);
    expect(await kinds("admin")).toEqual(["AGREEMENT", "HELP"]);
    expect(await kinds("karin")).toBe("FORBIDDEN");
    expect(await kinds("petra")).toBe("FORBIDDEN");
    const anonymous = await api.gql(LIST, {}, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("links a help request to an existing organisation once; another kind's request answers as missing", async () => {
    const help = (await api.gql(LIST, { f: { kind: "HELP", linked: false } }, token.tomas)).data.contactRequests
      .edges[0].node;
    const orgs = await api.gql(
      `{ organisations(first: 50, filter: { search: "Kastanjen" }) { edges { node { id } } } }`,
      {},
      token.tomas,
    );
    const kastanjen = orgs.data.organisations.edges[0].node.id;
    const lead = (await api.gql(LIST, { f: { kind: "AGREEMENT" } }, token.sara)).data.contactRequests.edges[0].node;
    // Support does not see the sellers' leads: linking one answers as a missing request.
    const foreign = await api.gql(LINK, { i: { id: lead.id, organisationId: kastanjen } }, token.tomas);
    expect(foreign.data.linkContactRequest.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "id"] }]);
    const partner = await api.gql(LINK, { i: { id: help.id, organisationId: kastanjen } }, token.petra);
    expect(partner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const linked = await api.gql(LINK, { i: { id: help.id, organisationId: kastanjen } }, token.tomas);
    expect(linked.data.linkContactRequest.userErrors).toEqual([]);
    expect(linked.data.linkContactRequest.contactRequest.organisation.name).toBe("Brf Kastanjen");
    const again = await api.gql(LINK, { i: { id: help.id, organisationId: kastanjen } }, token.admin);
    expect(again.data.linkContactRequest.userErrors).toEqual([{ code: "ALREADY_LINKED", field: ["input", "id"] }]);
    const waiting = await api.gql(LIST, { f: { kind: "HELP", linked: false } }, token.tomas);
    expect(waiting.data.contactRequests.edges.map((e: any) => e.node.id)).not.toContain(help.id);
  });

  it("registers the sender's organisation as a customer and links the lead in one step, for sellers only", async () => {
    const lead = (await api.gql(LIST, { f: { kind: "AGREEMENT", linked: false } }, token.sara)).data.contactRequests
      .edges[0].node;
    const bad = await api.gql(
      REGISTER,
      { i: { id: lead.id, name: "Brf Eken", organisationNumber: "123" } },
      token.sara,
    );
    expect(bad.data.registerCustomerFromContactRequest.userErrors[0].field).toEqual(["input", "organisationNumber"]);
    const r = await api.gql(
      REGISTER,
      { i: { id: lead.id, name: "Brf Eken", organisationNumber: "769640-1236" } },
      token.sara,
    );
    expect(r.data.registerCustomerFromContactRequest.userErrors).toEqual([]);
    expect(r.data.registerCustomerFromContactRequest.contactRequest.organisation).toEqual({
      name: "Brf Eken",
      organisationNumber: "769640-1236",
    });
    // A failed step writes nothing: the number taken now, a second lead is not linked and no customer is made.
    const other = (await api.gql(LIST, { f: { kind: "AGREEMENT", linked: false } }, token.sara)).data.contactRequests
      .edges[0].node;
    const taken = await api.gql(
      REGISTER,
      { i: { id: other.id, name: "Brf Eken 2", organisationNumber: "769640-1236" } },
      token.sara,
    );
    expect(taken.data.registerCustomerFromContactRequest.userErrors[0].code).toBe("ORGANISATION_NUMBER_TAKEN");
    const still = await api.gql(LIST, { f: { kind: "AGREEMENT", linked: false } }, token.sara);
    expect(still.data.contactRequests.edges.map((e: any) => e.node.id)).toContain(other.id);
  });
});
