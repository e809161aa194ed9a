// The portal's server render on the scale data set, part of `npm run bench -- --scale` (bench/scale.mjs): the
// seller's and support's dashboards and a customer's agreement page, rendered by the portal's production server over
// the API of one size, as users of the set logged in through the portal's form (api/src/seed/scale.sql gives them
// the demo's password). CPU per render is each server's process CPU over the measured run divided by pages asked.
import { randomBytes } from "node:crypto";
import { freePort, log, waitFor } from "../scripts/lib.mjs";
import { cpuMs, idleRate, percentile, startServer, statementsOf } from "./measure.mjs";
import { DEMO_PASSWORD, checkPage, drain, loadPage, logIn } from "./portal-client.mjs";

/** The scale set's bench users and what each one's page must hold (bodies are checked as ASCII). */
export const SCALE_USERS = {
  seller: "saljare1@skala.test",
  support: "support21@skala.test",
  customer: "kund1@skala.test",
};
/** The first customer's first agreement: the set gives it 20 rentals and 10 cases at every factor. */
export const SCALE_AGREEMENT = "TA-S-0000001";

export function startPortal(apiUrl) {
  return freePort().then((port) => ({
    url: `http://127.0.0.1:${port}`,
    server: startServer("portal", "node", ["portal/server.mjs"], {
      PORT: String(port),
      TRYGG_API_URL: apiUrl,
      NODE_ENV: "production",
      SESSION_SECRET: randomBytes(32).toString("base64url"),
    }),
  }));
}

/**
 * Renders each page under `connections` for `seconds` after a warm-up, and answers one row per page: latency,
 * the portal's and the API's CPU per render, and the API's SQL statements per render (`role`'s, background jobs
 * included).
 */
export async function measurePortal({ portal, apiPid, admin, role, agreementId, seconds, warmupSeconds, connections }) {
  await waitFor(`${portal.url}/login`, { what: "the portal" });
  const cookies = {};
  for (const [who, email] of Object.entries(SCALE_USERS)) cookies[who] = await logIn(portal.url, email, DEMO_PASSWORD);
  const targets = [
    {
      page: "portal: dashboard `/`, seller",
      path: "/",
      cookie: cookies.seller,
      markers: ['class="dashboard"', "Personal 1", 'class="dash-group"'],
    },
    {
      page: "portal: dashboard `/`, support staff",
      path: "/",
      cookie: cookies.support,
      markers: ['class="dashboard"', "Personal 21", 'class="dash-group"'],
    },
    {
      page: `portal: agreement page ${SCALE_AGREEMENT}, customer admin`,
      path: `/agreements/${agreementId}`,
      cookie: cookies.customer,
      markers: ['id="overview"', SCALE_AGREEMENT],
    },
  ];
  const pids = [portal.server.pid, apiPid];
  const rows = [];
  for (const t of targets) {
    const url = `${portal.url}${t.path}`;
    const body = await checkPage(url, t.cookie, t.markers, t.page);
    log(`${t.page}: ${seconds} s at ${connections} connections`);
    const options = { url, cookie: t.cookie, markers: t.markers, connections };
    await loadPage({ ...options, seconds: warmupSeconds });
    await drain(pids);
    const idle = await idleRate(admin, role, pids);
    const cpu0 = pids.map(cpuMs);
    const sql0 = await statementsOf(admin, role);
    const t0 = Date.now();
    const { result, latencies } = await loadPage({ ...options, seconds });
    await drain(pids);
    const sql1 = await statementsOf(admin, role);
    const elapsed = (Date.now() - t0) / 1000;
    const sent = Math.max(1, result.requests.sent);
    const sorted = latencies.sort((a, b) => a - b);
    rows.push({
      page: t.page,
      name: "portal",
      totalCount: `${Math.round(Buffer.byteLength(body) / 1024)} KB`,
      reqPerSecond: result.requests.total / result.duration,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
      cpuMs: (cpuMs(pids[0]) - cpu0[0]) / sent,
      apiCpuMs: (cpuMs(pids[1]) - cpu0[1]) / sent,
      statements: (sql1.calls - sql0.calls) / sent,
      backgroundCpuMs: (idle.cpuMsPerSecond[1] * elapsed) / sent,
      backgroundStatements: (idle.statementsPerSecond * elapsed) / sent,
    });
  }
  return rows;
}
