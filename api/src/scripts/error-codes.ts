// Every userError code the API can answer, from the `*.errors.ts` files and from literal
// `userError("CODE", …)` calls, with the modules that use it. `docs/api-for-partners.md` lists each
// one with its meaning, and the portal's sv.json and en.json give each its words; `error-codes.test.ts`
// fails when a code here is missing there.
// Print the list as table rows: `npx tsx api/src/scripts/error-codes.ts` (`--missing` for only the
// codes the doc lacks).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const modulesDir = path.join(repoRoot, "api/src/modules");
export const partnerDoc = path.join(repoRoot, "docs/api-for-partners.md");
/** The portal's messages, where each code has its words as `userError.CODE`. */
export const portalMessages = (lang: "sv" | "en") => path.join(repoRoot, `portal/app/i18n/${lang}.json`);

const CODE_ENTRY = /^\s*([A-Z][A-Z0-9_]+):\s*"([A-Z][A-Z0-9_]+)"/gm;
const LITERAL_USER_ERROR = /userError\(\s*"([A-Z][A-Z0-9_]+)"/g;

/** code → the modules (folders under api/src/modules) that define or answer it. */
export function collectErrorCodes(): Map<string, Set<string>> {
  const codes = new Map<string, Set<string>>();
  const add = (code: string, module: string) => codes.set(code, (codes.get(code) ?? new Set()).add(module));
  for (const file of readdirSync(modulesDir, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
    const module = file.split(path.sep)[0]!;
    const text = readFileSync(path.join(modulesDir, file), "utf8");
    if (file.endsWith(".errors.ts")) for (const m of text.matchAll(CODE_ENTRY)) add(m[2]!, module);
    for (const m of text.matchAll(LITERAL_USER_ERROR)) add(m[1]!, module);
  }
  return new Map([...codes].sort(([a], [b]) => a.localeCompare(b)));
}

/** The codes the partner documentation has a table row for: lines starting `` | `CODE` | ``. */
export function documentedCodes(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|/gm)].map((m) => m[1]!));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const documented = documentedCodes(readFileSync(partnerDoc, "utf8"));
  const onlyMissing = process.argv.includes("--missing");
  for (const [code, modules] of collectErrorCodes()) {
    if (onlyMissing && documented.has(code)) continue;
    console.log(
      `| \`${code}\` | ${[...modules].join(", ")} | ${documented.has(code) ? "(documented)" : "TODO: what it means and what to do"} |`,
    );
  }
}
