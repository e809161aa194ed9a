import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import path from "node:path";
import { buildSchema, Kind, parse, validate, type DocumentNode } from "graphql";
import { partnerDoc, repoRoot } from "./error-codes.js";

// The partner guide is edited by many branches and merged by hand; a merge once dropped two whole
// sections (8 and 9) and sorted the calendar's table into the error codes, and nothing noticed.
describe("the partner guide's outline", () => {
  const headings = [...readFileSync(partnerDoc, "utf8").matchAll(/^## (\d+)([a-z]?)\. /gm)].map((m) => ({
    number: Number(m[1]),
    letter: m[2]!,
  }));

  it("numbers its sections 1, 2, 3 … without a gap, each section's lettered parts after it in order", () => {
    const numbers = [...new Set(headings.map((h) => h.number))];
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const labels = headings.map((h) => `${h.number}${h.letter}`);
    const inOrder = [...labels].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
    expect(labels).toEqual(inOrder);
  });
});

// The table of a refused search's `extensions.reason` once held five hosting userError codes, which a search never
// answers; the codes check above counts a row in any table, so only this notices.
describe("the partner guide's search reasons", () => {
  it("lists exactly the reasons search answers, and no userError code", () => {
    const doc = readFileSync(partnerDoc, "utf8");
    const start = doc.indexOf("### `extensions.reason` of a refused search");
    const section = doc.slice(start, doc.indexOf("\n### ", start + 1));
    const listed = [...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|/gm)].map((m) => m[1]).sort();
    const source = readFileSync(path.join(repoRoot, "api/src/modules/search/search.errors.ts"), "utf8");
    const answered = [...source.matchAll(/^\s*([A-Z][A-Z0-9_]+):\s*"\1"/gm)].map((m) => m[1]).sort();
    expect(start).toBeGreaterThan(0);
    expect(listed).toEqual(answered);
  });
});

// A partner copies these examples as they are: each must still run against the schema the API serves.
describe("the partner guide's GraphQL examples", () => {
  const doc = readFileSync(partnerDoc, "utf8");
  const examples = [
    ...[...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!),
    // The curl examples' "query": "…" strings, and the operations written to a file with a heredoc.
    ...[...doc.matchAll(/"query":\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string),
    ...[...doc.matchAll(/<<'EOF'\n([\s\S]*?)EOF/g)].map((m) => m[1]!),
  ];

  it("parses each example and validates each of its operations against schema/schema.graphql", () => {
    const schema = buildSchema(readFileSync(path.join(repoRoot, "schema/schema.graphql"), "utf8"));
    expect(examples.length).toBeGreaterThan(15);
    const problems = examples.flatMap((text) => {
      const parsed = parse(text);
      // A block may show two operations side by side (a query, then a mutation): each is sent on its own.
      return parsed.definitions.map((operation) => {
        const one: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation] };
        return validate(schema, one).map((e) => `${text.trim().slice(0, 60)}…: ${e.message}`);
      });
    });
    expect(problems.flat()).toEqual([]);
  });
});
