// What the seller's and support's dashboards cost the API per request, on a scale database, with nothing else
// running (issue 23): the bench's short loads at full size count the API's start-up catch-up beside the page
// (decision 0130). In-process, the portal's VendorDashboard document as each viewer, `rounds` times after 3 to warm
// up: median and p90 of wall time and of the process's CPU per request, statements per request.
//   npx tsx bench/dashboard-cost.ts postgres://…/db [rounds]   (from api/)
import "reflect-metadata";
import { loadavg } from "node:os";
import { print } from "graphql";
import postgres from "postgres";
import { VendorDashboardDocument } from "../../portal/app/graphql/graphql.js";
import { openDatabase } from "../src/db/client.js";
import { graphqlAs } from "../src/test-support.js";
import { scaleViewer as viewer } from "./scale-viewer.js";

const url = process.argv[2];
const rounds = Number(process.argv[3] ?? 30);
if (!url) throw new Error("usage: dashboard-cost.ts <postgres url of a scale database> [rounds]");
let statements = 0;
const database = await openDatabase({ url, onQuery: () => statements++ });
const sql = postgres(url, { max: 1, onnotice: () => {} });
const [ids] = await sql`select (select id from organisations where kind = 'VENDOR') as vendor,
  (select id from users where email = 'saljare1@skala.test') as seller, (select id from users where email = 'support21@skala.test') as support`;
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const windows = { in30: day(31), in60: day(61), in90: day(91), admin: false, lockouts: false, deactivations: false };
const pages = {
  "seller's dashboard": [
    viewer("SELLER", ids!.vendor, "VENDOR", ids!.seller),
    { ...windows, sales: true, support: false },
  ],
  "support's dashboard": [
    viewer("SUPPORT", ids!.vendor, "VENDOR", ids!.support),
    { ...windows, sales: false, support: true },
  ],
  // Every part at once, the yearly values summed over every agreement in each window (decision 0133).
  "the admin's dashboard": [
    viewer("ADMIN", ids!.vendor, "VENDOR", ids!.seller),
    { ...windows, sales: true, support: true, admin: true, lockouts: true, deactivations: true },
  ],
} as const;
const DASHBOARD = print(VendorDashboardDocument);
const at = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const load = loadavg()[0]!.toFixed(1);
for (const [label, [who, variables]] of Object.entries(pages)) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let counted = 0;
  for (let i = 0; i < rounds + 3; i++) {
    statements = 0;
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const result = await graphqlAs<unknown>(database, who, DASHBOARD, variables);
    if (JSON.stringify(result).includes('"errors"')) throw new Error(JSON.stringify(result).slice(0, 300));
    if (i < 3) continue;
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    counted += statements;
  }
  console.log(
    `${label}: wall median ${at(wall, 0.5).toFixed(1)} ms (p90 ${at(wall, 0.9).toFixed(1)}), CPU median ${at(cpu, 0.5).toFixed(1)} ms (p90 ${at(cpu, 0.9).toFixed(1)}), ${(counted / rounds).toFixed(1)} statements; load average ${load} at the start`,
  );
}
await sql.end();
await database.close();
