import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileMonitoring } from "../src/modules/monitoring/index.js";
import { todayInSweden } from "../src/shared/dates.js";
import { startTestApi, type TestApi } from "./support.js";

/**
 * A relation never shows more than the direct query would: every field that returns a `User`, an
 * `Organisation` or a `MonitoringCheck` is found by introspection (so a new one is covered without touching this file),
 * reached from the query root by the shortest path, and each id it answers must be answered by
 * `node(id)` for the same viewer too.
 */

const DEMO_LOGINS = [
  "admin@aptus.demo",
  "sara.saljare@aptus.demo",
  "tomas.tekniker@aptus.demo",
  "petra@nordsak.demo",
  "pelle@nordsak.demo",
  "lars@lasteknikvast.demo",
  "karin@vastkustfast.demo",
  "kalle@vastkustfast.demo",
  "eva@alvstranden.demo",
  "bo@brflinne.demo",
  "britt@brfkastanjen.demo",
];
const TARGETS = new Set(["User", "Organisation", "MonitoringCheck"]);
/**
 * Mutation payloads answer the caller's own new object; they are not reachable from a query. Nor is the
 * deactivation preview's effect, which needs the organisation's id as input: it is for vendor admins only, who see
 * every organisation, and test/organisation-deactivation.test.ts holds everyone else to FORBIDDEN.
 */
const NOT_FROM_QUERIES = /Payload$|^OrganisationDeactivationEffect$/;

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface Field {
  name: string;
  type: TypeRef;
  args: { name: string; type: TypeRef }[];
}
interface FullType {
  name: string;
  kind: string;
  fields: Field[] | null;
}

const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
const required = (t: TypeRef) => t.kind === "NON_NULL";

let api: TestApi;
let types: Map<string, FullType>;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login("admin@aptus.demo");
  // The monitored demo properties get their default checks, as the sweeper's loop would give them.
  await reconcileMonitoring(api.database.db, new Date(), todayInSweden());
  const r = await api.gql(
    `{ __schema { queryType { name } types { name kind fields { name args { name type { ...T } } type { ...T } } } } }
     fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`,
    {},
    admin,
  );
  types = new Map((r.data.__schema.types as FullType[]).map((t) => [t.name, t]));
  // A partner's agreement that covers a property another partner installed: the other partner
  // must not show through `property.installer`.
  const ids = await api.gql(
    `{ organisations(first: 50) { edges { node { id name properties(first: 20) { edges { node { id name } } } } } } }`,
    {},
    admin,
  );
  const orgs = ids.data.organisations.edges.map((e: any) => e.node);
  const org = (name: string) => orgs.find((o: any) => o.name === name);
  const kungsladugard = org("Västkustens Fastigheter AB")
    .properties.edges.map((e: any) => e.node)
    .find((p: any) => p.name === "Kv. Kungsladugård 7");
  const created = await api.gql(
    `mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { agreement { id } userErrors { code message } } }`,
    {
      i: {
        customerId: org("Västkustens Fastigheter AB").id,
        partnerId: org("Nordsäk Säkerhet AB").id,
        tier: "PLUS_500",
        propertyIds: [kungsladugard.id],
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
      },
    },
    admin,
  );
  expect(created.data.createAgreement.userErrors).toEqual([]);
}, 120_000);
afterAll(() => api?.close());

/** Every (type, field) that returns a User or an Organisation. */
function relationFields(): { type: string; field: string }[] {
  const out: { type: string; field: string }[] = [];
  for (const t of types.values()) {
    if (t.kind !== "OBJECT" || t.name.startsWith("__") || t.name === "Query" || t.name === "Mutation") continue;
    for (const f of t.fields ?? [])
      if (TARGETS.has(named(f.type).name ?? "")) out.push({ type: t.name, field: f.name });
  }
  return out;
}

/** A field can be followed when it needs no argument we cannot make up; lists get `first: 10`. */
function argsOf(f: Field): string | null {
  const parts: string[] = [];
  for (const a of f.args) {
    if (a.name === "first") parts.push("first: 10");
    else if (required(a.type)) return null;
  }
  return parts.length ? `(${parts.join(", ")})` : "";
}

/**
 * Selection paths from the query root to `type`, shortest first: a relation may be reached from
 * several parents (a property from the property list, or from an agreement), and each is walked.
 */
function pathsTo(target: string, limit = 8, maxDepth = 4): string[][] {
  const found: string[][] = [];
  const queue: { type: string; path: string[]; types: string[] }[] = [{ type: "Query", path: [], types: ["Query"] }];
  while (queue.length && found.length < limit) {
    const { type, path, types: onPath } = queue.shift()!;
    if (type === target) {
      found.push(path);
      continue;
    }
    if (path.length >= maxDepth) continue;
    for (const f of types.get(type)?.fields ?? []) {
      const next = named(f.type);
      const args = argsOf(f);
      if (args === null || next.kind !== "OBJECT" || onPath.includes(next.name!)) continue;
      queue.push({ type: next.name!, path: [...path, `${f.name}${args}`], types: [...onPath, next.name!] });
    }
  }
  return found;
}

function queryFor(path: string[], field: string): string {
  return path.reduceRight((inner, step) => `${step} { ${inner} }`, `${field} { id }`);
}

function collectIds(value: unknown, out: Set<string>) {
  if (Array.isArray(value)) for (const v of value) collectIds(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "id" && typeof v === "string") out.add(v);
      else collectIds(v, out);
    }
  }
}

async function nodeAnswers(token: string, ids: string[]): Promise<Set<string>> {
  const answered = new Set<string>();
  for (let i = 0; i < ids.length; i += 20) {
    const chunk = ids.slice(i, i + 20);
    const q = `query(${chunk.map((_, j) => `$i${j}: ID!`).join(", ")}) { ${chunk.map((_, j) => `n${j}: node(id: $i${j}) { id }`).join(" ")} }`;
    const r = await api.gql(q, Object.fromEntries(chunk.map((id, j) => [`i${j}`, id])), token);
    expect(r.errors).toBeUndefined();
    for (const v of Object.values(r.data as Record<string, { id: string } | null>)) if (v) answered.add(v.id);
  }
  return answered;
}

describe("relations that return a user or an organisation", () => {
  it("are all reachable from a query, so the walk below covers every one", () => {
    const fields = relationFields();
    expect(fields.map((f) => `${f.type}.${f.field}`)).toEqual(
      expect.arrayContaining([
        "Property.installer",
        "TailoringEvent.actor",
        "AuditEvent.actor",
        "Agreement.seller",
        "Property.monitoringChecks",
        "Agreement.monitoringChecks",
      ]),
    );
    const unreachable = fields.filter((f) => !NOT_FROM_QUERIES.test(f.type) && pathsTo(f.type, 1).length === 0);
    expect(unreachable).toEqual([]);
  });

  it.each(DEMO_LOGINS)(
    "never show %s more than node(id) answers",
    async (email) => {
      const token = await api.login(email);
      const leaks: string[] = [];
      let seen = 0;
      for (const { type, field } of relationFields()) {
        if (NOT_FROM_QUERIES.test(type)) continue;
        const ids = new Set<string>();
        for (const path of pathsTo(type)) {
          const r = await api.gql(`{ ${queryFor(path, field)} }`, {}, token);
          const errors = (r.errors ?? []).filter((e: any) => e.extensions?.code !== "FORBIDDEN");
          expect(errors, `${path.join(".")}.${field} as ${email}`).toEqual([]);
          // the path's own objects select no id: only the target field's ids are collected
          collectIds(r.data, ids);
        }
        const answered = await nodeAnswers(token, [...ids]);
        seen += ids.size;
        for (const id of ids)
          if (!answered.has(id)) leaks.push(`${type}.${field} → ${Buffer.from(id, "base64").toString()}`);
      }
      expect(seen).toBeGreaterThan(0);
      expect(leaks).toEqual([]);
    },
    120_000,
  );
});
