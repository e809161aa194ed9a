import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../schema.js";
import { MAX_QUERY_COST, queryCost } from "./query-cost.js";

const routes = fileURLToPath(new URL("../../../portal/app/routes", import.meta.url));

async function costOf(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const s = await schema();
  return operations.map((op) => ({
    name: op.name?.value ?? "anonymous",
    cost: queryCost(s, op, fragments, variables),
  }));
}

const agreementPage = (
  first: number,
) => `{ agreements(first: ${first}) { edges { node { id number status lapsePreview { __typename } updatesNeeded { __typename }
  history { action } tailoring { steps { step } history { __typename } actionPlan { id items { id } } } } } } }`;

describe("the query cost", () => {
  it("grows with the page size asked for, also through variables", async () => {
    const [small] = await costOf(agreementPage(10));
    const [large] = await costOf(agreementPage(100));
    expect(large!.cost).toBeGreaterThan(small!.cost * 9);
    const [viaVariable] = await costOf(
      `query($n: Int) { agreements(first: $n) { edges { node { id lapsePreview { __typename } } } } }`,
      { n: 100 },
    );
    const [viaSmallVariable] = await costOf(
      `query($n: Int) { agreements(first: $n) { edges { node { id lapsePreview { __typename } } } } }`,
      { n: 5 },
    );
    expect(viaVariable!.cost - 1).toBe((viaSmallVariable!.cost - 1) * 20);
  });

  it("refuses 20 aliases of a full agreement page, which one page alone does not reach", async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: ${agreementPage(100).slice(2, -2)}`).join(" ");
    const [abusive] = await costOf(`{ ${aliases} }`);
    expect(abusive!.cost).toBeGreaterThan(MAX_QUERY_COST);
    const [one] = await costOf(agreementPage(20));
    expect(one!.cost).toBeLessThan(MAX_QUERY_COST);
  });

  it("refuses four aliased pages of support cases with their attachments' bytes (43 MB in the probe), and byte fields in any page", async () => {
    const page = `supportCases(first: 100) { edges { node { id number attachments { id fileName contentBase64 } } } }`;
    const [aliased] = await costOf(`{ ${[1, 2, 3, 4].map((i) => `a${i}: ${page}`).join(" ")} }`);
    expect(aliased!.cost).toBeGreaterThan(MAX_QUERY_COST);
    const [onePage] = await costOf(`{ ${page} }`);
    expect(onePage!.cost).toBeGreaterThan(MAX_QUERY_COST);
    const [threads] = await costOf(
      `query($id: ID!) { node(id: $id) { ... on SupportCase { messages { attachments { contentBase64 } } } } }`,
    );
    expect(threads!.cost).toBeGreaterThan(MAX_QUERY_COST);
    const [pdfs] = await costOf(`{ serviceVisits(first: 20) { edges { node { protocolPdf { base64 } } } } }`);
    expect(pdfs!.cost).toBeGreaterThan(MAX_QUERY_COST);
    const [signatures] = await costOf(
      `{ serviceVisits(first: 100) { edges { node { signature { imageDataUrl } } } } }`,
    );
    expect(signatures!.cost).toBeGreaterThan(MAX_QUERY_COST);
  });

  it("still lets the deprecated contentBase64 through on one attachment and on one case's opening files", async () => {
    const [one] = await costOf(
      `query($id: ID!) { node(id: $id) { ... on SupportCaseAttachment { fileName contentBase64 } } }`,
    );
    expect(one!.cost).toBeLessThanOrEqual(MAX_QUERY_COST);
    const [oneCase] = await costOf(
      `query($id: ID!) { node(id: $id) { ... on SupportCase { attachments { fileName contentBase64 } } } }`,
    );
    expect(oneCase!.cost).toBeLessThanOrEqual(MAX_QUERY_COST);
    const [twoCases] = await costOf(
      `query($a: ID!, $b: ID!) { a: node(id: $a) { ... on SupportCase { attachments { contentBase64 } } } b: node(id: $b) { ... on SupportCase { attachments { contentBase64 } } } }`,
    );
    expect(twoCases!.cost).toBeGreaterThan(MAX_QUERY_COST);
  });

  it("lets every query the portal sends through, with its largest page", async () => {
    const files = readdirSync(routes)
      .map((r) => path.join(routes, r, "queries.graphql"))
      .filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      for (const { name, cost } of await costOf(readFileSync(file, "utf8"), { first: 100, last: 100 })) {
        expect({ name, underLimit: cost <= MAX_QUERY_COST, cost }).toMatchObject({ name, underLimit: true });
      }
    }
  });
});
