import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    env: { LOGIN_MAX_FAILURES_PER_ADDRESS: 3, LOGIN_MAX_FAILURES_PER_ACCOUNT: 5, TRUST_PROXY: "loopback" },
  });
});
afterAll(() => api?.close());

async function login(email: string, password: string, from: string) {
  const res = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({
      query: `mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`,
      variables: { i: { email, password } },
    }),
  });
  const body = (await res.json()) as any;
  return {
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    login: body.data?.login,
    code: body.errors?.[0]?.extensions?.code as string | undefined,
  };
}

describe("log-in limits over HTTP", () => {
  it("are counted per client address that the portal forwards, so one person's guesses do not lock out the others", async () => {
    for (let i = 0; i < 3; i++) await login(`guess${i}@example.com`, "wrong", "203.0.113.7");
    const refused = await login("karin@vastkustfast.demo", "trygg-demo-2026", "203.0.113.7");
    expect(refused).toMatchObject({ status: 429, code: "TOO_MANY_REQUESTS" });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await login("karin@vastkustfast.demo", "trygg-demo-2026", "198.51.100.4")).login.token).toMatch(/^tgs_/);
  });

  it("hold under parallel guessing on one address: at most the limit is checked", async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => login(`parallel${i}@example.com`, "wrong", "203.0.113.60")),
    );
    const heard = answers.filter((a) => a.status === 200);
    expect(heard.length).toBeLessThanOrEqual(3);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(60 - heard.length);
  });

  it("hold under parallel guessing on one account: of 50 guesses and the right password, at most 5 are checked", async () => {
    // An API whose address limit is out of the way, so the account-and-address limit (5) is the one tested.
    const roomy = await startTestApi({
      env: { LOGIN_MAX_FAILURES_PER_ADDRESS: 1000, LOGIN_MAX_FAILURES_PER_ACCOUNT: 5, TRUST_PROXY: "loopback" },
    });
    try {
      const attempt = async (password: string) => {
        const res = await fetch(`${roomy.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.50" },
          body: JSON.stringify({
            query: `mutation($i: LoginInput!) { login(input: $i) { token } }`,
            variables: { i: { email: "eva@alvstranden.demo", password } },
          }),
        });
        return {
          status: res.status,
          token: ((await res.json()) as any).data?.login?.token as string | null | undefined,
        };
      };
      const answers = await Promise.all([
        ...Array.from({ length: 50 }, () => attempt("wrong-guess")),
        attempt("trygg-demo-2026"),
      ]);
      const heard = answers.filter((a) => a.status === 200);
      expect(heard.length).toBeLessThanOrEqual(5);
      expect(answers.filter((a) => a.status === 429)).toHaveLength(51 - heard.length);
    } finally {
      await roomy.close();
    }
  });
});
