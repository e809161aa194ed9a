import {
  execute,
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLError,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  GraphQLUnionType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type OperationDefinitionNode,
} from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { describe, expect, it } from "vitest";
import { compiledExecution } from "./compiled-execution.js";

/**
 * The compiled executor must answer every request byte for byte as graphql-js does. A schema with
 * every feature the API's schema uses (input objects with defaults at every level, nullable and
 * required fields, lists, enums with internal values, a custom scalar, interfaces, unions, errors
 * thrown and rejected at every depth, non-null errors that bubble) and a generated corpus of
 * requests over it, each run through graphql-js and through the gateway until it runs compiled.
 * The real schema's corpus is api/test/compiled-differential.test.ts.
 */

/** A day as the API's Date scalar reads it: a string outside, a Date inside. */
const Day: GraphQLScalarType<Date, string> = new GraphQLScalarType<Date, string>({
  name: "Day",
  serialize: (v) => (v as Date).toISOString().slice(0, 10),
  parseValue: (v) => {
    if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
      throw new GraphQLError(`Day cannot represent ${JSON.stringify(v)}`);
    return new Date(`${v}T00:00:00Z`);
  },
  parseLiteral: (ast): Date => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("Day must be a string");
    return Day.parseValue(ast.value) as Date;
  },
});

const Colour = new GraphQLEnumType({
  name: "Colour",
  values: { RED: { value: "r" }, GREEN: { value: "g" }, BLUE: { value: "b" } },
});

const Inner = new GraphQLInputObjectType({
  name: "Inner",
  fields: { flag: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: false }, label: { type: GraphQLString } },
});

/** An input that holds itself: graphql-jit cannot compile it (its stack overflows), so it must fall back. */
const Tree: GraphQLInputObjectType = new GraphQLInputObjectType({
  name: "Tree",
  fields: () => ({ label: { type: GraphQLString }, deeper: { type: Tree } }),
});

const Filter = new GraphQLInputObjectType({
  name: "Filter",
  fields: {
    text: { type: GraphQLString },
    colour: { type: Colour, defaultValue: "b" },
    colours: { type: new GraphQLList(new GraphQLNonNull(Colour)) },
    since: { type: Day },
    limit: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 10 },
    inner: { type: Inner },
    inners: { type: new GraphQLList(Inner) },
    tree: { type: Tree },
  },
});

/** A filter without defaults, as most of the API's filters are. */
const Search = new GraphQLInputObjectType({
  name: "Search",
  fields: {
    text: { type: GraphQLString },
    colours: { type: new GraphQLList(new GraphQLNonNull(Colour)) },
    inner: { type: Inner },
  },
});

/** `renewAgreement`'s shape: a required input whose required field has a default. */
const RenewInput = new GraphQLInputObjectType({
  name: "RenewInput",
  fields: {
    id: { type: new GraphQLNonNull(GraphQLString) },
    endsOn: { type: new GraphQLNonNull(Day) },
    carry: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: false },
  },
});

/**
 * What a resolver received, with absent, undefined and null told apart. Keys are shown sorted:
 * graphql-jit puts defaulted arguments first, graphql-js keeps the declared order, and no resolver
 * of the API sees either, since type-graphql rebuilds every argument object in its declared field
 * order (`convertArgsToInstance`, `convertToInput`) before our code reads it.
 */
function shown(args: unknown): string {
  return (
    JSON.stringify(args, (_k, v: unknown) => {
      if (v === undefined) return "<undefined>";
      if (v instanceof Date) return `Day(${v.toISOString().slice(0, 10)})`;
      if (v && typeof v === "object" && !Array.isArray(v))
        return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
      return v;
    }) ?? "<undefined>"
  );
}

const Named = new GraphQLInterfaceType({ name: "Named", fields: { name: { type: GraphQLString } } });

/** A node that fails where it is told to: `failAt` is the depth at which its fields throw. */
const Node: GraphQLObjectType<NodeValue> = new GraphQLObjectType<NodeValue>({
  name: "Node",
  interfaces: [Named],
  fields: () => ({
    depth: { type: new GraphQLNonNull(GraphQLInt), resolve: (n: NodeValue) => n.depth },
    name: { type: GraphQLString, resolve: (n: NodeValue) => `node ${n.depth}` },
    colour: { type: Colour, resolve: (n: NodeValue) => ["r", "g", "b"][n.depth % 3] },
    day: { type: Day, resolve: () => new Date("2027-03-01T00:00:00Z") },
    child: { type: Node, resolve: (n: NodeValue) => next(n) },
    requiredChild: { type: new GraphQLNonNull(Node), resolve: (n: NodeValue) => next(n) },
    children: {
      type: new GraphQLList(Node),
      args: { count: { type: GraphQLInt, defaultValue: 2 } },
      resolve: (n: NodeValue, a: { count: number }) => Array.from({ length: Math.min(a.count, 3) }, () => next(n)),
    },
    requiredChildren: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Node))),
      resolve: (n: NodeValue) => [next(n), next(n)],
    },
    failing: { type: GraphQLString, resolve: (n: NodeValue) => failHere(n, "failing") },
    failingLater: { type: GraphQLString, resolve: async (n: NodeValue) => failHere(n, "failingLater") },
    requiredFailing: {
      type: new GraphQLNonNull(GraphQLString),
      resolve: (n: NodeValue) => failHere(n, "requiredFailing"),
    },
    coded: {
      type: GraphQLString,
      resolve: (n: NodeValue) =>
        n.depth === n.failAt
          ? Promise.reject(new GraphQLError("refused", { extensions: { code: "FORBIDDEN" } }))
          : "fine",
    },
    wrongType: { type: GraphQLInt, resolve: (n: NodeValue) => (n.depth === n.failAt ? "not a number" : n.depth) },
  }),
});
interface NodeValue {
  depth: number;
  failAt: number;
}
const next = (n: NodeValue): NodeValue => ({ depth: n.depth + 1, failAt: n.failAt });
function failHere(n: NodeValue, field: string): string {
  if (n.depth === n.failAt) throw new Error(`${field} broke at depth ${n.depth}`);
  return `${field} ok`;
}

const Tag = new GraphQLObjectType({ name: "Tag", fields: { label: { type: GraphQLString } } });
const Found = new GraphQLUnionType({
  name: "Found",
  types: [Node, Tag],
  resolveType: (v: { label?: string }) => (v.label ? "Tag" : "Node"),
});

const schema = new GraphQLSchema({
  types: [Node, Tag],
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      echo: {
        type: GraphQLString,
        args: {
          filter: { type: Filter },
          search: { type: Search },
          colour: { type: Colour, defaultValue: "g" },
          day: { type: Day },
          days: { type: new GraphQLList(new GraphQLNonNull(Day)) },
          first: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 3 },
          text: { type: GraphQLString },
        },
        resolve: (_r, args) => shown(args),
      },
      root: {
        type: Node,
        args: { failAt: { type: GraphQLInt, defaultValue: -1 } },
        resolve: (_r, a: { failAt: number }) => ({ depth: 0, failAt: a.failAt }),
      },
      requiredRoot: {
        type: new GraphQLNonNull(Node),
        args: { failAt: { type: GraphQLInt, defaultValue: -1 } },
        resolve: (_r, a: { failAt: number }) => ({ depth: 0, failAt: a.failAt }),
      },
      found: { type: new GraphQLList(Found), resolve: () => [{ depth: 0, failAt: -1 }, { label: "a tag" }] },
      named: { type: Named, resolve: () => ({ depth: 1, failAt: -1 }) },
    },
  }),
  mutation: new GraphQLObjectType({
    name: "Mutation",
    fields: {
      renew: {
        type: GraphQLString,
        args: { input: { type: new GraphQLNonNull(RenewInput) } },
        resolve: (_r, args) => shown(args),
      },
      echo: { type: GraphQLString, args: { filter: { type: Filter } }, resolve: (_r, args) => shown(args) },
    },
  }),
});
Object.assign(Named, { resolveType: () => "Node" });

/** An answer as bytes, as Apollo would send it: data, then each error's JSON form. */
function bytes(result: ExecutionResult): string {
  return JSON.stringify({ data: result.data, errors: result.errors?.map((e) => e.toJSON()) });
}

interface Request {
  query: string;
  variables: Record<string, unknown>;
}

async function gateway() {
  const executed: string[] = [];
  const { executor } = await compiledExecution(schema, { onExecuted: (how) => executed.push(how) }).load({
    apollo: {},
  } as never);
  // Apollo hands the executor the same document object for the same query text, as this cache does.
  const documents = new Map<string, DocumentNode>();
  const run = async ({ query, variables }: Request) => {
    const document = documents.get(query) ?? documents.set(query, parse(query)).get(query)!;
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    return (await executor!({ document, operation, context: {}, request: { variables } } as never)) as ExecutionResult;
  };
  return { run, executed };
}

async function reference({ query, variables }: Request): Promise<ExecutionResult> {
  const document = parse(query);
  const { getVariableValues } = await import("graphql");
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
  if (coerced.errors) return { errors: coerced.errors };
  return execute({ schema, document, variableValues: variables });
}

// ---- the corpus ----

/** Literal spellings of each argument type: left out, null, and values that exercise defaults. */
const FILTER_LITERALS = [
  "{}",
  "{ text: null }",
  '{ text: "hej", colour: RED }',
  "{ colours: [RED, BLUE], limit: 5 }",
  "{ colours: RED }",
  '{ since: "2027-01-31" }',
  "{ inner: {} }",
  '{ inner: { label: "x", flag: true } }',
  '{ tree: { label: "a", deeper: { deeper: { label: "c" } } } }',
  "{ inners: [{}, null, { flag: true }] }",
  "{ inners: {} }",
];
const FILTER_VALUES: unknown[] = [
  {},
  { text: null },
  { text: "hej", colour: "RED" },
  { colours: ["RED", "BLUE"], limit: 5 },
  { colours: "RED" },
  { since: "2027-01-31" },
  { inner: {} },
  { inner: { label: "x", flag: true } },
  { tree: { deeper: { label: "b" } } },
  { inner: { flag: null } },
  { inners: [{}, null, { flag: true }] },
  { inners: {} },
  { limit: null },
  { colour: null },
  { unknown: 1 },
  { since: "2027-13-45" },
  "not an object",
  [{ text: "a list where one is wanted" }],
];

function* echoRequests(): Generator<Request> {
  yield { query: "{ echo }", variables: {} };
  for (const f of FILTER_LITERALS) yield { query: `{ echo(filter: ${f}) }`, variables: {} };
  yield { query: "{ echo(filter: null, colour: null, day: null, days: null, text: null) }", variables: {} };
  yield {
    query: '{ echo(colour: BLUE, day: "2027-02-28", days: ["2027-01-01", "2027-12-31"], first: 1) }',
    variables: {},
  };
  yield { query: '{ echo(days: "2027-01-01") }', variables: {} };
  // Variables inside literals (graphql-jit#91): left out, null, given.
  for (const variables of [{}, { t: null }, { t: "x" }, { c: "RED" }, { c: null }, { d: "2027-05-05" }]) {
    yield {
      query:
        "query Q($t: String, $c: Colour, $d: Day) { echo(filter: { text: $t, colour: $c, since: $d, inner: { label: $t } }) }",
      variables,
    };
    yield {
      query: "query Q($t: String, $d: Day!) { echo(days: [$d], filter: { inners: [{ label: $t }] }) }",
      variables,
    };
  }
  // A whole input object as a variable: omitted fields, nulls, defaults, wrong shapes.
  for (const f of [undefined, null, ...FILTER_VALUES]) {
    const variables = f === undefined ? {} : { f };
    yield { query: "query Q($f: Filter) { echo(filter: $f) }", variables };
    yield { query: "query Q($f: Filter!) { echo(filter: $f) }", variables };
    yield { query: 'query Q($f: Filter = { text: "by default", inner: {} }) { echo(filter: $f) }', variables };
  }
  for (const s of [
    undefined,
    null,
    {},
    { text: null },
    { colours: ["RED"] },
    { colours: "RED" },
    { inner: {} },
    { inner: { flag: true } },
    { text: 1 },
  ]) {
    yield { query: "query Q($s: Search) { echo(search: $s) }", variables: s === undefined ? {} : { s } };
  }
  // Scalars and enums as variables, with and without defaults.
  for (const variables of [
    {},
    { c: "RED" },
    { c: null },
    { c: "PURPLE" },
    { c: "r" },
    { n: 2 },
    { n: null },
    { n: "2" },
    { n: 2.5 },
    { d: "2027-01-01" },
    { d: "yesterday" },
    { ds: ["2027-01-01"] },
    { ds: "2027-01-01" },
    { ds: [null] },
  ]) {
    yield {
      query: "query Q($c: Colour, $n: Int, $d: Day, $ds: [Day!]) { echo(colour: $c, first: $n, day: $d, days: $ds) }",
      variables,
    };
    yield {
      query: 'query Q($c: Colour = RED, $n: Int! = 7, $d: Day = "2027-06-06") { echo(colour: $c, first: $n, day: $d) }',
      variables,
    };
  }
}

const SELECTIONS = [
  "depth name colour day",
  "depth child { depth child { depth name } }",
  "failing failingLater coded wrongType",
  "child { failing failingLater coded wrongType child { failing requiredFailing } }",
  "requiredChild { requiredChild { requiredFailing } }",
  "children { depth failing children(count: 1) { requiredFailing depth } }",
  "requiredChildren { depth requiredFailing }",
  "child { requiredChildren { requiredChild { coded } } }",
  "...F child { ...F }",
  "... on Node { depth } ... on Named { name } child { ... on Named { name } }",
  "a: depth b: depth c: child { a: name b: name } d: child { failing }",
  "child @include(if: $yes) { depth failing } name @skip(if: $yes) colour @include(if: false)",
  "...F @include(if: $yes) child { ...F @skip(if: $yes) }",
  "... @include(if: $yes) { failing child { failing } } ... @skip(if: $yes) { depth }",
];

function* nodeRequests(): Generator<Request> {
  const fragment = "fragment F on Node { depth failing coded requiredChild { failing } }";
  for (const selection of SELECTIONS) {
    const usesF = selection.includes("...F");
    const usesYes = selection.includes("$yes");
    for (const root of ["root", "requiredRoot"]) {
      for (const failAt of [-1, 0, 1, 2, 3]) {
        for (const yes of usesYes ? [true, false] : [undefined]) {
          const query = `query Q(${usesYes ? "$yes: Boolean!, " : ""}$at: Int) { ${root}(failAt: $at) { ${selection} } }${usesF ? ` ${fragment}` : ""}`;
          yield { query, variables: { at: failAt, ...(usesYes ? { yes } : {}) } };
        }
      }
    }
  }
  yield {
    query: "{ found { __typename ... on Node { depth failing } ... on Tag { label } } named { __typename name } }",
    variables: {},
  };
  yield {
    query:
      "query Q($yes: Boolean!) { found { ... on Node @include(if: $yes) { depth } ... on Tag { label @skip(if: $yes) } } }",
    variables: { yes: true },
  };
  yield {
    query:
      "query Q($yes: Boolean!) { found { ... on Node @include(if: $yes) { depth } ... on Tag { label @skip(if: $yes) } } }",
    variables: { yes: "yes" },
  };
}

function* mutationRequests(): Generator<Request> {
  for (const input of [
    { id: "a", endsOn: "2027-12-31" },
    { id: "a", endsOn: "2027-12-31", carry: true },
    { id: "a", endsOn: "2027-12-31", carry: null },
    { id: "a" },
    {},
  ]) {
    yield { query: "mutation M($i: RenewInput!) { renew(input: $i) }", variables: { i: input } };
  }
  yield {
    query: 'mutation M($id: String!) { renew(input: { id: $id, endsOn: "2027-12-31" }) }',
    variables: { id: "b" },
  };
  yield { query: "mutation M($f: Filter) { echo(filter: $f) }", variables: { f: { inner: {} } } };
}

function corpus(): Request[] {
  const all = [...echoRequests(), ...nodeRequests(), ...mutationRequests()];
  // Every request must be a valid document: what validation refuses never reaches an executor.
  for (const r of all) expect(validate(schema, parse(r.query)), r.query).toEqual([]);
  return all;
}

describe("the compiled executor against graphql-js, over a generated corpus", () => {
  it("answers every request byte for byte as graphql-js does, on its first run and every run after", async () => {
    const { run, executed } = await gateway();
    const requests = corpus();
    for (const request of requests) {
      const expected = bytes(await reference(request));
      for (let i = 0; i < 3; i++)
        expect(bytes(await run(request)), `${request.query} ${JSON.stringify(request.variables)} (run ${i + 1})`).toBe(
          expected,
        );
    }
    // The comparison means something only if the compiled path really ran, for most requests.
    const compiledRuns = executed.filter((how) => how === "compiled").length;
    expect(requests.length).toBeGreaterThan(250);
    expect(compiledRuns).toBeGreaterThan(requests.length);
  });

  it("keeps out what graphql-jit itself gets wrong: an input field's default, a variable left out inside a literal", async () => {
    // graphql-jit on its own, no gate: these are why the gate exists (graphql-jit#142, #91).
    const raw = async ({ query, variables }: Request) => {
      const compiled = compileQuery(schema, parse(query));
      if (!isCompiledQuery(compiled)) throw new Error("did not compile");
      return bytes((await compiled.query(undefined, {}, variables)) as ExecutionResult);
    };
    const omittedDefault = {
      query: "mutation M($i: RenewInput!) { renew(input: $i) }",
      variables: { i: { id: "a", endsOn: "2027-12-31" } },
    };
    const leftOutInLiteral = { query: "query Q($t: String) { echo(filter: { text: $t }) }", variables: {} };
    for (const request of [omittedDefault, leftOutInLiteral]) {
      expect(await raw(request)).not.toBe(bytes(await reference(request)));
      const { run } = await gateway();
      for (let i = 0; i < 3; i++) expect(bytes(await run(request))).toBe(bytes(await reference(request)));
    }
  });

  it("never compiles a mutation, and runs a query compiled only when graphql-jit reads its variables as graphql-js does", async () => {
    const { run, executed } = await gateway();
    const mutation = { query: "mutation M($f: Filter) { echo(filter: $f) }", variables: { f: {} } };
    for (let i = 0; i < 3; i++) await run(mutation);
    expect(executed).toEqual(["graphql-js", "graphql-js", "graphql-js"]);
    executed.length = 0;
    const query = "query Q($s: Search) { echo(search: $s) }";
    for (const s of [{ text: "a" }, { text: "a" }, { inner: {} }, { colours: ["RED"] }, null])
      await run({ query, variables: { s } });
    // First run graphql-js; then compiled, except where graphql-jit leaves out the inner object's default.
    expect(executed).toEqual(["graphql-js", "compiled", "graphql-js", "compiled", "compiled"]);
  });
});
