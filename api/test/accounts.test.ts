import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    env: { PASSWORD_RESET_MAX_PER_ACCOUNT: 2, PASSWORD_RESET_MAX_PER_ADDRESS: 100, TRUST_PROXY: "loopback" },
  });
});
afterAll(() => api?.close());

async function askForReset(email: string, from: string) {
  const res = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({
      query: `mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) { requested userErrors { code } } }`,
      variables: { i: { email } },
    }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return {
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    data: body.data,
    code: body.errors?.[0]?.extensions?.code,
  };
}

describe("password resets over HTTP", () => {
  it("answer a known and an unknown address with the same status and body, and both run out alike (429)", async () => {
    const known = "britt@brfkastanjen.demo";
    const unknown = "nobody-at-all@brfkastanjen.demo";
    const first = await Promise.all([askForReset(known, "203.0.113.10"), askForReset(unknown, "203.0.113.10")]);
    expect(first[0]).toEqual(first[1]);
    expect(first[0]).toMatchObject({
      status: 200,
      data: { requestPasswordReset: { requested: true, userErrors: [] } },
    });
    await askForReset(known, "203.0.113.10");
    await askForReset(unknown, "203.0.113.10");
    const third = await Promise.all([askForReset(known, "203.0.113.10"), askForReset(unknown, "203.0.113.10")]);
    for (const refused of third) {
      expect(refused).toMatchObject({ status: 429, code: "TOO_MANY_REQUESTS" });
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    }
  });

  it("answer a bad reset token with a userError, not a server error", async () => {
    const r = await api.gql(
      `mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { email userErrors { code field } } }`,
      { i: { token: "tgr_not-a-real-token", password: "en-helt-ny-fras-for-trygg" } },
    );
    expect(r.status).toBe(200);
    expect(r.data.resetPassword).toEqual({
      email: null,
      userErrors: [{ code: "RESET_LINK_INVALID", field: ["input", "token"] }],
    });
  });

  it("an invitation token that does not exist is a userError of the query, for anyone", async () => {
    const r = await api.gql(
      `query($t: String!) { invitationByToken(token: $t) { invitation { email } userErrors { code } } }`,
      {
        t: "tgi_nothing",
      },
    );
    expect(r.data.invitationByToken).toEqual({ invitation: null, userErrors: [{ code: "INVITATION_INVALID" }] });
  });
});
