import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "graphql";
import type { TypedDocumentNode } from "@apollo/client/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The API client of the portal's server: one for every request (api.server.ts), so each request must
 * carry its own user's token and id, and never get another request's answer, even for the same query
 * at the same moment.
 */
let server: Server;
let api: typeof import("./api.server");
let sessions: typeof import("./session.server");
const seen: { authorization?: string; requestId?: string }[] = [];
const apiUrlBefore = process.env.TRYGG_API_URL;
const WHO = parse("query Who { who }") as TypedDocumentNode<{ who: string }, Record<string, never>>;

beforeAll(async () => {
  // Answers with the token it was sent, a little later, so that identical queries are in flight together.
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const authorization = req.headers.authorization;
      seen.push({ authorization, requestId: req.headers["x-request-id"] as string | undefined });
      setTimeout(() => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ data: { who: authorization ?? "nobody" } }));
      }, 30);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.TRYGG_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  api = await import("./api.server");
  sessions = await import("./session.server");
});

afterAll(async () => {
  // The test files of a worker share its process.env.
  if (apiUrlBefore === undefined) delete process.env.TRYGG_API_URL;
  else process.env.TRYGG_API_URL = apiUrlBefore;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function requestAs(token: string): Promise<Request> {
  const session = await sessions.getSession(new Request("http://portal.test/"));
  session.set("token", token);
  return new Request("http://portal.test/", { headers: { cookie: await sessions.commitSession(session) } });
}

describe("the portal's API client", () => {
  it("asks as each request's own user, also for the same query at the same moment", async () => {
    const tokens = Array.from({ length: 12 }, (_, i) => `token-${i % 3}-${i}`);
    const contexts = await Promise.all(tokens.map(async (token) => api.apiFor(await requestAs(token))));
    seen.length = 0;
    const answers = await Promise.all(contexts.map(({ api: a }) => a.query(WHO, {})));
    expect(answers.map((a) => a.who)).toEqual(tokens.map((t) => `Bearer ${t}`));
    // One request each, each with an id of its own.
    expect(seen).toHaveLength(tokens.length);
    expect(new Set(seen.map((s) => s.requestId)).size).toBe(tokens.length);
  });

  it("keeps a request's id for each of its calls", async () => {
    const { api: a } = await api.apiFor(await requestAs("token-x"));
    seen.length = 0;
    await a.query(WHO, {});
    await a.query(WHO, {});
    expect(seen).toHaveLength(2);
    expect(seen[0]!.requestId).toBe(seen[1]!.requestId);
    expect(seen[0]!.authorization).toBe("Bearer token-x");
  });
});
