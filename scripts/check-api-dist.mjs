// Run by `npm run build -w api` after tsc: the compiled API holds production code only. A test
// helper in api/dist would ship code that no one runs in production and, when it imports a
// devDependency (smtp-server, mailparser, vitest…), fail on a production install (`npm ci --omit=dev`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "api");
const dist = path.join(apiDir, "dist");

/** Test-only files by name; api/tsconfig.build.json excludes the same. */
const TEST_ONLY = [
  /\.test\.js$/,
  /\.fixture\.js$/,
  /(^|\/)test-[^/]*\.js$/,
  /(^|\/)test-support\.js$/,
  /\.same-as-drizzle\.js$/,
];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : e.name.endsWith(".js") ? [full] : [];
  });
}

/** `lodash/fp` → `lodash`, `@scope/pkg/x` → `@scope/pkg`. */
const packageOf = (spec) =>
  spec
    .split("/")
    .slice(0, spec.startsWith("@") ? 2 : 1)
    .join("/");

const { dependencies = {} } = JSON.parse(readFileSync(path.join(apiDir, "package.json"), "utf8"));
const allowed = new Set([...Object.keys(dependencies), ...builtinModules]);

const problems = [];
for (const file of files(dist)) {
  const rel = path.relative(dist, file);
  if (TEST_ONLY.some((re) => re.test(rel))) problems.push(`${rel}: test-only code`);
  const text = readFileSync(file, "utf8");
  // tsc's ES module output: `import … from "x";`, `export … from "x";`, `import "x";`, `import("x")`.
  const statements = /^(?:import|export)\s[^;]*?\bfrom\s*"([^"]+)";|^import\s*"([^"]+)";|\bimport\(\s*"([^"]+)"\s*\)/gm;
  for (const m of text.matchAll(statements)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec.startsWith(".") || spec.startsWith("node:")) continue;
    const pkg = packageOf(spec);
    if (!allowed.has(pkg)) problems.push(`${rel}: imports ${pkg}, which is not among the API's dependencies`);
  }
}

// The compiled migration script as `npm run bench` and an operator run it, on a throwaway embedded
// database: an entry point that loads a decorated class before reflect-metadata fails only at run time.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "trygg-dist-migrate-"));
try {
  const env = { ...process.env, NODE_ENV: "production", TRYGG_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const migrated = spawnSync(process.execPath, [path.join(dist, "scripts", "migrate.js")], { env, encoding: "utf8" });
  if (migrated.status !== 0)
    problems.push(
      `scripts/migrate.js does not run: ${(migrated.stderr || migrated.stdout).trim().split("\n").slice(0, 6).join(" | ")}`,
    );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`api/dist holds what production must not run:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
