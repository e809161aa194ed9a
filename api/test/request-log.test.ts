import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EMAILS, PASSWORD, startTestApi, type TestApi } from "./support.js";

/**
 * The request log as the API writes it at its default level: one line per request with the request
 * id, method, route, status and duration, and nothing else about the request (decision 0087).
 */
let api: TestApi;
const lines: string[] = [];

beforeAll(async () => {
  const logTo = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  api = await startTestApi({ logTo });
});

afterAll(async () => {
  await api?.close();
});

const requestLines = () =>
  lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => String(l.msg).startsWith("request "));

describe("the request log", () => {
  it("gives each request its id, method, route, status and duration, and nothing else", async () => {
    const token = await api.login(DEMO_EMAILS.petra, PASSWORD);
    const page = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-request-id": "trace-4711-a" },
      body: JSON.stringify({ query: "{ agreements(first: 5) { totalCount } }" }),
    });
    expect(page.status).toBe(200);
    const unreadable = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "s=cookie-value-9" },
      body: "{not json",
    });
    expect(unreadable.status).toBe(400);
    const pingKey = "pk_unknownkey0123456789abcdef";
    const ping = await fetch(`${api.url}/ping/${pingKey}`);
    expect(ping.status).toBeGreaterThanOrEqual(400);
    const nowhere = await fetch(`${api.url}/no/such/place?secret=1`);
    expect(nowhere.status).toBe(404);
    await new Promise((r) => setTimeout(r, 100)); // the last line is written on the response's finish

    const logged = requestLines();
    for (const line of logged)
      expect(Object.keys(line).sort()).toEqual(
        ["durationMs", "level", "method", "msg", "reqId", "route", "service", "status", "time"].sort(),
      );
    const seen = logged.map(({ method, route, status }) => `${method} ${route} ${status}`);
    expect(seen).toEqual([
      "POST /graphql 200", // the login
      "POST /graphql 200",
      "POST /graphql 400",
      `GET /ping/:key ${ping.status}`,
      "GET unmatched 404",
    ]);
    expect(logged[1]).toMatchObject({ reqId: "trace-4711-a", msg: "request completed" });
    for (const line of logged) expect(line.durationMs).toEqual(expect.any(Number));

    const log = lines.join("\n");
    for (const never of [token, PASSWORD, pingKey, "cookie-value-9", "secret=1", "headers", "user-agent"])
      expect(log, never).not.toContain(never);
  });
});
