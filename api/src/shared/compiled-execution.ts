import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import {
  execute,
  getVariableValues,
  GraphQLError,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import type * as JitVariables from "graphql-jit/dist/variables";
import { createRequire } from "node:module";
import { compilableOperation, sameCoercedVariables } from "./compilable-request.js";

type Gateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type Executor = NonNullable<Awaited<ReturnType<Gateway["load"]>>["executor"]>;

// graphql-jit's own ESM build of this file imports "./generate" without an extension, which Node
// refuses; its CommonJS build is the one graphql-jit's main entry loads too.
const { compileVariableParsing, failToParseVariables } = createRequire(import.meta.url)(
  "graphql-jit/dist/variables.js",
) as typeof JitVariables;

/** One operation compiled: the query, and graphql-jit's own reading of its variables. */
interface Compiled {
  query: CompiledQuery["query"];
  variablesAsJitReadsThem: ReturnType<typeof compileVariableParsing>;
}

/** What is known of one parsed document: how often it ran, and its compiled operations once it repeats. */
interface Plan {
  runs: number;
  compiled: Map<string, Compiled | null>;
}

/** A document that runs this often is compiled; one-off queries are not worth compiling. */
const COMPILE_AFTER_RUNS = 2;

export interface CompiledExecutionOptions {
  /**
   * `false` runs everything with graphql-js: the operator's switch (`COMPILED_EXECUTION=off`) and the differential
   * test's reference.
   */
  enabled?: boolean;
  /** Told of each operation compiled, with its name. */
  onCompiled?: (operationName: string | null) => void;
  /** Told of each request, with the executor that answered it: how the tests know the compiled path really ran. */
  onExecuted?: (how: "compiled" | "graphql-js") => void;
}

/**
 * Executes operations with graphql-jit, which compiles each repeated query into one JavaScript
 * function instead of walking the query for each of its thousands of fields (see
 * docs/decisions/0033-compiled-queries.md). Apollo parses, validates and runs the plugins (limits, cost,
 * errors) as always: only execution is swapped, through Apollo Server's gateway interface, the
 * documented way to give it another executor.
 *
 * Only what graphql-jit is proven to answer as graphql-js does runs compiled (`compilable-request.ts`,
 * checked by api/test/compiled-differential.test.ts): queries without variables inside literals, and
 * only when graphql-jit reads the request's variables exactly as graphql-js does. Variables are
 * coerced by graphql-js first, so a wrong variable answers exactly as before (BAD_USER_INPUT, HTTP
 * 400). Everything else, a document graphql-jit cannot compile, and a document's first run go to
 * graphql-js's `execute`.
 */
export function compiledExecution(schema: GraphQLSchema, options: CompiledExecutionOptions = {}): Gateway {
  const enabled = options.enabled ?? true;
  // Apollo keeps parsed documents in an LRU store and hands the same object back for the same
  // query, so a plan lives exactly as long as its document does.
  const plans = new WeakMap<DocumentNode, Plan>();

  function compiledFor(document: DocumentNode, operation: OperationDefinitionNode): Compiled | null {
    if (!enabled) return null;
    let plan = plans.get(document);
    if (!plan) plans.set(document, (plan = { runs: 0, compiled: new Map() }));
    plan.runs++;
    if (plan.runs < COMPILE_AFTER_RUNS) return null;
    const name = operation.name?.value ?? "";
    if (!plan.compiled.has(name)) plan.compiled.set(name, compile(document, operation));
    return plan.compiled.get(name) ?? null;
  }

  function compile(document: DocumentNode, operation: OperationDefinitionNode): Compiled | null {
    if (!compilableOperation(schema, operation)) return null;
    // The path-based reading of @include/@skip: the older one mixes up a fragment spread twice with
    // different directives (graphql-jit#197), which the differential test caught.
    const compiled = compileQuery(schema, document, operation.name?.value, {
      useExperimentalPathBasedSkipInclude: true,
    });
    if (!isCompiledQuery(compiled)) return null;
    options.onCompiled?.(operation.name?.value ?? null);
    return {
      query: compiled.query,
      variablesAsJitReadsThem: compileVariableParsing(schema, operation.variableDefinitions ?? []),
    };
  }

  /** graphql-jit reads the variables itself; it runs only when it reads them as graphql-js did. */
  function readsVariablesAlike(
    compiled: Compiled,
    variables: Record<string, unknown>,
    coerced: Record<string, unknown>,
  ): boolean {
    const asJit = compiled.variablesAsJitReadsThem(variables);
    return !failToParseVariables(asJit) && sameCoercedVariables(asJit.coerced, coerced);
  }

  const executor: Executor = async (request) => {
    const { document, operation, context } = request;
    const variables = request.request.variables ?? {};
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    const compiled = compiledFor(document, operation);
    if (compiled && readsVariablesAlike(compiled, variables, coerced.coerced)) {
      const result = (await compiled.query(undefined, context, variables)) as ExecutionResult;
      // graphql-jit's errors differ from graphql-js's where a null bubbles up through a list (it
      // reports every failing item; graphql-js stops at the first). A query reads only, so an answer
      // with more than one error is given again by graphql-js. One error is the same either way (the
      // differential tests hold it), and running again would double a slow failure: a PDF that
      // reached its deadline would make its caller wait twice.
      if (!result.errors) {
        options.onExecuted?.("compiled");
        return result;
      }
      if (result.errors.length === 1) {
        options.onExecuted?.("compiled");
        return { ...result, errors: result.errors.map(asGraphQLError) };
      }
    }
    options.onExecuted?.("graphql-js");
    return execute({
      schema,
      document,
      contextValue: context,
      variableValues: variables,
      operationName: operation.name?.value,
    });
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
  const error = new GraphQLError(e.message, {
    path: e.path,
    originalError: e.originalError ?? undefined,
    extensions: e.extensions ?? undefined,
  });
  (error as { locations?: GraphQLError["locations"] }).locations = e.locations;
  return error;
}
