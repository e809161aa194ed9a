import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import { execute, getVariableValues, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

type Gateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type Executor = NonNullable<Awaited<ReturnType<Gateway["load"]>>["executor"]>;

/** What is known of one parsed document: how often it ran, and its compiled form once it repeats. */
interface Plan {
  runs: number;
  compiled: Map<string, CompiledQuery | null>;
}

/** A document that runs this often is compiled; one-off queries are not worth compiling. */
const COMPILE_AFTER_RUNS = 2;

/**
 * Executes operations with graphql-jit, which compiles each repeated query into one JavaScript
 * function instead of walking the query for each of its thousands of fields (see
 * docs/decisions/0033-compiled-queries.md). Apollo parses, validates and runs the plugins (limits, cost,
 * errors) as always: only execution is swapped, through Apollo Server's gateway interface, the
 * documented way to give it another executor.
 *
 * Variables are coerced by graphql-js first, so a wrong variable answers exactly as before
 * (BAD_USER_INPUT, HTTP 400). A document graphql-jit cannot compile, and a document's first run,
 * go to graphql-js's `execute`.
 */
export function compiledExecution(schema: GraphQLSchema, hooks: { onCompiled?: (operationName: string | null) => void } = {}): Gateway {
  // Apollo keeps parsed documents in an LRU store and hands the same object back for the same
  // query, so a plan lives exactly as long as its document does.
  const plans = new WeakMap<DocumentNode, Plan>();

  function compiledFor(document: DocumentNode, operation: OperationDefinitionNode): CompiledQuery | null {
    let plan = plans.get(document);
    if (!plan) plans.set(document, (plan = { runs: 0, compiled: new Map() }));
    plan.runs++;
    if (plan.runs < COMPILE_AFTER_RUNS) return null;
    const name = operation.name?.value ?? "";
    if (!plan.compiled.has(name)) {
      const compiled = compileQuery(schema, document, operation.name?.value);
      plan.compiled.set(name, isCompiledQuery(compiled) ? compiled : null);
      if (isCompiledQuery(compiled)) hooks.onCompiled?.(operation.name?.value ?? null);
    }
    return plan.compiled.get(name) ?? null;
  }

  const executor: Executor = async (request) => {
    const { document, operation, context } = request;
    const variables = request.request.variables ?? {};
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    const compiled = compiledFor(document, operation);
    if (compiled) {
      const result = (await compiled.query(undefined, context, variables)) as ExecutionResult;
      return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
    }
    return execute({ schema, document, contextValue: context, variableValues: variables, operationName: operation.name?.value });
  };

  let listener: Parameters<Gateway["onSchemaLoadOrUpdate"]>[0] | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => (listener = undefined);
    },
    async load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return { executor };
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors leave `extensions` undefined when the cause had none; Apollo reads
 * `extensions.code` of every error and would answer INTERNAL_SERVER_ERROR for a FORBIDDEN. The
 * same error as graphql-js makes it, with the same cause, path and locations.
 */
function asGraphQLError(e: GraphQLError): GraphQLError {
  const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions ?? undefined });
  (error as { locations?: GraphQLError["locations"] }).locations = e.locations;
  return error;
}
