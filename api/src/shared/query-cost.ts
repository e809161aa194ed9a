import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type ArgumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** The most a single request may cost: every portal page fits at 100 rows; 20 full agreement pages do not. */
export const MAX_QUERY_COST = 50_000;

/** A list whose size the client cannot choose (periods, history, lapse preview) counts as this many. */
const LIST_ESTIMATE = 10;
const DEFAULT_PAGE_SIZE = 20;

/**
 * Fields that cost the database more than a column: derived previews and histories. Their price is
 * paid once per parent, so under a page of 100 agreements it is paid 100 times.
 */
const EXPENSIVE: Record<string, number> = {
  "Agreement.lapsePreview": 20,
  "Agreement.updatesNeeded": 20,
  "Agreement.history": 10,
  "Agreement.tailoring": 5,
  "Agreement.actionPlan": 5,
  "Tailoring.history": 10,
  "Tailoring.steps": 5,
  "Tailoring.actionPlan": 5,
};

/** The price of a kilobyte a byte field may carry: a case's opening files (5 files, 700 KB) just fit one request. */
const PER_KB = 6;

/**
 * Fields that put file bytes into the answer (base64 in JSON), priced by the most they can carry, so
 * that one file, or the files of one case, fit a request and a page of cases or messages never does:
 * four aliased pages of 100 cases with their attachments once made a 43 MB answer. The deprecated
 * `contentBase64` stays for partners that read one case at a time; `downloadUrl` is the way.
 */
const BYTE_FIELDS: Record<string, number> = {
  "SupportCaseAttachment.contentBase64": 700 * PER_KB,
  "VisitSignature.imageDataUrl": 256 * PER_KB,
  // Made on request (a PDF rendering), not read: priced above its ~100 KB.
  "VisitProtocolPdf.base64": 2_000 * PER_KB,
};

/**
 * What a query costs, counting list sizes for real: a connection multiplies what is below it by
 * `first`/`last` (variables included, as the request gives them), any other list by LIST_ESTIMATE,
 * and expensive fields and byte fields add their price. Aliases count each time they appear.
 */
export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): number {
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;

  const pageSize = (args: readonly ArgumentNode[]): number => {
    for (const name of ["first", "last"]) {
      const arg = args.find((a) => a.name.value === name);
      if (arg) {
        const value = Number(valueFromASTUntyped(arg.value, variables));
        return Number.isFinite(value) && value >= 0 ? value : DEFAULT_PAGE_SIZE;
      }
    }
    return DEFAULT_PAGE_SIZE;
  };

  const cost = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    inPage: boolean,
    seen: Set<string>,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (typed && isCompositeType(typed)) total += cost(selection.selectionSet, typed, inPage, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const typed = schema.getType(fragment.typeCondition.name.value);
        if (typed && isCompositeType(typed))
          total += cost(fragment.selectionSet, typed, inPage, new Set([...seen, fragment.name.value]));
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith("__") || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[name];
      if (!field) continue;
      const returns = getNamedType(field.type);
      const own =
        (selection.selectionSet ? 1 : 0) +
        (EXPENSIVE[`${parent.name}.${name}`] ?? 0) +
        (BYTE_FIELDS[`${parent.name}.${name}`] ?? 0);
      const below =
        selection.selectionSet && isCompositeType(returns)
          ? cost(selection.selectionSet, returns, returns.name.endsWith("Connection"), seen)
          : 0;
      let times = 1;
      if (returns.name.endsWith("Connection")) times = pageSize(selection.arguments ?? []);
      else if (isListType(getNullableType(field.type)) && !(inPage && (name === "edges" || name === "nodes")))
        times = LIST_ESTIMATE;
      // A connection's page is paid `first` times (its totalCount and pageInfo with it: a small overcount).
      total += returns.name.endsWith("Connection") ? own + times * below : times * (own + below);
    }
    return total;
  };

  return cost(operation.selectionSet, root, false, new Set());
}
