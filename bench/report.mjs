// The bench's table: printed, and written into docs/performance.md between its markers.
const START = "<!-- bench:latest:start -->";
const END = "<!-- bench:latest:end -->";

const ms = (v) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;

export function table(report) {
  const lines = [
    "| target | req/s | p50 | p95 | p99 | errors | SQL statements / request | DB time / request | Node CPU / request | peak RSS |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of Object.values(report.results)) {
    lines.push(
      `| ${r.label} | ${r.reqPerSecond.toFixed(0)} | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${ms(r.p99Ms)} | ${r.errors} | ${r.statementsPerRequest.toFixed(2)} | ${ms(r.dbMsPerRequest)} | ${ms(r.cpuMsPerRequest)} | ${r.peakRssMb.toFixed(0)} MB |`,
    );
  }
  return lines;
}

export function summary(report) {
  const { ratios, machine: m, settings: s, supportCalendar: cal } = report;
  const lines = [
    `Trygg is at ${ratios.tryggToPostgraphile.toFixed(2)}× PostGraphile's req/s and ${ratios.tryggToPlain.toFixed(2)}× the plain handler's (PostGraphile: ${ratios.postgraphileToPlain.toFixed(2)}×).`,
    `Trygg's API resident set under load peaked at ${report.results.trygg.peakRssMb.toFixed(0)} MB.`,
  ];
  if (cal?.evaluationsPerSecond !== undefined) lines.push(`Support calendar: ${Math.round(cal.evaluationsPerSecond).toLocaleString("en")} evaluations/s.`);
  else if (cal) lines.push(`Support calendar: no figure (${(cal.error ?? cal.output ?? "").split("\n")[0]}).`);
  lines.push(
    "",
    `Measured ${report.date.slice(0, 16).replace("T", " ")} UTC at commit ${m.commit} on ${m.cpu} (${m.cores} cores, ${m.memoryGb} GB), ${m.os}, Node ${m.node}, PostgreSQL ${m.postgres}, load average ${m.loadAverageAtStart?.join(" ")} at the start; ` +
      `page of ${s.pageSize}, ${s.connections} connections, ${s.rounds} interleaved rounds of ${s.warmupSeconds} s warm-up + ${s.measuredSeconds} s measured per server.`,
  );
  return lines;
}

export function writeReport(report, { print, docs, readFileSync, writeFileSync, existsSync }) {
  const lines = [...table(report), "", ...summary(report)];
  print("");
  if (report.tryggStatements) {
    print("Trygg's statements over the whole run (calls, mean ms, statement):");
    for (const s of report.tryggStatements) print(`  ${String(s.calls).padStart(7)}  ${s.mean_ms.toFixed(2).padStart(7)}  ${s.query}`);
    print("");
  }
  for (const line of lines) print(line);
  if (!existsSync(docs)) return;
  const text = readFileSync(docs, "utf8");
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) return;
  writeFileSync(docs, `${text.slice(0, from + START.length)}\n${lines.join("\n")}\n${text.slice(to)}`);
  print(`\nWritten to bench/results/latest.json and docs/performance.md.`);
}
