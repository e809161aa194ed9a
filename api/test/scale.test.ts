import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../src/db/client.js";
import { createAgreement, renewAgreement, terminateAgreement } from "../src/modules/agreements/agreement.service.js";
import { seedScale } from "../src/seed/scale.js";
import type { Viewer } from "../src/shared/viewer.js";
import { graphqlAs } from "../src/test-support.js";
import { planOf, planProblems } from "./query-plans.js";
import { emptyTestDatabase } from "./support.js";

/**
 * Issue 23 on the scale data set at a hundredth of its size (1,000 agreements, 900 of one installer's, a few dozen
 * ending on each month's last day): keyset pages over whole lists, and the plans of the statements a page runs.
 */
const FACTOR = 0.01;

const PAGE = `query Page($first: Int, $after: String, $last: Int, $before: String, $filter: AgreementFilter) {
  agreements(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node {
      id number
      customer { id name organisationNumber }
      properties { id name }
      licenceRentals { id kind quantity startsOn endsOn }
    } }
  }
}`;
interface Page {
  agreements: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: { cursor: string; node: { number: string } }[];
  };
}

let target: Awaited<ReturnType<typeof emptyTestDatabase>>;
let database: Database;
let sql: postgres.Sql;
let captured: { statement: string; params: unknown[] }[] | null = null;
let partner: Viewer;
let admin: Viewer;
let seller: Viewer;

beforeAll(async () => {
  target = await emptyTestDatabase("trygg_scale");
  database = await openDatabase({
    url: target.url,
    onQuery: (statement, params) => captured?.push({ statement, params }),
  });
  await database.migrate();
  // Seeded over a pool whose statement timeout no statement of the load could meet: the seed lifts it for itself.
  const loader = await openDatabase({ url: target.url, postgres: { statementTimeoutMs: 300 } });
  try {
    await seedScale(loader.db, FACTOR);
  } finally {
    await loader.close();
  }
  sql = postgres(target.url, { max: 1, onnotice: () => {} });
  const [ids] = await sql`select
    (select id from organisations where name = 'Installatör 01 AB') as partner,
    (select id from organisations where kind = 'VENDOR') as vendor,
    (select id from users where email = 'saljare1@skala.test') as seller`;
  const viewer = (role: Viewer["role"], organisationId: string, organisationKind: Viewer["organisationKind"]) => ({
    userId: organisationKind === "VENDOR" ? (ids!.seller as string) : "00000000-0000-4000-8000-000000000001",
    name: "Skala",
    email: "skala@skala.test",
    role,
    organisationId,
    organisationKind,
    sessionId: null,
    apiTokenId: null,
    requestId: null,
  });
  partner = viewer("PARTNER_ADMIN", ids!.partner as string, "PARTNER");
  admin = viewer("ADMIN", ids!.vendor as string, "VENDOR");
  seller = viewer("SELLER", ids!.vendor as string, "VENDOR");
}, 300_000);
afterAll(async () => {
  await sql?.end();
  await database?.close();
  await target?.drop();
});

/** The list as one offset query would order it, computed from the periods (not from the stored column). */
async function wholeList(where: string): Promise<string[]> {
  const rows = await sql.unsafe(`select a.number from agreements a where ${where}
    order by (select least(max(p.ends_on), coalesce(a.terminated_on, max(p.ends_on)))
      from agreement_periods p where p.agreement_id = a.id), a.number`);
  return rows.map((r) => r.number as string);
}

async function walk(viewer: Viewer, size: number, between?: (pageNo: number) => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pageNo = 1; ; pageNo++) {
    const { agreements }: Page = await graphqlAs<Page>(database, viewer, PAGE, { first: size, after });
    seen.push(...agreements.edges.map((e) => e.node.number));
    if (!agreements.pageInfo.hasNextPage) return seen;
    after = agreements.pageInfo.endCursor;
    await between?.(pageNo);
  }
}

describe("the scale data set", () => {
  it("has the issue's proportions, every row consistent, and the same rows on every run", async () => {
    const [counts] = await sql`select
      (select count(*) from organisations where kind = 'CUSTOMER')::int as customers,
      (select count(*) from agreements)::int as agreements,
      (select count(*) from properties)::int as properties,
      (select count(*) from licence_rentals)::int as rentals,
      (select count(*) from support_cases)::int as cases,
      (select count(*) from support_case_messages)::int as messages,
      (select count(*) from support_cases where routing_reason = 'ESCALATED')::int as escalated,
      (select count(*) from service_visits)::int as visits,
      (select count(*) from monitoring_checks)::int as checks,
      (select count(*) from agreements a where a.effective_end is distinct from
        (select least(max(p.ends_on), coalesce(a.terminated_on, max(p.ends_on))) from agreement_periods p
          where p.agreement_id = a.id))::int as wrong_ends,
      (select count(*) from agreement_properties ap join agreements a on a.id = ap.agreement_id
        join properties p on p.id = ap.property_id where p.customer_id <> a.customer_id)::int as foreign_properties,
      (select md5(string_agg(a.id::text || a.number || a.effective_end::text || a.partner_id::text, ',' order by a.number))
        from agreements a) as digest`;
    expect(counts).toEqual({
      customers: 100,
      agreements: 1000,
      properties: 3000,
      rentals: 20000,
      cases: 10000,
      // Two each, and the escalation's note on every case an installer left past its deadline (scale-history.ts).
      messages: 20000 + counts!.escalated,
      escalated: expect.any(Number),
      visits: 500,
      checks: 1000,
      wrong_ends: 0,
      foreign_properties: 0,
      digest: expect.any(String),
    });
    expect(counts!.escalated).toBeGreaterThan(0);
    expect(counts!.digest).toBe("24483256a0922eaf167cd2cbd4d146f8");
  });
});

describe("the stored effective end", () => {
  it("follows a renewal and a termination made through the services, and the list's order with it", async () => {
    const clock = { today: "2026-12-06", windowDays: 60 };
    const [a] = await sql`select a.id, a.number, a.effective_end::text as end from agreements a
      where a.partner_id = ${partner.organisationId} and a.activated_at is not null and a.terminated_on is null
        and a.effective_end between '2027-03-31' and '2027-06-30' order by a.number limit 1`;
    const endOf = async () =>
      (await sql`select effective_end::text as e from agreements where id = ${a!.id}`)[0]!.e as string;
    const renewed = await renewAgreement(
      database.db,
      admin,
      { agreementId: a!.id, endsOn: "2031-12-31", carryOverRentals: false },
      clock,
    );
    expect("ok" in renewed).toBe(true);
    expect(await endOf()).toBe("2031-12-31");
    expect((await wholeList(`a.partner_id = '${partner.organisationId}'`)).at(-1)).toBe(a!.number);
    const terminated = await terminateAgreement(
      database.db,
      admin,
      { agreementId: a!.id, terminatesOn: "2027-01-15", reason: "Flyttar" },
      clock,
    );
    expect("ok" in terminated).toBe(true);
    expect(await endOf()).toBe("2027-01-15");
  });
});

describe("keyset pages over whole lists", () => {
  it("give every agreement once, in the offset pages' order, though dozens tie on each end day", async () => {
    const partnerList = await wholeList(`a.partner_id = '${partner.organisationId}'`);
    const [{ ties }] = (await sql`select max(n)::int as ties from (select count(*) n from agreements
      where partner_id = ${partner.organisationId} group by effective_end) t`) as unknown as [{ ties: number }];
    expect(ties).toBeGreaterThan(13);
    expect(await walk(partner, 13)).toEqual(partnerList);
    expect(await walk(admin, 100)).toEqual(await wholeList("true"));
    expect(await walk(seller, 7)).toEqual(await wholeList(`a.seller_id = '${seller.userId}'`));
  });

  it("lose and repeat nothing when agreements are added ahead of the reader between pages", async () => {
    const before = await wholeList(`a.partner_id = '${partner.organisationId}'`);
    const seen = await walk(partner, 50, async (pageNo) => {
      if (pageNo !== 3) return;
      // Two new agreements ending before anything the reader has seen, as another user's renewal could make them.
      await sql`insert into agreements (number, tier, customer_id, partner_id, activated_at)
        select 'TA-NEW-' || k, 'BRF', a.customer_id, a.partner_id, now()
        from (select customer_id, partner_id from agreements where partner_id = ${partner.organisationId}
          order by number limit 1) a cross join generate_series(1, 2) k`;
      await sql`insert into agreement_periods (agreement_id, sequence, starts_on, ends_on)
        select id, 1, '2023-02-01', '2024-01-31' from agreements where number like 'TA-NEW-%'`;
    });
    expect(seen).toEqual(before);
  });

  it("answer a page deep in the list and the page before it as the offset pages do", async () => {
    const list = await wholeList(`a.partner_id = '${partner.organisationId}'`);
    let after: string | null = null;
    for (let i = 0; i < 8; i++)
      after = (await graphqlAs<Page>(database, partner, PAGE, { first: 100, after })).agreements.pageInfo.endCursor;
    const deep = (await graphqlAs<Page>(database, partner, PAGE, { first: 50, after })).agreements;
    expect(deep.edges.map((e) => e.node.number)).toEqual(list.slice(800, 850));
    expect(deep.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: list.length > 850 });
    const back = (await graphqlAs<Page>(database, partner, PAGE, { last: 20, before: deep.pageInfo.startCursor }))
      .agreements;
    expect(back.edges.map((e) => e.node.number)).toEqual(list.slice(780, 800));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });
});

describe("the plans of what the agreement pages run", () => {
  async function statementsOf(viewer: Viewer, variables: Record<string, unknown>) {
    captured = [];
    try {
      await graphqlAs<Page>(database, viewer, PAGE, variables);
      return captured;
    } finally {
      captured = null;
    }
  }

  it("read each page from an index, the first and one deep in the list, for every kind of viewer", async () => {
    const deepCursor = Buffer.from(`k:${JSON.stringify(["2027-12-31", "TA-S-0000500"])}`).toString("base64url");
    for (const [who, viewer] of [
      ["partner", partner],
      ["seller", seller],
      ["vendor staff", admin],
    ] as const) {
      for (const variables of [{ first: 50 }, { first: 50, after: deepCursor }, { last: 50 }]) {
        const statements = await statementsOf(viewer, variables);
        expect(statements.length).toBeLessThanOrEqual(3);
        for (const { statement, params } of statements) {
          const label = `${who} ${JSON.stringify(variables)}: ${statement.slice(0, 120)}`;
          expect(planProblems(await planOf(sql, statement, params)), label).toEqual([]);
        }
      }
    }
  });
});

describe("totalCount (decision 0088)", () => {
  it("is counted only when the query asks for it, in a fragment too", async () => {
    const ask = async (selection: string, fragment = "") => {
      captured = [];
      try {
        const data = await graphqlAs<{ agreements: { totalCount?: number } }>(
          database,
          partner,
          `query { agreements(first: 5) { ${selection} edges { node { id } } } } ${fragment}`,
        );
        return {
          counts: captured.filter((c) => /count\(\*\)|agreement_counts/.test(c.statement)).length,
          total: data.agreements.totalCount,
        };
      } finally {
        captured = null;
      }
    };
    const [{ n }] =
      (await sql`select count(*)::int as n from agreements where partner_id = ${partner.organisationId}`) as unknown as [
        { n: number },
      ];
    expect(await ask("")).toEqual({ counts: 0, total: undefined });
    expect(await ask("totalCount")).toEqual({ counts: 1, total: n });
    expect(await ask("...on AgreementConnection { totalCount }")).toEqual({ counts: 1, total: n });
    expect(await ask("...Total", "fragment Total on AgreementConnection { totalCount }")).toEqual({
      counts: 1,
      total: n,
    });
  });
});

describe("totalCount of the offset lists (issue 23)", () => {
  it("is counted only when the query asks for it, and the page still says whether the list goes on", async () => {
    const fields = ["organisations", "users", "properties", "productReleases", "agreementProposals"];
    fields.push("contactRequests", "apiTokens", "invitations", "monitoringBoard");
    const statementsOf = async (query: string) => {
      captured = [];
      try {
        const data = await graphqlAs<Record<string, { pageInfo: { hasNextPage: boolean } }>>(database, admin, query);
        return { data, counts: captured.filter((c) => /count\(/i.test(c.statement)).map((c) => c.statement) };
      } finally {
        captured = null;
      }
    };
    for (const field of fields) {
      const uncounted = await statementsOf(`{ ${field}(first: 2) { pageInfo { hasNextPage } edges { cursor } } }`);
      expect(uncounted.counts, field).toEqual([]);
      const counted = await statementsOf(`{ ${field}(first: 2) { totalCount pageInfo { hasNextPage } } }`);
      expect(counted.counts, field).toHaveLength(1);
      expect(uncounted.data[field]!.pageInfo, field).toEqual(counted.data[field]!.pageInfo);
    }
  });
});

describe("filtered counts (issue 23)", () => {
  const countsOf = async (viewer: Viewer, query: string) => {
    captured = [];
    try {
      const data = await graphqlAs<Record<string, { totalCount: number; totalCountCapped: boolean }>>(
        database,
        viewer,
        query,
      );
      return { data, statements: captured.map((c) => c.statement).join("\n") };
    } finally {
      captured = null;
    }
  };
  const one = async (query: string) => Number(Object.values((await sql.unsafe(query))[0]!)[0]);

  it("read the kept row when the filter names one, and count no further than 10,000 otherwise", async () => {
    const p = partner.organisationId;
    const byPartner = await countsOf(
      admin,
      `{ agreements(first: 1, filter: { partnerId: "${Buffer.from(`Organisation:${p}`).toString("base64url")}" }) {
        totalCount totalCountCapped } }`,
    );
    expect(byPartner.data.agreements).toEqual({
      totalCount: await one(`select count(*) from agreements where partner_id = '${p}'`),
      totalCountCapped: false,
    });
    expect(byPartner.statements).toMatch(/agreement_counts/);
    expect(byPartner.statements).not.toMatch(/count\(\*\)/);

    const brf = await countsOf(
      admin,
      "{ agreements(first: 1, filter: { tier: BRF }) { totalCount totalCountCapped } }",
    );
    expect(brf.data.agreements).toEqual({
      totalCount: await one("select count(*) from agreements where tier = 'BRF'"),
      totalCountCapped: false,
    });
    expect(brf.statements).toMatch(/limit 10001/);

    // One case more than the cap: the queue says 10,000 and that it stopped there; a narrower filter, exactly.
    const cases = await one("select count(*) from support_cases");
    await sql.unsafe(`insert into support_cases select (jsonb_populate_record(null::support_cases, to_jsonb(c) ||
        jsonb_build_object('id', gen_random_uuid(), 'number', 'SC-CAP-' || k))).*
      from (select * from support_cases order by number limit 1) c, generate_series(1, ${10_001 - cases}) k`);
    try {
      const queue = await countsOf(admin, "{ supportCases(first: 1) { totalCount totalCountCapped } }");
      expect(queue.data.supportCases).toEqual({ totalCount: 10_000, totalCountCapped: true });
      const open = await countsOf(
        admin,
        "{ supportCases(first: 1, filter: { status: [OPEN] }) { totalCount totalCountCapped } }",
      );
      expect(open.data.supportCases).toEqual({
        totalCount: await one("select count(*) from support_cases where status = 'OPEN'"),
        totalCountCapped: false,
      });
    } finally {
      await sql`delete from support_cases where number like 'SC-CAP-%'`;
    }
  });
});

describe("the kept agreement counts (decision 0088)", () => {
  const kept = () => sql`select scope, scope_id::text as id, n from agreement_counts where n <> 0 order by 1, 2`;
  const real = () => sql`select * from (
      select 'ALL' as scope, '00000000-0000-0000-0000-000000000000' as id, count(*)::int as n from agreements
      union all select 'PARTNER', partner_id::text, count(*)::int from agreements where partner_id is not null group by 2
      union all select 'CUSTOMER', customer_id::text, count(*)::int from agreements group by 2
      union all select 'SELLER', seller_id::text, count(*)::int from agreements where seller_id is not null group by 2
    ) t where n <> 0 order by 1, 2`;

  it("follow every write of an agreement, and an unfiltered page's totalCount reads them", async () => {
    expect(await kept()).toEqual(await real()); // as the seed left them
    const [other] =
      await sql`select id from organisations where kind = 'PARTNER' and id <> ${partner.organisationId} limit 1`;
    await sql`insert into agreements (number, tier, customer_id, partner_id, activated_at)
      select 'TA-CNT-' || k, 'BRF', a.customer_id, a.partner_id, now()
      from (select customer_id, partner_id from agreements where partner_id = ${partner.organisationId} limit 1) a,
        generate_series(1, 3) k`;
    await sql`update agreements set partner_id = ${other!.id}, seller_id = ${seller.userId} where number = 'TA-CNT-2'`;
    await sql`update agreements set tier = 'BRF', customer_id = customer_id where number = 'TA-CNT-3'`;
    await sql`delete from agreements where number = 'TA-CNT-1'`;
    expect(await kept()).toEqual(await real());

    const [{ n }] =
      (await sql`select count(*)::int as n from agreements where partner_id = ${partner.organisationId}`) as unknown as [
        { n: number },
      ];
    captured = [];
    try {
      const page = await graphqlAs<{ agreements: { totalCount: number } }>(
        database,
        partner,
        "{ agreements(first: 5) { totalCount edges { node { id } } } }",
      );
      expect(page.agreements.totalCount).toBe(n);
      expect(captured.map((c) => c.statement).join("\n")).not.toMatch(/count\(\*\)/);
    } finally {
      captured = null;
    }
    // A filtered list still counts what the filter leaves.
    const tiers = await graphqlAs<{ agreements: { totalCount: number } }>(
      database,
      partner,
      "{ agreements(first: 5, filter: { tier: BRF }) { totalCount } }",
    );
    const [{ brf }] = (await sql`select count(*)::int as brf from agreements
      where partner_id = ${partner.organisationId} and tier = 'BRF'`) as unknown as [{ brf: number }];
    expect(tiers.agreements.totalCount).toBe(brf);
  });
});

describe("the plans of the other keyset lists (decision 0088)", () => {
  const b64 = (key: unknown[]) => Buffer.from(`k:${JSON.stringify(key)}`).toString("base64url");
  const LISTS: Record<string, { query: string; deep: string }> = {
    queue: {
      query:
        "query($after: String, $f: SupportCaseFilter) { supportCases(first: 50, after: $after, filter: $f) { totalCount edges { cursor node { id number } } } }",
      deep: b64(["2026-06-01T00:00:00Z", "2026-01-01T08:00:00.5Z", "SC-2026-0500"]),
    },
    ownCases: {
      query:
        "query($after: String) { supportCases(first: 50, after: $after) { totalCount edges { cursor node { id } } } }",
      deep: b64(["2025-06-01T00:00:00Z", "SC-2025-0500"]),
    },
    visits: {
      query:
        "query($after: String) { serviceVisits(first: 50, after: $after) { totalCount edges { cursor node { id } } } }",
      deep: b64(["2026-06-01T00:00:00Z", "00000000-0000-4000-8000-000000000000"]),
    },
    audit: {
      query:
        "query($after: String) { auditEvents(first: 50, after: $after) { totalCount edges { cursor node { id } } } }",
      deep: b64(["2026-06-01T00:00:00Z", "00000000-0000-4000-8000-000000000000"]),
    },
    outbox: {
      query: "query($after: String) { emails(first: 50, after: $after) { totalCount edges { cursor node { id } } } }",
      deep: b64(["2026-06-01T00:00:00Z", "00000000-0000-4000-8000-000000000000"]),
    },
  };

  async function problemsOf(viewer: Viewer, list: keyof typeof LISTS, variables: Record<string, unknown>) {
    captured = [];
    let statements: { statement: string; params: unknown[] }[];
    try {
      await graphqlAs(database, viewer, LISTS[list]!.query, variables);
      statements = captured;
    } finally {
      captured = null;
    }
    const found: string[] = [];
    for (const { statement, params } of statements)
      for (const problem of planProblems(await planOf(sql, statement, params)))
        found.push(`${list} ${JSON.stringify(variables)}: ${problem} in ${statement.slice(0, 160)}`);
    return found;
  }

  it("read each page from an index, the first and one deep in the list", async () => {
    const [own] = await sql`select customer_id from support_cases group by customer_id order by count(*) desc limit 1`;
    const customer: Viewer = {
      ...partner,
      role: "CUSTOMER_ADMIN",
      organisationId: own!.customer_id as string,
      organisationKind: "CUSTOMER",
    };
    const runs: [Viewer, keyof typeof LISTS, Record<string, unknown>][] = [];
    for (const viewer of [admin, partner]) {
      runs.push([viewer, "queue", {}], [viewer, "queue", { after: LISTS.queue!.deep }]);
      runs.push([viewer, "visits", {}], [viewer, "visits", { after: LISTS.visits!.deep }]);
    }
    runs.push([admin, "queue", { f: { status: ["OPEN"] }, after: LISTS.queue!.deep }]);
    runs.push([admin, "queue", { f: { deadline: "OVERDUE" } }], [partner, "queue", { f: { deadline: "OVERDUE" } }]);
    runs.push([admin, "queue", { f: { deadline: "NEAR_DEADLINE" } }]);
    runs.push([partner, "queue", { f: { deadline: "NEAR_DEADLINE" } }]);
    runs.push([customer, "ownCases", {}], [customer, "ownCases", { after: LISTS.ownCases!.deep }]);
    for (const list of ["audit", "outbox"] as const)
      runs.push([admin, list, {}], [admin, list, { after: LISTS[list]!.deep }]);
    const problems: string[] = [];
    for (const [viewer, list, variables] of runs) problems.push(...(await problemsOf(viewer, list, variables)));
    expect(problems).toEqual([]);
  });
});

describe("concurrent creations and the kept counts' ALL row (issue 23)", () => {
  /** The statement another backend of this database is waiting in for a lock, once one is. */
  async function waiter(): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const [w] = await sql`select query from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`;
      if (w) return w.query as string;
      await new Promise((r) => setTimeout(r, 50));
    }
    return "nothing waited";
  }

  it("queue on the year's agreement number first, so the ALL row makes no creation wait longer", async () => {
    const [c1, c2] = await sql`select o.id as customer, (select id from properties p where p.customer_id = o.id
        order by p.id limit 1) as property from organisations o where o.kind = 'CUSTOMER' order by o.name limit 2`;
    const clock = { today: "2026-12-06", windowDays: 60 };
    const input = (c: typeof c1) => ({
      customerId: c!.customer as string,
      tier: "BRF" as const,
      propertyIds: [c!.property as string],
      startsOn: "2027-01-01",
      endsOn: "2027-12-31",
    });
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let created = () => {};
    const inserted = new Promise<void>((r) => (created = r));
    // One creation holds its transaction open; another, for another customer and no partner or seller, starts.
    const first = database.db.transaction(async (tx) => {
      expect("ok" in (await createAgreement(tx, admin, input(c1), clock))).toBe(true);
      created();
      await held;
    });
    await inserted;
    const second = createAgreement(database.db, admin, input(c2), clock);
    const waitedIn = await waiter();
    release();
    await first;
    expect("ok" in (await second)).toBe(true);
    // It waits on the number counter, which every creation takes before its insert reaches agreement_counts.
    expect(waitedIn).toMatch(/agreement_number_counters/);

    // The ALL row alone: two inserts with nothing else in common, as no service writes them, do queue on it.
    const side = postgres(target.url, { max: 2, onnotice: () => {} });
    const a = await side.reserve();
    try {
      await a`begin`;
      await a`insert into agreements (number, tier, customer_id) values ('TA-LOCK-1', 'BRF', ${c1!.customer})`;
      const other = side`insert into agreements (number, tier, customer_id) values ('TA-LOCK-2', 'BRF', ${c2!.customer})`;
      const otherDone = other.execute();
      expect(await waiter()).toMatch(/TA-LOCK-2/);
      await a`rollback`;
      await otherDone;
    } finally {
      a.release();
      await side.end();
    }
    await sql`delete from agreements where number = 'TA-LOCK-2'`;
  });
});
