import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The layering rules of docs/architecture.md, checked: no import cycles between source files (type-only
 * imports aside, they vanish at run time), and no source file over 400 lines.
 */
const root = path.dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "migrations" ? [] : sources(full);
    return e.name.endsWith(".ts") ? [full] : [];
  });
}

/** Relative imports that exist at run time: `import type` and `export type` are left out. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+"(\.[^"]+)";/gms)) {
    if (m[1]) continue;
    found.push(path.resolve(path.dirname(file), m[2]!.replace(/\.js$/, ".ts")));
  }
  return found;
}

function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
  const found: string[][] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (f: string) => {
    if (state.get(f) === "done") return;
    if (state.get(f) === "visiting") {
      found.push(stack.slice(stack.indexOf(f)).concat(f).map((x) => path.relative(root, x)));
      return;
    }
    state.set(f, "visiting");
    stack.push(f);
    for (const next of graph.get(f) ?? []) visit(next);
    stack.pop();
    state.set(f, "done");
  };
  for (const f of files) visit(f);
  return found;
}

describe("the architecture", () => {
  const files = sources(root);

  it("has no import cycles", () => {
    expect(cycles(files)).toEqual([]);
  });

  it("keeps the Context type free of construction: context.ts imports types only, and no module builds a context", () => {
    expect(runtimeImports(path.join(root, "context.ts"))).toEqual([]);
    const builders = files.filter((f) => /\/(modules|shared)\//.test(f) && !f.endsWith(".test.ts") && runtimeImports(f).includes(path.join(root, "create-context.ts")));
    expect(builders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it("keeps every source file under 400 lines", () => {
    const long = files.map((f) => [path.relative(root, f), readFileSync(f, "utf8").split("\n").length] as const).filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });
});
