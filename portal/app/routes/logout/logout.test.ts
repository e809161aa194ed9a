import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitSession, getSession } from "~/lib/session.server";
import { action, loader } from "./route";

/** What the stand-in API answers to the portal's next call. */
let answer: { status: number; body: unknown } = { status: 200, body: {} };
const api = http.createServer((req, res) => {
  req.resume();
  req.on("end", () =>
    res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body)),
  );
});

beforeAll(async () => {
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  // Read once, at the portal's first call to the API below.
  process.env.TRYGG_API_URL = `http://127.0.0.1:${(api.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

const PORTAL = "http://portal.test";

/** The cookie of a browser logged in with an API session. */
async function loggedInCookie(): Promise<string> {
  const session = await getSession(new Request(PORTAL));
  session.set("token", "tgs_the-session");
  return (await commitSession(session)).split(";")[0]!;
}

async function tokenIn(setCookie: string | null): Promise<string | undefined> {
  return (await getSession(new Request(PORTAL, { headers: { Cookie: setCookie?.split(";")[0] ?? "" } }))).get("token");
}

async function logOut(cookie: string): Promise<unknown> {
  const request = new Request(`${PORTAL}/logout`, { method: "POST", headers: { Cookie: cookie } });
  try {
    return await action({ request, params: {}, context: {} });
  } catch (thrown) {
    return thrown;
  }
}

describe("log-out", () => {
  it("only asks on a GET, and forgets nothing", async () => {
    const cookie = await loggedInCookie();
    expect(
      await loader({
        request: new Request(`${PORTAL}/logout`, { headers: { Cookie: cookie } }),
        params: {},
        context: {},
      }),
    ).toBeNull();
  });

  it("forgets the token once the API has ended the session", async () => {
    answer = { status: 200, body: { data: { logout: { loggedOut: true } } } };
    const result = await logOut(await loggedInCookie());
    expect(result).toBeInstanceOf(Response);
    const response = result as Response;
    expect(response.headers.get("location")).toBe("/login");
    expect(await tokenIn(response.headers.get("set-cookie"))).toBeUndefined();
  });

  it("forgets the token when the API says the session is already over", async () => {
    answer = {
      status: 200,
      body: { data: null, errors: [{ message: "Not logged in.", extensions: { code: "UNAUTHENTICATED" } }] },
    };
    const response = (await logOut(await loggedInCookie())) as Response;
    expect(response.headers.get("location")).toMatch(/^\/login/);
    expect(await tokenIn(response.headers.get("set-cookie"))).toBeUndefined();
  });

  for (const [why, failing] of [
    ["the API is unavailable", { status: 503, body: { errors: [{ message: "unavailable" }] } }],
    [
      "the API throttles",
      {
        status: 200,
        body: {
          data: null,
          errors: [{ message: "slow down", extensions: { code: "TOO_MANY_REQUESTS", retryAfterSeconds: 30 } }],
        },
      },
    ],
  ] as const) {
    it(`keeps the user logged in, and says so, when ${why}: the API session would live on behind a forgotten cookie`, async () => {
      answer = failing;
      const result = await logOut(await loggedInCookie());
      expect(result).not.toBeInstanceOf(Response);
      expect(result).toMatchObject({ data: { failed: true }, init: { status: 503 } });
    });
  }
});
