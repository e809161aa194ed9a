import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse } from "graphql";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as dbSchema from "./db/schema/index.js";

/*
 * The layering rules of docs/architecture.md, checked: no import cycles between source files (type-only
 * imports aside, they vanish at run time), no source file over 400 lines (tests 600), and the house rules of
 * docs/architecture.md ("House rules, and the check that holds each"). Sources are read with the
 * TypeScript parser, so a rule never trips over a comment or a string that merely looks like code.
 */
const root = path.dirname(fileURLToPath(import.meta.url));
const modulesDir = path.join(root, "modules");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "migrations" ? [] : sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** `./x.js` as written in an import, to the source file it names. */
function resolved(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier.replace(/\.js$/, ""));
  return [".ts", ".tsx"].map((ext) => base + ext).find(existsSync) ?? base + ".ts";
}

/** Relative imports that exist at run time: `import type` and `export type` are left out. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+"(\.[^"]+)";/gms)) {
    if (m[1]) continue;
    found.push(resolved(file, m[2]!));
  }
  return found;
}

/** The module a file belongs to ("visits"), or null outside modules/. */
function moduleOf(file: string): string | null {
  const rel = path.relative(modulesDir, file);
  return rel.startsWith("..") ? null : rel.split(path.sep)[0]!;
}

/** Code only tests run: the tests and the fixtures they build their world with. */
const testOnly = (file: string) => /\.(test|fixture)\.ts$/.test(file);

const parsed = new Map<string, ts.Node[]>();
/** Every syntax node of a file, in source order. */
function nodesOf(file: string): ts.Node[] {
  let all = parsed.get(file);
  if (!all) {
    const tree = ts.createSourceFile(
      file,
      readFileSync(file, "utf8"),
      ts.ScriptTarget.Latest,
      true,
      file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const found: ts.Node[] = [];
    const walk = (n: ts.Node) => {
      found.push(n);
      n.forEachChild(walk);
    };
    walk(tree);
    parsed.set(file, (all = found));
  }
  return all;
}

/** "modules/visits/visit.service.ts:12", for a failure that says where to look. */
function at(n: ts.Node): string {
  const file = n.getSourceFile();
  return `${path.relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
}

/** Every relative import and re-export of a file, type-only ones too, with the file it names. */
function importsOf(file: string): { node: ts.ImportDeclaration | ts.ExportDeclaration; target: string }[] {
  return nodesOf(file)
    .filter(
      (n): n is ts.ImportDeclaration | ts.ExportDeclaration => ts.isImportDeclaration(n) || ts.isExportDeclaration(n),
    )
    .filter((n) => n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier) && n.moduleSpecifier.text.startsWith("."))
    .map((node) => ({ node, target: resolved(file, (node.moduleSpecifier as ts.StringLiteral).text) }));
}

function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
  const found: string[][] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (f: string) => {
    if (state.get(f) === "done") return;
    if (state.get(f) === "visiting") {
      found.push(
        stack
          .slice(stack.indexOf(f))
          .concat(f)
          .map((x) => path.relative(root, x)),
      );
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
    const builders = files.filter(
      (f) =>
        /\/(modules|shared)\//.test(f) &&
        !f.endsWith(".test.ts") &&
        runtimeImports(f).includes(path.join(root, "create-context.ts")),
    );
    expect(builders.map((f) => path.relative(root, f))).toEqual([]);
  });

  // Counted in Prettier's lines (decision 0045). A file past its limit is split by what it holds rather than the
  // limit raised: a source file holds one thing, a test file the cases of one rule or service and their world.
  // The portal and the shared packages are held to the same limits (their generated GraphQL types aside).
  const repo = path.resolve(root, "..", "..");
  const packages = readdirSync(path.join(repo, "packages")).map((name) => path.join(repo, "packages", name, "src"));
  const elsewhere = [path.join(repo, "portal", "app"), ...packages]
    .flatMap(sources)
    .filter((f) => !f.includes(`${path.sep}graphql${path.sep}`));
  it("keeps every source file under 400 lines, and every test file under 600, in the API, the portal and the packages", () => {
    const long = [...files, ...elsewhere]
      .map((f) => [path.relative(root, f), readFileSync(f, "utf8").split("\n").length] as const)
      .filter(([f, n]) => n > (f.endsWith(".test.ts") ? 600 : 400));
    expect(long).toEqual([]);
  });

  const moduleCode = files.filter((f) => moduleOf(f) && !testOnly(f));

  it("takes every role list from the module's *.roles.ts: no role literal in @Authorized(...) or a service", () => {
    const roles = new Set<string>(dbSchema.role.enumValues);
    const literals = moduleCode
      .filter((f) => !f.endsWith(".roles.ts"))
      .flatMap((f) =>
        nodesOf(f).filter((n): n is ts.StringLiteralLike => ts.isStringLiteralLike(n) && roles.has(n.text)),
      )
      .map((n) => `${at(n)} "${n.text}"`);
    expect(literals).toEqual([]);
  });

  it("makes every GraphQL enum with graphqlEnum, from the database enum when one holds its values (decision 0006)", () => {
    const sdl = parse(readFileSync(path.join(root, "../../schema/schema.graphql"), "utf8"));
    const pgEnums = Object.entries(dbSchema).flatMap(([name, v]) =>
      typeof v === "function" && "enumValues" in v ? [{ name, values: [...(v.enumValues as string[])].sort() }] : [],
    );
    // `const PRICED_ITEMS = pricedItem.enumValues` names a database enum too.
    const aliases = new Map<string, string>();
    const madeFrom = new Map<string, string>();
    for (const n of files.filter((f) => !testOnly(f)).flatMap(nodesOf)) {
      if (
        ts.isVariableDeclaration(n) &&
        ts.isIdentifier(n.name) &&
        n.initializer &&
        /^\w+\.enumValues$/.test(n.initializer.getText())
      )
        aliases.set(n.name.text, n.initializer.getText());
      if (!ts.isCallExpression(n) || n.expression.getText() !== "graphqlEnum") continue;
      const config = n.arguments[1];
      const name =
        config && ts.isObjectLiteralExpression(config)
          ? config.properties.find((p) => p.name?.getText() === "name")
          : undefined;
      if (name && ts.isPropertyAssignment(name) && ts.isStringLiteral(name.initializer))
        madeFrom.set(name.initializer.text, n.arguments[0]!.getText());
    }
    const wrong: string[] = [];
    for (const e of sdl.definitions) {
      if (e.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
      const source = madeFrom.get(e.name.value);
      if (!source) {
        wrong.push(`${e.name.value}: not made with graphqlEnum()`);
        continue;
      }
      const values = (e.values ?? [])
        .map((v) => v.name.value)
        .sort()
        .join();
      const same = pgEnums.filter((p) => p.values.join() === values).map((p) => `${p.name}.enumValues`);
      if (same.length > 0 && !same.includes(aliases.get(source) ?? source))
        wrong.push(`${e.name.value}: made from ${source}, not from ${same.join(" or ")}`);
    }
    expect(wrong).toEqual([]);
  });

  it("registers every module's DataLoaders in one place: a *.loaders.ts made in create-context.ts and typed in context.ts", () => {
    const createContext = path.join(root, "create-context.ts");
    const contextType = path.join(root, "context.ts");
    const wrong: string[] = [];
    for (const f of files.filter((f) => !testOnly(f))) {
      const text = readFileSync(f, "utf8");
      const rel = path.relative(root, f);
      if (/\bnew DataLoader\b/.test(text) && !f.endsWith(".loaders.ts"))
        wrong.push(`${rel}: a DataLoader outside a *.loaders.ts`);
      if (/WeakMap<\s*Context\b/.test(text)) wrong.push(`${rel}: per-request state kept beside the context`);
      if (!f.endsWith(".loaders.ts")) continue;
      const create = /export function (create\w+Loaders)\b/.exec(text)?.[1];
      if (!create || !readFileSync(createContext, "utf8").includes(`${create}(`))
        wrong.push(`${rel}: no create…Loaders() called in create-context.ts`);
      if (!importsOf(createContext).some((i) => i.target === f))
        wrong.push(`${rel}: not imported by create-context.ts`);
      if (!importsOf(contextType).some((i) => i.target === f))
        wrong.push(`${rel}: its loaders are not part of the Context type`);
    }
    expect(wrong).toEqual([]);
  });

  it("hands loaded rows back per key through shared/group-by.ts: no loader builds its own map or searches its rows", () => {
    const copies = files
      .filter((f) => f.endsWith(".loaders.ts"))
      .flatMap(nodesOf)
      .filter(
        (n) =>
          (ts.isNewExpression(n) && n.expression.getText() === "Map") ||
          (ts.isCallExpression(n) &&
            ts.isPropertyAccessExpression(n.expression) &&
            ["filter", "find"].includes(n.expression.name.text)),
      )
      .map((n) => `${at(n)} ${n.getText().slice(0, 60)}`);
    expect(copies).toEqual([]);
  });

  it("lets a module use another only through that module's index.ts", () => {
    const reachingIn = moduleCode.flatMap((f) =>
      importsOf(f)
        .filter(
          ({ target }) =>
            moduleOf(target) &&
            moduleOf(target) !== moduleOf(f) &&
            target !== path.join(modulesDir, moduleOf(target)!, "index.ts"),
        )
        .map(({ node, target }) => `${at(node)} → ${path.relative(root, target)}`),
    );
    expect(reachingIn).toEqual([]);
  });

  it("lets a module write only its own tables (those of db/schema/<module>.ts); others' go through their functions", () => {
    const owner = new Map<string, string>();
    const schemaDir = path.join(root, "db/schema");
    for (const f of readdirSync(schemaDir)) {
      for (const m of readFileSync(path.join(schemaDir, f), "utf8").matchAll(/export const (\w+) = pgTable\(/g))
        owner.set(m[1]!, f.replace(/\.ts$/, ""));
    }
    const writes = moduleCode.flatMap((f) =>
      nodesOf(f)
        .filter(
          (n): n is ts.CallExpression =>
            ts.isCallExpression(n) &&
            ts.isPropertyAccessExpression(n.expression) &&
            ["insert", "update", "delete"].includes(n.expression.name.text),
        )
        .filter(
          (n) =>
            n.arguments[0] &&
            ts.isIdentifier(n.arguments[0]) &&
            owner.has(n.arguments[0].text) &&
            owner.get(n.arguments[0].text) !== moduleOf(f),
        )
        .map(
          (n) =>
            `${at(n)} ${(n.expression as ts.PropertyAccessExpression).name.text}(${n.arguments[0]!.getText()}) of ${owner.get(n.arguments[0]!.getText())}`,
        ),
    );
    expect(writes).toEqual([]);
  });

  it("says whether an agreement is valid in one place: outside the agreements module nothing reads its periods, activation or termination", () => {
    const facts = files
      .filter((f) => /\/(modules|shared)\//.test(f) && moduleOf(f) !== "agreements" && !testOnly(f))
      .flatMap(nodesOf)
      .filter(
        (n) =>
          (ts.isIdentifier(n) && n.text === "agreementPeriods") ||
          (ts.isPropertyAccessExpression(n) && /^agreements\.(activatedAt|terminatedOn)$/.test(n.getText())) ||
          ((ts.isLiteralExpression(n) || ts.isTemplateLiteralToken(n)) &&
            /agreement_periods|activated_at|terminated_on/.test(n.text)),
      )
      .map((n) => `${at(n)} ${n.getText()}`);
    expect(facts).toEqual([]);
  });

  it("takes Clock from shared/clock.ts, and nothing else passes it on", () => {
    const clockFile = path.join(root, "shared/clock.ts");
    const wrong = files.flatMap((f) =>
      nodesOf(f)
        .filter(
          (n): n is ts.ImportSpecifier | ts.ExportSpecifier =>
            (ts.isImportSpecifier(n) || ts.isExportSpecifier(n)) && (n.propertyName ?? n.name).text === "Clock",
        )
        .filter((n) => {
          const decl = ts.isImportSpecifier(n) ? n.parent.parent.parent : n.parent.parent;
          return ts.isExportSpecifier(n) || resolved(f, (decl.moduleSpecifier as ts.StringLiteral).text) !== clockFile;
        })
        .map(at),
    );
    expect(wrong).toEqual([]);
  });
});
