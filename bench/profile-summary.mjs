// Summarises a .cpuprofile (from BENCH_TRYGG_NODE_FLAGS="--cpu-prof --cpu-prof-dir=…"): self time
// by package and by function, so the next thing to speed up is plain to see.
// Usage: node bench/profile-summary.mjs <file.cpuprofile> [top] [last seconds]
// "last seconds" keeps only the end of the profile: the load phase, without the start-up before it.
import { readFileSync } from "node:fs";

const [file, top = "25", lastSeconds] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const from = lastSeconds ? profile.endTime - Number(lastSeconds) * 1e6 : -Infinity;
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i] ?? 0;
  if (at < from) continue;
  const id = profile.samples[i];
  // Waiting is not work: percentages are of the time the process was busy.
  if (["(idle)", "(program)"].includes(byId.get(id).callFrame.functionName)) continue;
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const where = (url) => {
  if (!url) return "(native/V8)";
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  if (url.includes("/api/dist/")) return "trygg api";
  return url.startsWith("node:") ? "node core" : url;
};
const packages = new Map();
const functions = new Map();
for (const [id, t] of self) {
  const { callFrame: f } = byId.get(id);
  const pkg = f.functionName === "(garbage collector)" ? "(garbage collector)" : where(f.url);
  packages.set(pkg, (packages.get(pkg) ?? 0) + t);
  const key = `${f.functionName || "(anonymous)"}  ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + t);
}
const show = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
    console.log(`${((100 * t) / total).toFixed(1).padStart(6)} %  ${k}`);
};
show("Self time by package", packages);
show("Self time by function", functions);
