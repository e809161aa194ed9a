// EXPLAIN (ANALYZE, BUFFERS) of every statement the queue's views, header search, a customer's agreement page and the
// seller's and support's dashboards run, for docs/performance.md (issue 23). On a database holding the scale data
// set (api/src/seed/scale.sql):
//   npx tsx bench/explain-views.ts postgres://…/db [part of a label]   (from api/)
// It prints a table (per view: statements, their execution time and buffers, sequential scans of large tables), then
// every statement with its plan, each view folded (<details>), as `npm run bench -- --scale --explain` keeps them in
// docs/performance.md. The lists' deep pages start after the cursor of the list's middle row, found by paging through
// the list as a client would (100 at a time), so the cursor is the API's own.
import "reflect-metadata";
import { print } from "graphql";
import postgres from "postgres";
import { AgreementPageDocument, SearchDocument, VendorDashboardDocument } from "../../portal/app/graphql/graphql.js";
import { openDatabase } from "../src/db/client.js";
import { graphqlAs } from "../src/test-support.js";
import { scaleViewer as viewer } from "./scale-viewer.js";

const url = process.argv[2];
if (!url) throw new Error("usage: explain-views.ts <postgres url of a scale database>");
let captured: { statement: string; params: unknown[] }[] = [];
const database = await openDatabase({ url, onQuery: (statement, params) => captured.push({ statement, params }) });
const sql = postgres(url, { max: 1, onnotice: () => {} });
// As search sets it for its own transaction, so the trigram operator reads as it does there.
await sql`select set_config('pg_trgm.word_similarity_threshold', '0.45', false)`;
const [ids] = await sql`select (select id from organisations where name = 'Installatör 01 AB') as partner,
  (select id from organisations where kind = 'VENDOR') as vendor, (select id from users where email = 'saljare1@skala.test') as seller,
  (select id from users where email = 'support21@skala.test') as support,
  (select a.customer_id from agreements a group by a.customer_id order by count(*) desc, a.customer_id limit 1) as customer`;
const [kund] = await sql`select u.id as user_id, u.organisation_id, a.id from users u
  join agreements a on a.customer_id = u.organisation_id where u.email = 'kund1@skala.test' order by a.number limit 1`;
const [agreement] = await sql`select id, number from agreements where customer_id = ${ids!.customer}
  order by effective_end desc, number limit 1`;
const anyone = "00000000-0000-4000-8000-000000000001";
const staff = viewer("ADMIN", ids!.vendor, "VENDOR", ids!.seller);
const partner = viewer("PARTNER_ADMIN", ids!.partner, "PARTNER", anyone);
const customer = viewer("CUSTOMER_ADMIN", ids!.customer, "CUSTOMER", anyone);
const SEARCH = print(SearchDocument);
const QUEUE = `query($f: SupportCaseFilter) { supportCases(first: 20, filter: $f) { edges { node { id number } } } }`;
const PAGE = print(AgreementPageDocument);
const DASHBOARD = print(VendorDashboardDocument);
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
// As the dashboard's loader sets them for a seller and for support (portal/app/routes/_app._index/route.tsx).
const dashboard = (sales: boolean) => ({
  ...{ in30: day(31), in60: day(61), in90: day(91), admin: false, lockouts: false, deactivations: false },
  sales,
  support: !sales,
});
const node = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64url");
const seller = viewer("SELLER", ids!.vendor, "VENDOR", ids!.seller);
const support = viewer("SUPPORT", ids!.vendor, "VENDOR", ids!.support);
// The scale bench's lists (bench/scale-lists.mjs), the same documents.
const BY_END = `query($after: String) { agreements(first: 20, after: $after) { totalCount edges { node { id number status endsOn customer { name } } } } }`;
const OVERDUE = `query($after: String) { supportCases(first: 20, after: $after, filter: { deadline: OVERDUE }) { edges { node { id number subject } } } }`;
const PARTNER_PAGE = `query($after: String) { agreements(first: 50, after: $after) { totalCount edges { node {
  id number tier { code } customer { id name organisationNumber }
  properties { id name streetAddress city apartments }
  licenceRentals { id kind quantity monthlyPrice { amountMinor currency } startsOn endsOn endedOn } } } } }`;
const last = (query: string) =>
  query.replace(/\(first: (\d+), after: \$after/, "(last: $1").replace("query($after: String) ", "");

type Page = Record<
  string,
  { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string }[] }
>;
/** The cursor of the row in the list's middle, paging through it as a client does, and the rows it leaves behind. */
async function middle(who: typeof seller, field: "agreements" | "supportCases", filter = "") {
  const cursors: string[] = [];
  let after: string | null = null;
  for (;;) {
    const walk = `query($after: String) { ${field}(first: 100, after: $after${filter}) { pageInfo { hasNextPage endCursor } edges { cursor } } }`;
    const page: Page = await graphqlAs<Page>(database, who, walk, { after });
    const { pageInfo, edges } = page[field]!;
    cursors.push(...edges.map((e) => e.cursor));
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  const depth = Math.floor(cursors.length / 2);
  return { after: cursors[depth - 1] ?? null, depth };
}
const only = process.argv[3];
const wanted = (label: string) => !only || label.includes(only);
const deep = async (label: string, who: typeof seller, field: "agreements" | "supportCases", filter = "") =>
  wanted(`${label}, deep`) ? await middle(who, field, filter) : { after: null, depth: 0 };
const sellerMiddle = await deep("agreements by end date, seller", seller, "agreements");
const overdueMiddle = await deep("overdue, support staff", support, "supportCases", ", filter: { deadline: OVERDUE }");
const partnerMiddle = await deep("partner page", partner, "agreements");
const rows = (n: number) => `after ${n.toLocaleString("en")} rows`;

export const VIEWS = [
  ["partner page of 50, first", partner, PARTNER_PAGE, {}],
  [`partner page of 50, deep (${rows(partnerMiddle.depth)})`, partner, PARTNER_PAGE, { after: partnerMiddle.after }],
  ["partner page of 50, last", partner, last(PARTNER_PAGE), {}],
  ["agreements by end date, seller, first page of 20", seller, BY_END, {}],
  [`agreements by end date, seller, deep (${rows(sellerMiddle.depth)})`, seller, BY_END, { after: sellerMiddle.after }],
  ["agreements by end date, seller, last page", seller, last(BY_END), {}],
  ["support queue, overdue, support staff, first page of 20", support, OVERDUE, {}],
  [
    `support queue, overdue, support staff, deep (${rows(overdueMiddle.depth)})`,
    support,
    OVERDUE,
    { after: overdueMiddle.after },
  ],
  ["support queue, overdue, support staff, last page", support, last(OVERDUE), {}],
  ["support queue, overdue, vendor staff", staff, QUEUE, { f: { deadline: "OVERDUE" } }],
  ["support queue, overdue, partner", partner, QUEUE, { f: { deadline: "OVERDUE" } }],
  ["support queue, near the deadline, vendor staff", staff, QUEUE, { f: { deadline: "NEAR_DEADLINE" } }],
  ["support queue, near the deadline, partner", partner, QUEUE, { f: { deadline: "NEAR_DEADLINE" } }],
  ["header search 'brf 12', vendor staff", staff, SEARCH, { query: "brf 12", first: 8 }],
  ["header search 'brf 12', partner", partner, SEARCH, { query: "brf 12", first: 8 }],
  ["header search 'TA-S-00001', vendor staff", staff, SEARCH, { query: "TA-S-00001", first: 8 }],
  ["header search 'kastanjen' (nothing matches), vendor staff", staff, SEARCH, { query: "kastanjen", first: 8 }],
  ["header search 'storgatan', customer", customer, SEARCH, { query: "storgatan", first: 8 }],
  // The scale set has no customer users, and the page asks for its viewer: the vendor's admin opens it.
  [
    `a customer's agreement page (${agreement!.number}), vendor admin`,
    staff,
    PAGE,
    { id: node("Agreement", agreement!.id) },
  ],
  ["the seller's dashboard", viewer("SELLER", ids!.vendor, "VENDOR", ids!.seller), DASHBOARD, dashboard(true)],
  ["support's dashboard", viewer("SUPPORT", ids!.vendor, "VENDOR", ids!.support), DASHBOARD, dashboard(false)],
  [
    "a customer's agreement page (TA-S-0000001), its customer admin",
    viewer("CUSTOMER_ADMIN", kund!.organisation_id, "CUSTOMER", kund!.user_id),
    PAGE,
    { id: node("Agreement", kund!.id) },
  ],
] as const;

/**
 * A table is large when this set holds more than 10,000 rows of it (the planner's own count): a sequential scan of
 * one of those reads more than a page needs. A small table (the set's 31 staff in `users`, the tiers) is rightly
 * read whole, and is not reported.
 */
const rowCounts = new Map(
  (
    await sql`select relname, reltuples from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`
  ).map((r) => [r.relname as string, Number(r.reltuples)]),
);
const largeScanIn = (line: string) => {
  const table = /Seq Scan on (\w+)/.exec(line)?.[1];
  return table && (rowCounts.get(table) ?? 0) > 10_000 ? table : null;
};
const summary: string[] = [];
const details: string[] = [];
for (const [label, who, query, variables] of VIEWS) {
  if (!wanted(label)) continue;
  captured = [];
  const result = await graphqlAs<unknown>(database, who, query, variables);
  if (JSON.stringify(result).includes('"errors"')) throw new Error(`${label}: ${JSON.stringify(result).slice(0, 500)}`);
  const statements = captured.filter(({ statement }) => !/set_config/.test(statement));
  let ms = 0;
  let slowest = 0;
  let buffers = 0;
  const scans = new Set<string>();
  details.push(`<details><summary>${label}: ${statements.length} statements</summary>\n`);
  for (const { statement, params } of statements) {
    await sql.unsafe(statement, params as never[]); // warm
    const plan = await sql.unsafe(`explain (analyze, buffers) ${statement}`, params as never[]);
    const text = plan.map((r) => r["QUERY PLAN"] as string);
    const time = Number(/Execution Time: ([\d.]+)/.exec(text.at(-1) ?? "")?.[1] ?? 0);
    ms += time;
    slowest = Math.max(slowest, time);
    // The top node's buffers hold its children's and its InitPlans'.
    const top = /shared hit=(\d+)(?: read=(\d+))?/.exec(text.find((l) => l.includes("Buffers: shared")) ?? "");
    buffers += Number(top?.[1] ?? 0) + Number(top?.[2] ?? 0);
    for (const l of text) {
      const table = largeScanIn(l);
      if (table) scans.add(table);
    }
    details.push("```\n" + statement + "\n\n" + text.join("\n") + "\n```\n");
  }
  details.push("</details>\n");
  const f = (n: number) => n.toFixed(n < 10 ? 2 : 1);
  summary.push(
    `| ${label} | ${statements.length} | ${f(ms)} ms | ${f(slowest)} ms | ${buffers.toLocaleString("en")} | ${[...scans].join(", ") || "none"} |`,
  );
}
console.log(
  "| view | statements | execution, all together | slowest statement | shared buffers | sequential scans of large tables |",
);
console.log("|---|---|---|---|---|---|");
console.log(summary.join("\n") + "\n\n" + details.join("\n"));
await sql.end();
await database.close();
