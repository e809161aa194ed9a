// What the partner's agreement page costs with and without `totalCount`, on the scale data set (issue 23):
//   npx tsx bench/count-cost.ts postgres://…/db [rounds]   (from api/)
// In-process (no HTTP): the page through GraphQL as the partner with 90,037 agreements, each variant `rounds`
// times interleaved, median and p90 in ms; then EXPLAIN (ANALYZE, BUFFERS) of the page's statement with its count.
import "reflect-metadata";
import { loadavg } from "node:os";
import postgres from "postgres";
import { openDatabase } from "../src/db/client.js";
import type { Viewer } from "../src/shared/viewer.js";
import { graphqlAs } from "../src/test-support.js";

const url = process.argv[2];
const rounds = Number(process.argv[3] ?? 15);
if (!url) throw new Error("usage: count-cost.ts <postgres url of a scale database> [rounds]");
let captured: { statement: string; params: unknown[] }[] = [];
const database = await openDatabase({ url, onQuery: (statement, params) => captured.push({ statement, params }) });
const sql = postgres(url, { max: 1, onnotice: () => {} });
const [ids] = await sql`select id from organisations where name = 'Installatör 01 AB'`;
const partner: Viewer = {
  userId: "00000000-0000-4000-8000-000000000001",
  name: "Skala",
  email: "skala@skala.test",
  role: "PARTNER_ADMIN",
  organisationId: ids!.id as string,
  organisationKind: "PARTNER",
  sessionId: null,
  apiTokenId: null,
  requestId: null,
};
const page = (count: boolean) => `query { agreements(first: 50) { ${count ? "totalCount" : ""}
  edges { node { id number tier { code } customer { id name organisationNumber } } } } }`;
const variants = { "with totalCount": page(true), "without totalCount": page(false) };
const times: Record<string, number[]> = { "with totalCount": [], "without totalCount": [] };
const statements: Record<string, number> = {};
for (let i = 0; i < rounds + 2; i++)
  for (const [name, query] of Object.entries(variants)) {
    captured = [];
    const started = process.hrtime.bigint();
    await graphqlAs(database, partner, query);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (i >= 2) times[name]!.push(ms); // two rounds to warm the caches and the schema
    statements[name] = captured.length;
  }
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}, ${rounds} rounds`,
);
for (const [name, xs] of Object.entries(times))
  console.log(
    `${name}: median ${pct(xs, 0.5).toFixed(1)} ms, p90 ${pct(xs, 0.9).toFixed(1)} ms, ${statements[name]} statements`,
  );
captured = [];
await graphqlAs(database, partner, page(true));
// The page's one statement, with the count (kept or counted) as its InitPlan.
const [statement] = captured;
const plan = await sql.unsafe(`explain (analyze, buffers) ${statement!.statement}`, statement!.params as never[]);
console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
await sql.end();
await database.close();
