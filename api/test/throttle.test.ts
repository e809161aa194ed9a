import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { LOGIN_MAX_FAILURES_PER_ADDRESS: 3, TRUST_PROXY: "loopback" } });
});
afterAll(() => api?.close());

async function login(email: string, password: string, from: string) {
  const res = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({ query: `mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`, variables: { i: { email, password } } }),
  });
  return ((await res.json()) as any).data.login;
}

describe("failed log-ins behind the portal", () => {
  it("are counted per client address that the portal forwards, so one person's guesses do not lock out the others", async () => {
    for (let i = 0; i < 3; i++) await login(`guess${i}@example.com`, "wrong", "203.0.113.7");
    expect(await login("karin@vastkustfast.demo", "trygg-demo-2026", "203.0.113.7")).toMatchObject({ token: null, userErrors: [{ code: "TOO_MANY_ATTEMPTS" }] });
    expect((await login("karin@vastkustfast.demo", "trygg-demo-2026", "198.51.100.4")).token).toMatch(/^tgs_/);
  });
});
