import { buildSchema, parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { compilableOperation, sameCoercedVariables } from "./compilable-request.js";

const schema = buildSchema(`
  input Plain { text: String }
  input Tree { label: String, deeper: Tree }
  input Holder { tree: [Tree!] }
  type Query { echo(p: Plain, t: Tree, h: Holder, n: Int, ns: [Int]): String }
  type Mutation { echo(p: Plain): String }
`);
const operation = (query: string) => parse(query).definitions[0] as OperationDefinitionNode;

describe("which operations graphql-jit may run", () => {
  it("a query with variables as whole arguments, or literals without variables", () => {
    expect(
      compilableOperation(
        schema,
        operation(`query Q($p: Plain, $n: Int) { echo(p: $p, n: $n) a: echo(p: { text: "x" }, ns: [1, 2]) }`),
      ),
    ).toBe(true);
  });

  it("never a mutation", () => {
    expect(compilableOperation(schema, operation(`mutation M { echo }`))).toBe(false);
  });

  it("not a variable inside an object or list literal, where graphql-jit gives null for one left out", () => {
    expect(compilableOperation(schema, operation(`query Q($t: String) { echo(p: { text: $t }) }`))).toBe(false);
    expect(compilableOperation(schema, operation(`query Q($n: Int) { echo(ns: [$n]) }`))).toBe(false);
  });

  it("not a variable of an input type that holds itself, directly or through another", () => {
    expect(compilableOperation(schema, operation(`query Q($t: Tree) { echo(t: $t) }`))).toBe(false);
    expect(compilableOperation(schema, operation(`query Q($h: Holder!) { echo(h: $h) }`))).toBe(false);
  });
});

describe("two readings of one request's variables", () => {
  it("are the same only with the same keys present: absent, undefined and null are three things", () => {
    expect(sameCoercedVariables({ a: { b: 1, c: [null] } }, { a: { b: 1, c: [null] } })).toBe(true);
    expect(sameCoercedVariables({ a: {} }, { a: { b: undefined } })).toBe(false);
    expect(sameCoercedVariables({ a: { b: null } }, { a: { b: undefined } })).toBe(false);
    expect(sameCoercedVariables({ a: { b: null } }, { a: {} })).toBe(false);
    expect(sameCoercedVariables({ a: [1, 2] }, { a: [1] })).toBe(false);
    expect(sameCoercedVariables({ a: [1] }, { a: { 0: 1 } })).toBe(false);
  });

  it("compare dates by time and ignore prototypes", () => {
    expect(sameCoercedVariables({ d: new Date(5) }, { d: new Date(5) })).toBe(true);
    expect(sameCoercedVariables({ d: new Date(5) }, { d: new Date(6) })).toBe(false);
    expect(sameCoercedVariables({ d: new Date(5) }, { d: 5 })).toBe(false);
    expect(sameCoercedVariables(Object.assign(Object.create(null), { a: 1 }), { a: 1 })).toBe(true);
    expect(sameCoercedVariables({ n: Number.NaN }, { n: Number.NaN })).toBe(true);
  });
});
