// EXPLAIN (ANALYZE, BUFFERS) of every statement the agreement pages run, for docs/performance.md (issue 23).
// Usage, on a database holding the scale data set (api/src/seed/scale.sql):
//   npx tsx bench/explain-pages.ts postgres://…/db   (from api/)
import "reflect-metadata";
import postgres from "postgres";
import { openDatabase } from "../src/db/client.js";
import { graphqlAs } from "../src/test-support.js";
import { scaleViewer as viewer } from "./scale-viewer.js";

const url = process.argv[2];
if (!url) throw new Error("usage: explain-pages.ts <postgres url of a scale database>");
let captured: { statement: string; params: unknown[] }[] = [];
const database = await openDatabase({ url, onQuery: (statement, params) => captured.push({ statement, params }) });
const sql = postgres(url, { max: 1, onnotice: () => {} });
const [ids] = await sql`select (select id from organisations where name = 'Installatör 01 AB') as partner,
  (select id from organisations where kind = 'VENDOR') as vendor, (select id from users where email = 'saljare1@skala.test') as seller`;
const partner = viewer("PARTNER_ADMIN", ids!.partner, "PARTNER", "00000000-0000-4000-8000-000000000001");
const seller = viewer("SELLER", ids!.vendor, "VENDOR", ids!.seller);
const PAGE = `query Page($first: Int, $after: String) { agreements(first: $first, after: $after) {
  totalCount edges { node { id number tier { code } customer { id name organisationNumber }
    properties { id name streetAddress city apartments }
    licenceRentals { id kind quantity monthlyPrice { amountMinor currency } startsOn endsOn endedOn } } } } }`;
const deep = Buffer.from(`k:${JSON.stringify(["2028-06-30", "TA-S-0050000"])}`).toString("base64url");
for (const [label, who, variables] of [
  ["partner, first page of 50", partner, { first: 50 }],
  ["partner, a page of 50 deep in the list (after 2028-06-30)", partner, { first: 50, after: deep }],
  ["seller, first page of 50", seller, { first: 50 }],
] as const) {
  captured = [];
  await graphqlAs(database, who, PAGE, variables);
  console.log(`\n### ${label}: ${captured.length} statements\n`);
  for (const { statement, params } of captured) {
    await sql.unsafe(statement, params as never[]); // warm
    const plan = await sql.unsafe(`explain (analyze, buffers) ${statement}`, params as never[]);
    console.log("```\n" + statement + "\n\n" + plan.map((r) => r["QUERY PLAN"]).join("\n") + "\n```\n");
  }
}
await sql.end();
await database.close();
