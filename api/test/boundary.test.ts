import fc from "fast-check";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../src/schema.js";
import { startTestApi, tableCounts, type TestApi } from "./support.js";
import { ENCODED_FILE_FIELD } from "../src/shared/text-rule.js";

/**
 * Every mutation's text and date inputs, walked from the schema itself, get a bad value each: the
 * answer is a clear 400 (never INTERNAL_SERVER_ERROR, never HTML) and nothing is written.
 */
let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login("admin@aptus.demo");
});
afterAll(() => api?.close());

interface Target {
  mutation: string;
  inputType: string;
  path: string[];
  kind: "text" | "date";
  base: Record<string, unknown>;
}

function sample(type: GraphQLInputType, depth: number): unknown {
  if (isNonNullType(type)) return sample(type.ofType, depth);
  if (isListType(type)) return [sample(type.ofType, depth)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    if (depth < 4) for (const f of Object.values(type.getFields())) out[f.name] = sample(f.type, depth + 1);
    return out;
  }
  const name = getNamedType(type).name;
  return (
    {
      String: "Ett namn",
      ID: "T3JnYW5pc2F0aW9uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA",
      Int: 1,
      Float: 1,
      Boolean: false,
      Date: "2026-06-01",
      DateTime: "2026-06-01T10:00:00Z",
      EmailAddress: "someone@example.com",
      NonNegativeInt: 1,
      JSONObject: {},
    } as Record<string, unknown>
  )[name];
}

function targetsOf(type: GraphQLInputType, path: string[], depth: number): { path: string[]; kind: "text" | "date" }[] {
  const named = getNamedType(type);
  if (isScalarType(named)) {
    if (named.name === "String") return [{ path, kind: "text" }];
    if (named.name === "Date") return [{ path, kind: "date" }];
    return [];
  }
  if (!isInputObjectType(named) || depth >= 4) return [];
  return Object.values(named.getFields()).flatMap((f) => targetsOf(f.type, [...path, f.name], depth + 1));
}

function withValue(base: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  let at: any = copy;
  for (const key of path.slice(0, -1)) at = Array.isArray(at[key]) ? at[key][0] : at[key];
  const last = path[path.length - 1]!;
  if (Array.isArray(at[last])) at[last] = [value];
  else at[last] = value;
  return copy;
}

async function allTargets(): Promise<Target[]> {
  const mutationType = (await schema()).getMutationType()!;
  const out: Target[] = [];
  for (const field of Object.values(mutationType.getFields())) {
    const input = field.args.find((a) => a.name === "input");
    if (!input) continue;
    const base = sample(input.type, 0) as Record<string, unknown>;
    for (const t of targetsOf(input.type, [], 0))
      out.push({ mutation: field.name, inputType: String(input.type), base, ...t });
  }
  return out;
}

const badText = fc
  .tuple(
    fc.string({ maxLength: 20 }),
    fc.constantFrom("\u0000", "\u0001", "\u0007", "\u001b", "\u007f", "\u0085", "\uD800", "\uDBFF", "\uDC00", "\uDFFF"),
    fc.string({ maxLength: 20 }),
  )
  .map(([a, bad, b]) => a + bad + b);
const badDate = fc.constantFrom("0000-01-01", "0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31", "10000-01-01");

async function send(t: Target, value: unknown) {
  const query = `mutation($i: ${t.inputType}) { ${t.mutation}(input: $i) { __typename } }`;
  const res = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query, variables: { i: withValue(t.base, t.path, value) } }),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] } };
}

describe("every mutation's text and date inputs at the boundary", () => {
  it("answer a bad text or date with a clear 400, and write nothing", async () => {
    const targets = await allTargets();
    expect(targets.filter((t) => t.kind === "text").length).toBeGreaterThan(15);
    expect(targets.filter((t) => t.kind === "date").length).toBeGreaterThan(5);
    const before = await tableCounts(api);
    const check = async (t: Target, value: unknown) => {
      const r = await send(t, value);
      const code = r.body.errors?.[0]?.extensions?.code;
      expect({ mutation: t.mutation, path: t.path.join("."), status: r.status, code }).toEqual({
        mutation: t.mutation,
        path: t.path.join("."),
        status: 400,
        code: "BAD_USER_INPUT",
      });
      expect(r.text).not.toMatch(/<html|INTERNAL_SERVER_ERROR/i);
    };
    // Every target with the worst cases, then fast-check's mixtures.
    for (const t of targets) {
      if (t.kind === "text") {
        await check(t, "nul\u0000inside");
        await check(t, "lone \uD800 surrogate");
        // A file sent as text (base64, a data URL) is limited by its own rule, by decoded size and type.
        if (!ENCODED_FILE_FIELD.test(t.path[t.path.length - 1]!)) await check(t, "x".repeat(10_001));
        else expect((await send(t, "x".repeat(10_001))).text).not.toMatch(/<html|INTERNAL_SERVER_ERROR/i);
      } else {
        await check(t, "0000-01-01");
        await check(t, "9999-12-31");
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), badText, badDate, async (t, text, date) =>
        check(t, t.kind === "text" ? text : date),
      ),
      { numRuns: 150 },
    );
    expect(await tableCounts(api)).toEqual(before);
  }, 180_000);
});

describe("requests the API cannot read", () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it.each([
    ["malformed JSON", "{ not json", 400, "BAD_REQUEST"],
    ["a body of null", "null", 400, "BAD_REQUEST"],
    [
      "a body over 1 MB",
      JSON.stringify({ query: `{ tiers { code } }`, variables: { x: "y".repeat(1_100_000) } }),
      413,
      "PAYLOAD_TOO_LARGE",
    ],
    // Refused by Apollo itself, before any plugin runs: they too carry the request id the guide promises.
    ["a batch (an array)", JSON.stringify([{ query: "{ tiers { code } }" }]), 400, "BAD_REQUEST"],
    ["an empty object", "{}", 400, "BAD_REQUEST"],
    ["a query that is not a string", JSON.stringify({ query: 1 }), 400, "BAD_REQUEST"],
    [
      "variables that are not an object",
      JSON.stringify({ query: "{ tiers { code } }", variables: [] }),
      400,
      "BAD_REQUEST",
    ],
  ])("%s: a JSON GraphQL error, not express's HTML page", async (_name, body, status, code) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const json = (await res.json()) as { errors: { extensions: { code: string; requestId: string } }[] };
    expect(json.errors[0]!.extensions).toMatchObject({ code, requestId: expect.any(String) });
  });

  it.each([
    ["GET without a preflight header (CSRF prevention)", "GET", {}, 400],
    ["PUT", "PUT", { "content-type": "application/json" }, 405],
  ])("%s: refused with the request id in the answer", async (_name, method, headers, status) => {
    const res = await fetch(`${api.url}/graphql?query=%7Btiers%7Bcode%7D%7D`, {
      method,
      headers,
      body: method === "GET" ? undefined : JSON.stringify({ query: "{ tiers { code } }" }),
    });
    expect(res.status).toBe(status);
    const json = (await res.json()) as { errors: { extensions: { code: string; requestId: string } }[] };
    const requestId = res.headers.get("x-request-id");
    expect(json.errors[0]!.extensions).toMatchObject({ code: "BAD_REQUEST", requestId });
    expect(json).toMatchObject({ extensions: { requestId } });
  });

  it.each(["/nope", "/support/attachments/", "/healthz/more"])(
    "GET %s, a path the API does not serve: 404 as JSON with the request id, not express's HTML page",
    async (path) => {
      const res = await fetch(`${api.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      const json = (await res.json()) as { errors: { extensions: { code: string; requestId: string } }[] };
      expect(json.errors[0]!.extensions).toEqual({ code: "NOT_FOUND", requestId: res.headers.get("x-request-id") });
    },
  );

  it("over the token limit (1,000 aliases, anonymously): 400", async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: tiers { code name }`).join(" ");
    const res = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/INTERNAL_SERVER_ERROR/);
  });

  it("20 aliases of a full agreement page: refused as too expensive with a clear 400, before any work", async () => {
    const page = `agreements(first: 100) { edges { node { id number lapsePreview { __typename } updatesNeeded { __typename } history { action }
      tailoring { steps { step } history { __typename } actionPlan { id items { id } } } } } }`;
    const query = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: ${page}`).join(" ")} }`;
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query }),
    });
    expect(res.status).toBe(400);
    const json = (await res.json()) as {
      errors: { message: string; extensions: { code: string; cost: number; maxCost: number } }[];
    };
    expect(json.errors[0]!.message).toMatch(/would cost \d+, over the limit/);
    expect(json.errors[0]!.extensions).toMatchObject({ code: "BAD_REQUEST", maxCost: expect.any(Number) });
  });

  it("a subscription: 400, the API serves none", async () => {
    const res = await post(JSON.stringify({ query: `subscription { tiers { code } }` }));
    expect(res.status).toBe(400);
    const json = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(json.errors[0]!.extensions.code).not.toBe("INTERNAL_SERVER_ERROR");
  });
});
