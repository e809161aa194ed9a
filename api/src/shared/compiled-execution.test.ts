import {
  GraphQLError,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  type DocumentNode,
} from "graphql";
import { describe, expect, it } from "vitest";
import { compiledExecution } from "./compiled-execution.js";

class Refused extends Error {}

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      greeting: {
        type: GraphQLString,
        args: { times: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, { times }: { times: number }) => "hej ".repeat(times).trim(),
      },
      secret: {
        type: GraphQLString,
        resolve: () => {
          throw new Refused("not for you");
        },
      },
      tooMany: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError("`first` must be at most 100", { extensions: { code: "BAD_USER_INPUT" } });
        },
      },
    },
  }),
});

async function executorWith(compiled: (string | null)[]) {
  const gateway = compiledExecution(schema, { onCompiled: (name) => compiled.push(name) });
  const { executor } = await gateway.load({ apollo: {} });
  return (document: DocumentNode, variables: Record<string, unknown>) => {
    const operation = document.definitions[0];
    if (operation?.kind !== "OperationDefinition") throw new Error("one operation");
    // Only what the executor reads of Apollo's request context.
    return executor!({ document, operation, context: {}, request: { variables } } as never);
  };
}

describe("compiled execution", () => {
  it("runs a query with graphql-js first, compiles it when it repeats, and answers the same", async () => {
    const compiled: (string | null)[] = [];
    const run = await executorWith(compiled);
    const document = parse(`query Greet($n: Int!) { greeting(times: $n) }`);
    const first = await run(document, { n: 2 });
    expect(compiled).toEqual([]);
    const second = await run(document, { n: 2 });
    expect(compiled).toEqual(["Greet"]);
    expect(second).toEqual(first);
    expect(first).toEqual({ data: { greeting: "hej hej" } });
  });

  it("keeps each error's cause, code, path and locations, as graphql-js does", async () => {
    const run = await executorWith([]);
    const document = parse(`{ secret tooMany }`);
    const viaGraphqlJs = await run(document, {});
    const compiled = await run(document, {});
    for (const result of [viaGraphqlJs, compiled]) {
      const [secret, tooMany] = result.errors!;
      expect(secret).toBeInstanceOf(GraphQLError);
      expect(secret!.originalError).toBeInstanceOf(Refused);
      expect(secret!.extensions).toEqual({});
      expect(tooMany!.extensions).toEqual({ code: "BAD_USER_INPUT" });
    }
    expect(compiled.errors!.map((e) => e.toJSON())).toEqual(viaGraphqlJs.errors!.map((e) => e.toJSON()));
  });

  it("answers a wrong variable with graphql-js's error, which Apollo turns into BAD_USER_INPUT", async () => {
    const run = await executorWith([]);
    const document = parse(`query Greet($n: Int!) { greeting(times: $n) }`);
    await run(document, { n: 1 });
    const wrong = await run(document, { n: "many" });
    expect(wrong.data).toBeUndefined();
    expect(wrong.errors![0]!.message).toMatch(/^Variable "\$n" got invalid value "many"/);
    expect(wrong.errors![0]!.nodes![0]!.kind).toBe("VariableDefinition");
  });
});
