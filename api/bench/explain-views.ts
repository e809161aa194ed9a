// EXPLAIN (ANALYZE, BUFFERS) of every statement the queue's views, header search, a customer's agreement page and the
// seller's and support's dashboards run, for docs/performance.md (issue 23). On a database holding the scale data
// set (api/src/seed/scale.sql):
//   npx tsx bench/explain-views.ts postgres://…/db [part of a label]   (from api/)
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

export const VIEWS = [
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

const only = process.argv[3];
for (const [label, who, query, variables] of VIEWS) {
  if (only && !label.includes(only)) continue;
  captured = [];
  const result = await graphqlAs<unknown>(database, who, query, variables);
  if (JSON.stringify(result).includes('"errors"')) throw new Error(`${label}: ${JSON.stringify(result).slice(0, 500)}`);
  console.log(`\n### ${label}: ${captured.length} statements\n`);
  for (const { statement, params } of captured) {
    if (/set_config/.test(statement)) continue;
    await sql.unsafe(statement, params as never[]); // warm
    const plan = await sql.unsafe(`explain (analyze, buffers) ${statement}`, params as never[]);
    const text = plan.map((r) => r["QUERY PLAN"] as string);
    const flag = text.some((l) =>
      /Seq Scan on (organisations|properties|agreements|agreement_periods|agreement_properties|licence_rentals|support_cases|service_visits|monitoring_checks|audit_events)\b/.test(
        l,
      ),
    );
    console.log(
      "```\n" + (flag ? "SEQ SCAN OF A LARGE TABLE\n" : "") + statement + "\n\n" + text.join("\n") + "\n```\n",
    );
  }
}
await sql.end();
await database.close();
