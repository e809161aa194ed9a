import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  print,
  typeFromAST,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as tables from "../src/db/schema/index.js";
import { createLogger } from "../src/logger.js";
import { schema as buildApiSchema } from "../src/schema.js";
import { startServer, type TryggServer } from "../src/server.js";
import { toGlobalId, type NodeTypeName } from "../src/shared/ids.js";
import { startTestApi, type TestApi } from "./support.js";

/**
 * The API's answers, byte for byte, from the compiled path and from graphql-js alone: every
 * operation the portal and the partner example send, and a corpus generated over the whole schema,
 * as every kind of user, over HTTP. Two servers share one database: one as production runs
 * (compiled once a document repeats), one with `COMPILED_EXECUTION=off`. The clock is held still
 * (`Date` only) so that both answer at the same instant; each pair of requests carries one request id.
 * The synthetic schema's corpus, with errors at every depth, is src/shared/compiled-execution.differential.test.ts.
 */
const root = path.resolve(import.meta.dirname, "../..");
const ROLES = [
  "admin@aptus.demo",
  "sara.saljare@aptus.demo",
  "tomas.tekniker@aptus.demo",
  "petra@nordsak.demo",
  "karin@vastkustfast.demo",
  "kalle@vastkustfast.demo",
  "bo@brflinne.demo",
];

let compiled: TestApi;
let reference: TryggServer;
let schema: GraphQLSchema;
const executed: ("compiled" | "graphql-js")[] = [];
const tokens = new Map<string, string>();
const ids = new Map<NodeTypeName, string[]>();

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
  compiled = await startTestApi({ onExecuted: (how) => executed.push(how) });
  reference = await startServer({
    database: compiled.database,
    logger: createLogger("silent"),
    port: 0,
    host: "127.0.0.1",
    env: {
      SESSION_TTL_HOURS: 12,
      AGREEMENT_EXPIRING_WINDOW_DAYS: 60,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: 5,
      LOGIN_MAX_FAILURES_PER_ADDRESS: 1000,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
      TRUST_PROXY: false,
      COMPILED_EXECUTION: "off",
    },
  });
  schema = await buildApiSchema();
  for (const email of ROLES) tokens.set(email, await compiled.login(email));
  const db = compiled.database.db;
  const sources: [NodeTypeName, { id: typeof tables.agreements.id }][] = [
    ["Organisation", tables.organisations],
    ["User", tables.users],
    ["Property", tables.properties],
    ["Agreement", tables.agreements],
    ["AgreementPeriod", tables.agreementPeriods],
    ["HanteraAccount", tables.hanteraAccounts],
    ["LicenceRental", tables.licenceRentals],
    ["AddOn", tables.addOns],
    ["ProductRelease", tables.productReleases],
    ["Tailoring", tables.tailorings],
    ["ActionPlan", tables.actionPlans],
    ["ActionItem", tables.actionItems],
    ["ServiceVisit", tables.serviceVisits],
    ["SupportCase", tables.supportCases],
    ["SupportCaseMessage", tables.supportCaseMessages],
    ["AuditEvent", tables.auditEvents],
    ["EmailMessage", tables.emailOutbox],
  ] as never;
  for (const [type, table] of sources) {
    const rows = (await db
      .select({ id: table.id })
      .from(table as never)
      .limit(2)) as { id: string }[];
    ids.set(
      type,
      rows.map((r) => toGlobalId(type, r.id)),
    );
  }
}, 180_000);

afterAll(async () => {
  vi.useRealTimers();
  await reference?.stop();
  await compiled?.close();
});

interface Sent {
  status: number;
  contentType: string | null;
  body: string;
}

let requestCount = 0;
async function send(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
  requestId: string,
): Promise<Sent> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-request-id": requestId,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, contentType: res.headers.get("content-type"), body: await res.text() };
}

/**
 * One request through both servers: graphql-js's answer, then the compiled server's until its compiled path has
 * answered. A document's first run there is graphql-js's and it compiles from the second, so a document new to it
 * is sent twice and one it has compiled once; what never runs compiled (a mutation, a refused request) is sent
 * twice. Sending every case twice compared the compiled answer with itself for all but a document's first case.
 */
async function compare(query: string, variables: Record<string, unknown>, token: string | undefined) {
  const id = `diff-${String(++requestCount).padStart(8, "0")}`;
  const expected = await send(reference.url, query, variables, token, id);
  for (let run = 1; run <= 2; run++) {
    const before = executed.length;
    const answer = await send(compiled.url, query, variables, token, id);
    expect(answer, `${query}\n${JSON.stringify(variables)} (run ${run})`).toEqual(expected);
    if (executed.slice(before).includes("compiled")) break;
  }
  return expected;
}

// ---- values for variables, from the type alone (and real ids from the database) ----

const ID_BY_NAME: Record<string, NodeTypeName> = {
  customerId: "Organisation",
  organisationId: "Organisation",
  orgId: "Organisation",
  partnerId: "Organisation",
  agreementId: "Agreement",
  propertyId: "Property",
  caseId: "SupportCase",
  visitId: "ServiceVisit",
  userId: "User",
  assigneeId: "User",
  itemId: "ActionItem",
  tailoringId: "Tailoring",
  releaseId: "ProductRelease",
  rentalId: "LicenceRental",
  accountId: "HanteraAccount",
  addOnId: "AddOn",
};

/** The type an `id` variable names, read off the field or argument it is passed to. */
function idTypeFor(name: string, usedIn: string | undefined): NodeTypeName | undefined {
  if (ID_BY_NAME[name]) return ID_BY_NAME[name];
  const candidate = usedIn ? ((usedIn[0]!.toUpperCase() + usedIn.slice(1)) as NodeTypeName) : undefined;
  return candidate && ids.has(candidate) ? candidate : undefined;
}

function valueFor(type: GraphQLInputType, name: string, usedIn: string | undefined, variant: number): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return [valueFor(inner.ofType, name, usedIn, variant)];
  if (isEnumType(inner)) {
    const values = inner.getValues();
    return values[variant % values.length]!.name;
  }
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        out[field.name] = valueFor(field.type, field.name, undefined, variant);
      else if (variant === 1) out[field.name] = valueFor(field.type, field.name, undefined, variant);
      else if (variant === 2 && !isNonNullType(field.type)) out[field.name] = null;
    }
    return out;
  }
  const now = new Date();
  switch (isScalarType(inner) ? inner.name : "") {
    case "ID": {
      const type = idTypeFor(name, usedIn);
      const pool = type ? ids.get(type)! : [...ids.values()].flat();
      return pool[variant % pool.length] ?? "bm90aGluZw";
    }
    case "Int":
    case "NonNegativeInt":
      return name === "last" ? 3 : 5;
    case "Float":
      return 1.5;
    case "Boolean":
      return variant % 2 === 0;
    case "Date":
      return new Date(now.getTime() + (variant - 1) * 30 * 86_400_000).toISOString().slice(0, 10);
    case "DateTime":
      return now.toISOString();
    case "EmailAddress":
      return "kalle@vastkustfast.demo";
    case "JSONObject":
      return {};
    default:
      return name === "after" || name === "before" ? undefined : "Brf";
  }
}

/** The field or argument each variable is passed to, for choosing ids of the right type. */
function variableUses(operation: OperationDefinitionNode): Map<string, string> {
  const uses = new Map<string, string>();
  const fields: string[] = [];
  visit(operation, {
    Field: { enter: (f) => void fields.push(f.name.value), leave: () => void fields.pop() },
    Argument(arg) {
      if (arg.value.kind === Kind.VARIABLE)
        uses.set(arg.value.name.value, arg.name.value === "id" ? fields.at(-1)! : arg.name.value);
    },
  });
  return uses;
}

/** Variable sets for an operation: nullable ones left out, all given, nullable ones null. */
function variableSets(operation: OperationDefinitionNode): Record<string, unknown>[] {
  const uses = variableUses(operation);
  const sets = [0, 1, 2].map((variant) => {
    const out: Record<string, unknown> = {};
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      const type = typeFromAST(schema, definition.type) as GraphQLInputType;
      const required = definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue;
      if (!required && variant === 0) continue;
      if (!required && variant === 2) {
        out[name] = null;
        continue;
      }
      const value = valueFor(type, name, uses.get(name), variant);
      if (value !== undefined) out[name] = value;
    }
    return out;
  });
  // An operation without optional variables gets the same set more than once: one request says all it can.
  return [...new Map(sets.map((set) => [JSON.stringify(set), set])).values()];
}

// ---- the documents ----

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "graphql" || name === "build") return [];
    if (statSync(full).isDirectory()) return graphqlFiles(full);
    return name.endsWith(".graphql") ? [full] : [];
  });
}

/** Each operation the portal and the partner example send, as one document with the fragments it needs. */
function clientOperations(): { name: string; document: DocumentNode }[] {
  const files = [
    ...graphqlFiles(path.join(root, "portal/app")),
    path.join(root, "examples/partner-sync/src/operations.graphql"),
  ];
  const definitions = files.flatMap((f) => parse(readFileSync(f, "utf8")).definitions);
  const fragments = new Map(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const needed = new Map<string, FragmentDefinitionNode>();
      const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
        visit(node, {
          FragmentSpread(spread) {
            const fragment = fragments.get(spread.name.value)!;
            if (!needed.has(fragment.name.value)) {
              needed.set(fragment.name.value, fragment);
              collect(fragment);
            }
          },
        });
      collect(operation);
      return {
        name: operation.name?.value ?? "anonymous",
        document: { kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] } as DocumentNode,
      };
    });
}

/** A selection of every leaf, and of objects reachable without required arguments, to `depth`. */
function selectionOf(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    // Bytes are costed out of lists, and a protocol PDF takes a second of its own thread: both have their own tests.
    if (field.name === "contentBase64" || field.name === "protocolPdf") continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0 && isObjectType(named)) {
      const args = field.args.some((a) => a.name === "first") ? "(first: 3)" : "";
      const inner = selectionOf(named, depth - 1);
      if (inner) parts.push(`${field.name}${args} { ${inner} }`);
    } else if (depth > 0) parts.push(`${field.name} { __typename }`);
  }
  return parts.join(" ");
}

/** For each query field: its selection, with required arguments as variables. */
function generatedQueries(): string[] {
  const out: string[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const named = getNamedType(field.type);
    const selection = isLeafType(named)
      ? ""
      : isObjectType(named)
        ? `{ ${selectionOf(named, 2) || "__typename"} }`
        : "{ __typename }";
    const definitions = field.args.map((a) => `$${a.name}: ${a.type.toString()}`);
    const args = field.args.map((a) => `${a.name}: $${a.name}`);
    const head = definitions.length ? `(${definitions.join(", ")})` : "";
    out.push(
      `query Generated_${field.name}${head} { ${field.name}${args.length ? `(${args.join(", ")})` : ""} ${selection} }`,
    );
    // The same field through an alias, a named fragment and a skipped copy.
    if (isObjectType(named)) {
      out.push(
        `query Shaped_${field.name}${head.replace(/\)$/, "")}${head ? ", " : "("}$yes: Boolean!) { a: ${field.name}${args.length ? `(${args.join(", ")})` : ""} { ...F } b: ${field.name}${args.length ? `(${args.join(", ")})` : ""} @skip(if: $yes) { __typename } } fragment F on ${named.name} { ${selectionOf(named, 1) || "__typename"} }`,
      );
    }
  }
  return out;
}

describe("the compiled path answers as graphql-js, over HTTP, for every client operation and a generated corpus", () => {
  it("every operation of the portal and the partner example, as every kind of user", async () => {
    const operations = clientOperations();
    expect(operations.length).toBeGreaterThan(60);
    for (const { document } of operations) {
      const operation = document.definitions[0] as OperationDefinitionNode;
      const query = print(document);
      if (operation.operation === "mutation") {
        // A mutation runs with graphql-js on both servers; its refusals must match too, and are
        // sent so that nothing is written: without a session, or with its required variables missing.
        await compare(query, {}, undefined);
        const required = (operation.variableDefinitions ?? []).some(
          (d) => d.type.kind === Kind.NON_NULL_TYPE && !d.defaultValue,
        );
        if (required) await compare(query, {}, tokens.get("admin@aptus.demo"));
        continue;
      }
      for (const email of ROLES) {
        for (const variables of variableSets(operation)) await compare(query, variables, tokens.get(email));
      }
    }
    expect(executed.filter((how) => how === "compiled").length).toBeGreaterThan(500);
  }, 600_000);

  it("a query over every field of the schema, through aliases, fragments and @skip, as vendor, partner, customer and nobody", async () => {
    const before = executed.filter((how) => how === "compiled").length;
    const queries = generatedQueries();
    expect(queries.length).toBeGreaterThan(40);
    for (const query of queries) {
      let operation: OperationDefinitionNode;
      try {
        operation = parse(query).definitions[0] as OperationDefinitionNode;
      } catch (e) {
        throw new Error(`the generator wrote an invalid query: ${query}`, { cause: e });
      }
      for (const email of ["admin@aptus.demo", "petra@nordsak.demo", "karin@vastkustfast.demo", undefined]) {
        for (const variables of variableSets(operation))
          await compare(query, variables, email ? tokens.get(email) : undefined);
      }
    }
    expect(executed.filter((how) => how === "compiled").length - before).toBeGreaterThan(200);
  }, 600_000);

  it("GET and POST, with either GraphQL-over-HTTP media type, answer the same status, media type and body on the compiled path", async () => {
    const token = tokens.get("petra@nordsak.demo")!;
    const requests = [
      {
        query: "query P($first: Int!) { agreements(first: $first) { totalCount edges { node { id number status } } } }",
        variables: { first: 3 },
      },
      { query: "query P($first: Int!) { agreements(first: $first) { totalCount } }", variables: { first: 1000 } },
      { query: "query P($first: Int!) { agreements(first: $first) { totalCount } }", variables: { first: "x" } },
      { query: "query P { agreements(first: 1) { edges { node { id } } } }", variables: {} },
    ];
    for (const accept of ["application/graphql-response+json", "application/json"]) {
      for (const { query, variables } of requests) {
        const id = `diff-get-${++requestCount}`;
        const get = (url: string) =>
          fetch(`${url}/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`, {
            headers: {
              accept,
              authorization: `Bearer ${token}`,
              "x-request-id": id,
              "apollo-require-preflight": "true",
            },
          }).then(async (r) => ({
            status: r.status,
            contentType: r.headers.get("content-type"),
            body: await r.text(),
          }));
        const expected = await get(reference.url);
        for (let run = 1; run <= 2; run++)
          expect(await get(compiled.url), `GET ${accept} ${query} ${JSON.stringify(variables)}`).toEqual(expected);
        expect(await send(compiled.url, query, variables, token, id)).toMatchObject({ status: expected.status });
      }
    }
  });

  it("a wrong variable is BAD_USER_INPUT with status 400 on every run, never an internal error", async () => {
    const answer = await compare(
      `query A($n: Int!) { agreements(first: $n) { totalCount } }`,
      { n: "all" },
      tokens.get("admin@aptus.demo"),
    );
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});
