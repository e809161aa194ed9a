// Keeps `engines` honest. The oldest Node of each line the root's `engines` admits must satisfy the
// `engines` of every package in package-lock.json, except the packages below, each with the reason
// its code runs on that Node anyway. A dependency that asks for a newer Node fails this check until
// a version that fits is chosen or its reason is written here; an entry nothing needs any more fails
// too. These are the EBADENGINE warnings `npm ci` prints on Node 20.19 to 22.14 (none on 22.15+).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Package name → why it runs on the Node lines below its own `engines`. */
const HARMLESS = {
  "@whatwg-node/promise-helpers":
    "2.x asks for Node 22.15 and uses Promise.withResolvers only where it exists, with its own fallback; the API reaches it through @apollo/server → @graphql-tools/schema → @graphql-tools/utils 12, and the API's tests pass on Node 20",
  "@whatwg-node/disposablestack":
    "a DisposableStack ponyfill with its own SuppressedError; only graphql-codegen's URL and GitHub schema loaders use it, and our codegen reads local files",
  "@whatwg-node/fetch":
    "fetches schemas for graphql-codegen's URL, GitHub and Apollo loaders; our codegen configs read local files, so it never fetches",
  "@whatwg-node/node-fetch": "the same loaders' HTTP client; never called by our codegen",
  "sync-fetch": "the same loaders' synchronous fetch; never called by our codegen",
  listr2:
    "graphql-codegen's progress list; it needs util.styleText, in Node since 20.12; the codegen checks run it on every npm test",
};

const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));
const lines = pkg.engines.node.split("||").map((range) => semver.minVersion(range.trim()).version);

const problems = [];
const excused = new Set();
for (const [where, entry] of Object.entries(lock.packages)) {
  const wants = entry.engines?.node;
  if (!where || !wants) continue;
  const name = entry.name ?? where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);
  for (const node of lines) {
    if (semver.satisfies(node, wants)) continue;
    if (HARMLESS[name]) excused.add(name);
    else problems.push(`${name}@${entry.version} wants Node ${wants}, engines admits ${node} (${where})`);
  }
}
for (const name of Object.keys(HARMLESS))
  if (!excused.has(name))
    problems.push(`${name}: listed as harmless, but no version in the lock file needs it any more`);

if (problems.length) {
  console.error(
    `engines.node "${pkg.engines.node}" and the lock file disagree:\n  ${[...new Set(problems)].join("\n  ")}`,
  );
  process.exit(1);
}
console.log(
  `engines.node "${pkg.engines.node}": every package runs on ${lines.join(", ")}; harmless below their engines: ${[...excused].join(", ")}.`,
);
