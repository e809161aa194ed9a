// What the portal benches do as a browser would: log in through the portal's form, fetch a page, load a page with
// autocannon, and wait until the servers are idle. Shared by bench/portal.mjs (demo data) and bench/scale-portal.mjs
// (the scale data set at two sizes).
import autocannon from "autocannon";
import { cpuMs } from "./measure.mjs";

/** The demo's password (api/src/seed/demo.ts), also that of the scale set's bench users (api/src/seed/scale.sql). */
export const DEMO_PASSWORD = "trygg-demo-2026";

/** Logs in through the portal's own form, as a browser does, and returns the session cookie. */
export async function logIn(portal, email, password) {
  const res = await fetch(`${portal}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: portal },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (res.status !== 302 || !cookie)
    throw new Error(
      `Logging in as ${email} answered ${res.status} without a session: ${(await res.text()).slice(0, 300)}`,
    );
  return cookie;
}

export async function page(url, cookie) {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  return { status: res.status, body: await res.text() };
}

/** Fetches a page once and throws unless it is a 200 holding every marker, so a login or error page cannot pass. */
export async function checkPage(url, cookie, markers, label) {
  const { status, body } = await page(url, cookie);
  const missing = markers.filter((m) => !body.includes(m));
  if (status !== 200 || missing.length)
    throw new Error(`${label} answered ${status}${missing.length ? ` without ${missing.join(", ")}` : ""}`);
  return body;
}

/** Waits until the servers are idle again: requests cut off at the end of a run are finished. */
export async function drain(pids) {
  let last = "";
  for (let quiet = 0, until = Date.now() + 20_000; quiet < 2 && Date.now() < until;) {
    await new Promise((r) => setTimeout(r, 400));
    const now = pids.map(cpuMs).join("/");
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}

/** One bounded autocannon run of GETs; a response counts only when it is a 200 holding every marker. */
export function loadPage({ url, cookie, markers, seconds, connections }) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon(
      {
        url,
        method: "GET",
        headers: { cookie },
        connections,
        duration: seconds,
        timeout: 30,
        verifyBody: (body) => markers.every((m) => body.includes(m)),
      },
      (err, result) => (err ? reject(err) : resolve({ result, latencies })),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}
