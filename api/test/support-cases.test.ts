import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
const token: Record<string, string> = {};
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").toString("base64");

beforeAll(async () => {
  api = await startTestApi();
  for (const [k, email] of Object.entries({
    admin: "admin@aptus.demo",
    tomas: "tomas.tekniker@aptus.demo",
    petra: "petra@nordsak.demo",
    lars: "lars@lasteknikvast.demo",
    karin: "karin@vastkustfast.demo",
    eva: "eva@alvstranden.demo",
    britt: "britt@brfkastanjen.demo",
  })) {
    token[k] = await api.login(email);
  }
});
afterAll(() => api?.close());

describe("supportCalendar over HTTP", () => {
  it("names the closed days and counts deadlines in open hours", async () => {
    const r = await api.gql(
      `{ supportCalendar {
          openingHours(from: "2026-06-18", to: "2026-06-22") {
            date opensAt closesAt closedReason closedKind english: closedReason(language: EN)
          }
          responseDeadline(from: "2026-05-15T15:30:00+02:00", openHours: 4)
          openHoursBetween(from: "2026-03-27T12:00:00+01:00", to: "2026-03-30T12:00:00+02:00")
          isOpen(at: "2026-12-24T10:00:00+01:00")
          nextOpening(after: "2026-12-24T10:00:00+01:00")
      } }`,
      {},
      token.karin,
    );
    expect(r.errors).toBeUndefined();
    const c = r.data.supportCalendar;
    expect(
      c.openingHours.map((d: { date: string; closedReason: string | null; opensAt: string | null }) => [
        d.date,
        d.closedReason,
        d.opensAt,
      ]),
    ).toEqual([
      ["2026-06-18", null, "2026-06-18T06:00:00.000Z"],
      ["2026-06-19", "Midsommarafton", null],
      ["2026-06-20", "Midsommardagen", null],
      ["2026-06-21", "Söndag", null],
      ["2026-06-22", null, "2026-06-22T06:00:00.000Z"],
    ]);
    expect(c.openingHours.map((d: { english: string | null }) => d.english)).toEqual([
      null,
      "Midsummer Eve",
      "Midsummer Day",
      "Sunday",
      null,
    ]);
    expect(c.responseDeadline).toBe("2026-05-18T09:30:00.000Z");
    expect(c.openHoursBetween).toBe(8);
    expect(c.isOpen).toBe(false);
    expect(c.nextOpening).toBe("2026-12-28T07:00:00.000Z");
  });

  it("answers wrong questions with BAD_USER_INPUT, never an internal error", async () => {
    const asks = [
      `openHoursBetween(from: "2026-03-02T10:00:00Z", to: "2026-03-01T10:00:00Z")`,
      `openHoursBetween(from: "2026-01-01T10:00:00Z", to: "2027-06-01T10:00:00Z")`,
      `openingHours(from: "2026-03-02", to: "2026-03-01") { date }`,
      `openingHours(from: "2026-01-01", to: "2027-06-01") { date }`,
      `responseDeadline(from: "2026-03-02T10:00:00Z", openHours: -1)`,
      `responseDeadline(from: "2026-03-02T10:00:00Z", openHours: 100000)`,
      `isOpen(at: "9999-01-01T10:00:00Z")`,
      `openingHours(from: "1900-01-01", to: "1900-01-02") { date }`,
    ];
    for (const ask of asks) {
      const r = await api.gql(`{ supportCalendar { ${ask} } }`, {}, token.karin);
      expect(r.errors?.[0]?.extensions?.code, ask).toBe("BAD_USER_INPUT");
    }
  });

  it("lets only admins close a day", async () => {
    const m = `mutation($i: SetSupportCalendarExceptionInput!) { setSupportCalendarException(input: $i) { exception { date reason } userErrors { code } } }`;
    const i = { date: "2026-12-30", reason: "Inventering" };
    expect((await api.gql(m, { i }, token.tomas)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const ok = await api.gql(m, { i }, token.admin);
    expect(ok.data.setSupportCalendarException.exception).toEqual(i);
    const day = await api.gql(
      `{ supportCalendar { openingHours(from: "2026-12-30", to: "2026-12-30") { closedReason closedKind } } }`,
      {},
      token.karin,
    );
    expect(day.data.supportCalendar.openingHours[0]).toEqual({ closedReason: "Inventering", closedKind: "EXCEPTION" });
  });

  it("previews a closed day for admins only, and answers a bad one with a userError", async () => {
    const q = `query($i: SetSupportCalendarExceptionInput!) { supportCalendarExceptionPreview(input: $i) {
      moves { supportCase { number } responseDueBefore responseDueAfter } userErrors { code field } } }`;
    const i = { date: "2027-01-05", reason: "Inventering" };
    for (const who of ["tomas", "petra", "karin"]) {
      const refused = await api.gql(q, { i }, token[who]);
      expect(refused.errors?.[0]?.extensions?.code, who).toBe("FORBIDDEN");
      expect(refused.data?.supportCalendarExceptionPreview ?? null, who).toBeNull();
    }
    const ok = await api.gql(q, { i }, token.admin);
    expect(ok.data.supportCalendarExceptionPreview.userErrors).toEqual([]);
    expect(Array.isArray(ok.data.supportCalendarExceptionPreview.moves)).toBe(true);
    const bad = await api.gql(q, { i: { ...i, opensAt: "10:00" } }, token.admin);
    expect(bad.data.supportCalendarExceptionPreview).toEqual({
      moves: null,
      userErrors: [{ code: "INVALID_OPENING_TIMES", field: ["input", "closesAt"] }],
    });
  });
});

const OPEN = `mutation($i: OpenSupportCaseInput!) { openSupportCase(input: $i) {
  supportCase { id number routedTo routingReason { code messageSv } priority responseDueAt partner { name } attachments { id contentType } }
  userErrors { code field } } }`;

describe("support cases over HTTP", () => {
  it("routes, answers and keeps every case, message and attachment inside its tenant", async () => {
    const opened = await api.gql(
      OPEN,
      {
        i: {
          category: "PROGRAMMING",
          subject: "Ny port",
          description: "Koppla in porten mot gården.",
          attachments: [{ fileName: "port.png", contentBase64: PNG }],
        },
      },
      token.britt,
    );
    expect(opened.errors).toBeUndefined();
    const c = opened.data.openSupportCase.supportCase;
    expect([c.routedTo, c.routingReason.code, c.priority, c.partner]).toEqual([
      "VENDOR",
      "NO_INSTALLER",
      "NORMAL",
      null,
    ]);
    expect(c.responseDueAt).toBeTruthy();
    const reply = await api.gql(
      `mutation($i: ReplyToSupportCaseInput!) { replyToSupportCase(input: $i) { message { id } userErrors { code } } }`,
      { i: { caseId: c.id, body: "Vi tittar på det." } },
      token.tomas,
    );
    const note = await api.gql(
      `mutation($i: ReplyToSupportCaseInput!) { replyToSupportCase(input: $i) { message { id } userErrors { code } } }`,
      { i: { caseId: c.id, body: "Intern", internal: true } },
      token.tomas,
    );
    const ids = { c: c.id, m: reply.data.replyToSupportCase.message.id, a: c.attachments[0].id };

    const q = `query($c: ID!, $m: ID!, $a: ID!) { c: node(id: $c) { id } m: node(id: $m) { id } a: node(id: $a) { id } }`;
    for (const stranger of ["eva", "karin", "petra", "lars"]) {
      const r = await api.gql(q, ids, token[stranger]);
      expect(r.errors, stranger).toBeUndefined();
      expect(r.data, stranger).toEqual({ c: null, m: null, a: null });
      const list = await api.gql(`{ supportCases(first: 100) { edges { node { id } } } }`, {}, token[stranger]);
      expect(list.data.supportCases.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(c.id);
      const write = await api.gql(
        `mutation($i: ReplyToSupportCaseInput!) { replyToSupportCase(input: $i) { userErrors { code } } }`,
        { i: { caseId: c.id, body: "hej" } },
        token[stranger],
      );
      expect(write.data.replyToSupportCase.userErrors[0].code).toBe("NOT_FOUND");
    }
    const own = await api.gql(
      `query($c: ID!) { node(id: $c) { ... on SupportCase { messages { body internal } attachments { contentBase64 } } } }`,
      { c: c.id },
      token.britt,
    );
    expect(own.data.node.messages).toEqual([{ body: "Vi tittar på det.", internal: false }]);
    expect(own.data.node.attachments[0].contentBase64).toBe(PNG);
    const staff = await api.gql(
      `query($c: ID!) { node(id: $c) { ... on SupportCase { messages { id internal } } } }`,
      { c: c.id },
      token.tomas,
    );
    expect(staff.data.node.messages.map((m: { id: string }) => m.id)).toContain(
      note.data.replyToSupportCase.message.id,
    );
  });

  it("gives the partner its routed cases and support a queue sorted by deadline with the overdue ones marked", async () => {
    const partner = await api.gql(
      `{ supportCases(first: 100) { edges { node { number routedTo partner { name } customer { name } } } } }`,
      {},
      token.petra,
    );
    const mine = partner.data.supportCases.edges.map((e: { node: { partner: { name: string } } }) => e.node);
    expect(mine.length).toBeGreaterThan(0);
    expect(
      mine.every(
        (n: { routedTo: string; partner: { name: string } }) =>
          n.routedTo === "PARTNER" && n.partner.name === "Nordsäk Säkerhet AB",
      ),
    ).toBe(true);

    const queue = await api.gql(
      `{ supportCases(first: 100, filter: { status: [OPEN, WAITING_ON_CUSTOMER] }) { edges { node { number responseDueAt overdue nearDeadline openHoursLeft status } } } }`,
      {},
      token.tomas,
    );
    expect(queue.errors).toBeUndefined();
    const nodes = queue.data.supportCases.edges.map((e: { node: { responseDueAt: string | null } }) => e.node);
    const dues = nodes.map((n: { responseDueAt: string | null }) => n.responseDueAt).filter(Boolean);
    expect(dues).toEqual([...dues].sort());
    expect(nodes.some((n: { overdue: boolean; openHoursLeft: number }) => n.overdue && n.openHoursLeft <= 0)).toBe(
      true,
    );
  });

  it("tells the assignee apart from a colleague with the same name by id, for the staff only", async () => {
    const org = await api.gql(`{ viewer { organisation { id } } }`, {}, token.admin);
    const twins: string[] = [];
    for (const n of [1, 2]) {
      const made = await api.gql(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code } } }`,
        {
          i: {
            organisationId: org.data.viewer.organisation.id,
            name: "Lika Namn",
            email: `lika${n}@aptus.demo`,
            role: "SUPPORT",
            password: "ett-långt-lösenord",
          },
        },
        token.admin,
      );
      expect(made.data.createUser.userErrors).toEqual([]);
      twins.push(made.data.createUser.user.id);
    }
    const opened = await api.gql(
      OPEN,
      { i: { category: "OTHER", subject: "Vem handlägger?", description: "Två med samma namn." } },
      token.britt,
    );
    const caseId = opened.data.openSupportCase.supportCase.id;
    const assigned = await api.gql(
      `mutation($i: AssignSupportCaseInput!) { assignSupportCase(input: $i) { userErrors { code } } }`,
      { i: { caseId, assigneeId: twins[1] } },
      token.tomas,
    );
    expect(assigned.data.assignSupportCase.userErrors).toEqual([]);

    const q = `query($c: ID!) { node(id: $c) { ... on SupportCase { assignee { name } assigneeUser { id name } } } }`;
    const staff = await api.gql(q, { c: caseId }, token.tomas);
    expect(staff.data.node).toEqual({
      assignee: { name: "Lika Namn" },
      assigneeUser: { id: twins[1], name: "Lika Namn" },
    });
    // The customer sees who handles the case by name; the user is not hers to look up.
    const customer = await api.gql(q, { c: caseId }, token.britt);
    expect(customer.errors).toBeUndefined();
    expect(customer.data.node).toEqual({ assignee: { name: "Lika Namn" }, assigneeUser: null });
  });

  it("refuses an attachment whose content is not an accepted type", async () => {
    const r = await api.gql(
      OPEN,
      {
        i: {
          category: "OTHER",
          subject: "x",
          description: "y",
          attachments: [
            { fileName: "bild.png", contentBase64: Buffer.from([0x4d, 0x5a, 0, 1, 2, 3]).toString("base64") },
          ],
        },
      },
      token.karin,
    );
    expect(r.data.openSupportCase.userErrors[0]).toEqual({
      code: "ATTACHMENT_TYPE_NOT_ALLOWED",
      field: ["input", "attachments", "0"],
    });
  });
});
