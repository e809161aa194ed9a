import type postgres from "postgres";

/**
 * Tables that grow with a vendor's size (the scale data set's): a statement that reads one of them whole, or reads
 * all of a viewer's rows to sort them for one page, costs more as the vendor grows. Decision 0077.
 */
const LARGE_TABLES = new Set([
  "organisations",
  "properties",
  "agreements",
  "agreement_periods",
  "agreement_properties",
  "licence_rentals",
  "support_cases",
  "support_case_messages",
  "service_visits",
  "monitoring_checks",
  "audit_events",
  "email_outbox",
]);

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Parent Relationship"?: string;
  Plans?: PlanNode[];
}

/**
 * What is wrong with a plan, in words: a sequential scan of a large table, or a Sort between a Limit and the rows
 * it limits (the whole list read and sorted to show one page). Sub-plans (a count beside the page) may sort.
 */
export function planProblems(plan: PlanNode): string[] {
  const problems: string[] = [];
  const walk = (node: PlanNode, paged: boolean) => {
    const type = node["Node Type"];
    if (type === "Seq Scan" && LARGE_TABLES.has(node["Relation Name"] ?? ""))
      problems.push(`Seq Scan on ${node["Relation Name"]}`);
    if (type === "Sort" && paged) problems.push("Sort under a Limit: the whole list is read to show one page");
    for (const child of node.Plans ?? []) {
      const aside = child["Parent Relationship"] === "InitPlan" || child["Parent Relationship"] === "SubPlan";
      walk(child, !aside && (paged || type === "Limit"));
    }
  };
  walk(plan, false);
  return problems;
}

/**
 * The plan PostgreSQL chooses for a statement with sequential scans and sorts priced out: the proxy for a large
 * table's statistics. A small test list may rightly be sorted in memory; a Sort that stays when sorting is priced
 * out means no index gives the list's order, and at a vendor's size the page would read all of it.
 */
export async function planOf(sql: postgres.Sql, statement: string, params: unknown[]): Promise<PlanNode> {
  return sql.begin(async (tx) => {
    await tx.unsafe("set local enable_seqscan = off");
    await tx.unsafe("set local enable_sort = off");
    const [row] = await tx.unsafe(`explain (format json) ${statement}`, params as never[]);
    return (row!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan;
  }) as Promise<PlanNode>;
}

/**
 * The plan PostgreSQL chooses with the table's own statistics, nothing priced out: where the proxy above cannot see
 * a misjudged row count (a Sort it prices out is the plan a wrong estimate picks).
 */
export async function planAsChosen(sql: postgres.Sql, statement: string, params: unknown[]): Promise<PlanNode> {
  const [row] = await sql.unsafe(`explain (format json) ${statement}`, params as never[]);
  return (row!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan;
}

/** The rows PostgreSQL expects a statement to return, from its statistics. */
export async function estimatedRows(sql: postgres.Sql, statement: string): Promise<number> {
  const [row] = await sql.unsafe(`explain (format json) ${statement}`);
  return (row!["QUERY PLAN"] as { Plan: { "Plan Rows": number } }[])[0]!.Plan["Plan Rows"];
}

interface AnalyzedNode extends PlanNode {
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: AnalyzedNode[];
}

/** The indexes a plan reads, by name. */
export function indexesOf(plan: PlanNode): string[] {
  const found = plan["Index Name"] ? [plan["Index Name"]] : [];
  return [...found, ...(plan.Plans ?? []).flatMap(indexesOf)];
}

/**
 * How many rows of `table` the statement read when run (kept and filtered out alike): what a page costs as the table
 * grows, where a plan's shape alone cannot tell an index range of fifty rows from one of all the running cases.
 */
export async function rowsRead(sql: postgres.Sql, statement: string, params: unknown[], table: string) {
  const [row] = await sql.unsafe(`explain (analyze, format json) ${statement}`, params as never[]);
  const walk = (node: AnalyzedNode): number =>
    (node["Relation Name"] === table
      ? ((node["Actual Rows"] ?? 0) +
          (node["Rows Removed by Filter"] ?? 0) +
          (node["Rows Removed by Index Recheck"] ?? 0)) *
        (node["Actual Loops"] ?? 1)
      : 0) + (node.Plans ?? []).reduce((n, child) => n + walk(child), 0);
  return walk((row!["QUERY PLAN"] as { Plan: AnalyzedNode }[])[0]!.Plan);
}

/**
 * `rowsRead` with sequential scans priced out, as `planOf` prices them: at the test set's size the planner rightly
 * reads a small table whole, which at a vendor's size is what an index avoids.
 */
export async function rowsReadByIndex(sql: postgres.Sql, statement: string, params: unknown[], table: string) {
  return sql.begin(async (tx) => {
    await tx.unsafe("set local enable_seqscan = off");
    return rowsRead(tx as unknown as postgres.Sql, statement, params, table);
  }) as Promise<number>;
}

/** How many rows the statement's sorts took in (a ranking's candidates), when run. */
export async function rowsSorted(sql: postgres.Sql, statement: string, params: unknown[]) {
  const [row] = await sql.unsafe(`explain (analyze, format json) ${statement}`, params as never[]);
  const walk = (node: AnalyzedNode): number =>
    (node["Node Type"] === "Sort"
      ? (node.Plans ?? []).reduce((n, child) => n + (child["Actual Rows"] ?? 0) * (child["Actual Loops"] ?? 1), 0)
      : 0) + (node.Plans ?? []).reduce((n, child) => n + walk(child), 0);
  return walk((row!["QUERY PLAN"] as { Plan: AnalyzedNode }[])[0]!.Plan);
}
