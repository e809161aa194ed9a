import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EMAILS, PASSWORD, startTestApi, type TestApi } from "./support.js";

/**
 * The support queue (its overdue view too), the visit calendar, the audit trail and the outbox on keyset cursors
 * (decision 0088): a walk through each list, with dozens of rows tied on the sort key, gives every row once, and a
 * cursor that is not one of the list's is BAD_USER_INPUT.
 */
let api: TestApi;
const tokens: Record<"admin" | "karin" | "petra", string> = { admin: "", karin: "", petra: "" };
const TIES = 23;

beforeAll(async () => {
  api = await startTestApi();
  for (const who of ["admin", "karin", "petra"] as const) tokens[who] = await api.login(DEMO_EMAILS[who], PASSWORD);
  const target = (await import("postgres")).default(
    Object.assign(new URL(process.env.TEST_DATABASE_URL!), { pathname: `/${api.databaseName}` }).toString(),
    { max: 1, onnotice: () => {} },
  );
  try {
    // Ties on every part of the key but the last: same moment, and for cases the same deadline too.
    await target`insert into audit_events (occurred_at, action, object_type, object_id, details)
      select '2026-11-30 12:00:00.123456+00', 'test.tie', 'Test', gen_random_uuid(), jsonb_build_object('k', k)
      from generate_series(1, ${TIES}) k`;
    await target`insert into email_outbox (to_address, subject, body, state, created_at, sent_at)
      select 'tie' || k || '@example.com', 'Tie ' || k, 'x', 'SENT', '2026-11-30 12:00:00.654321+00', now()
      from generate_series(1, ${TIES}) k`;
    await target`insert into service_visits (agreement_id, property_id, technician_id, scheduled_at)
      select v.agreement_id, v.property_id, v.technician_id, '2027-02-03 09:00:00.5+00'
      from (select * from service_visits order by scheduled_at limit 1) v, generate_series(1, ${TIES}) k`;
    // Karin's own cases, unanswered and long overdue, tied on the opening moment and the deadline.
    const customerId = (await target`select organisation_id from users where email = ${DEMO_EMAILS.karin}`)[0]!
      .organisation_id as string;
    await target`insert into support_cases
      select (jsonb_populate_record(null::support_cases, to_jsonb(c) || jsonb_build_object(
        'id', gen_random_uuid(), 'number', 'SC-TIE-' || lpad(k::text, 3, '0'), 'status', 'OPEN',
        'opened_at', '2025-03-03T08:00:00.000042+00:00', 'response_due_at',
        case when k % 4 = 0 then null else '2025-03-03T12:00:00+00:00' end,
        'first_responded_at', null, 'resolved_at', null))).*
      from (select * from support_cases where customer_id = ${customerId} order by number limit 1) c,
        generate_series(1, ${TIES}) k`;
  } finally {
    await target.end();
  }
}, 120_000);

afterAll(async () => {
  await api?.close();
});

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; [k: string]: unknown } }[];
}

/** Every page of one list, `size` at a time, as the ids it showed in order. */
async function walk(token: string, field: string, args: string, fields: string, size: number) {
  const query = `query($after: String) { ${field}(${args ? `${args}, ` : ""}first: ${size}, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id ${fields} } } } }`;
  const nodes: Page["edges"][number]["node"][] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let pages = 0; pages < 500; pages++) {
    const r = await api.gql(query, { after }, token);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const page = r.data[field] as Page;
    totalCount = page.totalCount;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { nodes, ids: nodes.map((n) => n.id), totalCount };
}

function onceEach(list: { ids: string[]; totalCount: number }) {
  expect(new Set(list.ids).size).toBe(list.ids.length);
  expect(list.ids.length).toBe(list.totalCount);
}

describe("keyset lists", () => {
  it("the audit trail, newest first: every event once though 23 share one microsecond", async () => {
    const list = await walk(tokens.admin, "auditEvents", "", "occurredAt action", 4);
    onceEach(list);
    expect(list.nodes.filter((n) => n.action === "test.tie")).toHaveLength(TIES);
    const times = list.nodes.map((n) => Date.parse(n.occurredAt as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("the outbox, newest first, narrowed or not", async () => {
    const all = await walk(tokens.admin, "emails", "", "subject createdAt", 5);
    onceEach(all);
    expect(all.nodes.filter((n) => String(n.subject).startsWith("Tie "))).toHaveLength(TIES);
    const sent = await walk(tokens.admin, "emails", "filter: { state: [SENT] }", "subject", 3);
    onceEach(sent);
  });

  it("the visit calendar, by time and done ones latest first", async () => {
    const all = await walk(tokens.admin, "serviceVisits", "", "scheduledAt", 4);
    onceEach(all);
    expect(all.nodes.filter((n) => n.scheduledAt === "2027-02-03T09:00:00.500Z")).toHaveLength(TIES);
    const times = all.nodes.map((n) => Date.parse(n.scheduledAt as string));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    onceEach(await walk(tokens.petra, "serviceVisits", "", "scheduledAt", 5));
    onceEach(await walk(tokens.admin, "serviceVisits", "filter: { done: true }", "scheduledAt", 2));
  });

  it("the support queue, its overdue view, and a customer's own cases", async () => {
    const queue = await walk(tokens.admin, "supportCases", "", "number responseDueAt", 4);
    onceEach(queue);
    const ties = queue.nodes.filter((n) => String(n.number).startsWith("SC-TIE-"));
    expect(ties).toHaveLength(TIES);
    // Deadlines first, earliest first; the cases without one after them all.
    const dues = queue.nodes.map((n) => (n.responseDueAt ? Date.parse(n.responseDueAt as string) : Infinity));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const overdue = await walk(tokens.admin, "supportCases", "filter: { deadline: OVERDUE }", "number", 3);
    onceEach(overdue);
    expect(overdue.nodes.filter((n) => String(n.number).startsWith("SC-TIE-")).length).toBeGreaterThan(10);
    const own = await walk(tokens.karin, "supportCases", "", "number openedAt", 4);
    onceEach(own);
    expect(own.nodes.filter((n) => String(n.number).startsWith("SC-TIE-"))).toHaveLength(TIES);
    onceEach(await walk(tokens.petra, "supportCases", "", "number", 5));
  });

  it("answers totalCount through the compiled executor when asked for, in a named fragment too", async () => {
    const q = `query { agreements(first: 1) { ...T edges { node { id } } } supportCases(first: 1) { edges { cursor } } }
      fragment T on AgreementConnection { totalCount }`;
    const r = await api.gql(q, {}, tokens.petra);
    expect(r.errors).toBeUndefined();
    expect(r.data.agreements.totalCount).toBeGreaterThan(0);
    expect(r.data.supportCases.totalCount).toBeUndefined();
  });

  it("refuses a cursor that is not the list's as BAD_USER_INPUT, an old offset cursor too", async () => {
    const b64 = (text: string) => Buffer.from(text).toString("base64url");
    const cursors = [
      "garbage",
      b64("o:20"),
      b64("k:[1,2]"),
      b64('k:["2026-01-01T00:00:00Z"]'),
      b64('k:["yesterday","00000000-0000-4000-8000-000000000000"]'),
      b64('k:["2026-01-01T00:00:00Z",42]'),
      b64('k:["2026-02-30T00:00:00Z","SC-1"]'),
      b64('k:["2026-01-01T00:00:00Z","2026-01-01T00:00:00Z","SC-1","x"]'),
    ];
    for (const [field, token] of [
      ["auditEvents", tokens.admin],
      ["emails", tokens.admin],
      ["serviceVisits", tokens.admin],
      ["supportCases", tokens.admin],
      ["supportCases", tokens.karin],
    ] as const)
      for (const after of cursors) {
        const r = await api.gql(
          `query($a: String) { ${field}(first: 2, after: $a) { totalCount } }`,
          { a: after },
          token,
        );
        expect(r.errors?.[0]?.extensions?.code, `${field} ${after}`).toBe("BAD_USER_INPUT");
        expect(r.errors?.[0]?.message).toMatch(/cursor/);
      }
    // A day no calendar has, which JavaScript's Date.parse rolls over to March and PostgreSQL refuses.
    for (const key of ['["2026-02-30","TA-1"]', '["0000-01-01","TA-1"]']) {
      const r = await api.gql(
        `query($a: String) { agreements(first: 2, after: $a) { totalCount } }`,
        {
          a: b64(`k:${key}`),
        },
        tokens.petra,
      );
      expect(r.errors?.[0]?.extensions?.code, key).toBe("BAD_USER_INPUT");
    }
    // An id part that is not a UUID, which PostgreSQL would refuse with an error of its own.
    const notUuid = b64('k:["2026-01-01T00:00:00Z","not-a-uuid"]');
    for (const field of ["auditEvents", "emails", "serviceVisits"]) {
      const r = await api.gql(
        `query($a: String) { ${field}(first: 2, after: $a) { totalCount } }`,
        { a: notUuid },
        tokens.admin,
      );
      expect(r.errors?.[0]?.extensions?.code, field).toBe("BAD_USER_INPUT");
    }
  });
});
