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
  if (cal?.evaluationsPerSecond !== undefined)
    lines.push(`Support calendar: ${Math.round(cal.evaluationsPerSecond).toLocaleString("en")} evaluations/s.`);
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
    for (const s of report.tryggStatements)
      print(`  ${String(s.calls).padStart(7)}  ${s.mean_ms.toFixed(2).padStart(7)}  ${s.query}`);
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

// The portal's server render (bench/portal.mjs): its own table, between its own markers, so that
// either part of the bench can run alone without wiping the other's figures.
const PORTAL_START = "<!-- bench:portal:start -->";
const PORTAL_END = "<!-- bench:portal:end -->";

export function portalTable(report) {
  const lines = [
    "| page | connections | req/s | p50 | p95 | p99 | errors | portal CPU / request | API CPU / request | SQL statements / request | HTML |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of report.results) {
    lines.push(
      `| ${r.label} | ${r.connections} | ${r.reqPerSecond.toFixed(0)} | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${ms(r.p99Ms)} | ${r.errors} | ${ms(r.portalCpuMsPerRequest)} | ${ms(r.apiCpuMsPerRequest)} | ${r.statementsPerRequest.toFixed(1)} | ${(r.bodyBytes / 1024).toFixed(0)} KB |`,
    );
  }
  return lines;
}

export function portalSummary(report) {
  const { machine: m, settings: s, goalP95Ms: goal } = report;
  const verdict = (c) => {
    const at = `${c} connection${c === 1 ? "" : "s"}`;
    const rows = report.results.filter((r) => r.connections === c);
    const missed = rows.filter((r) => !r.meetsGoal);
    return missed.length === 0
      ? `met at ${at} (worst p95 ${ms(Math.max(...rows.map((r) => r.p95Ms)))})`
      : `not met at ${at} (${missed.map((r) => `${r.label}: p95 ${ms(r.p95Ms)}${r.errors ? `, ${r.errors} errors` : ""}`).join("; ")})`;
  };
  return [
    `Goal of issue #13, server render p95 under ${goal} ms: ${s.connections.map(verdict).join("; ")}.`,
    "",
    `Measured ${report.date.slice(0, 16).replace("T", " ")} UTC at commit ${m.commit} on ${m.cpu} (${m.cores} cores), Node ${m.node}, load average ${m.loadAverageAtStart?.join(" ")} at the start and ${m.loadAverageAtEnd?.join(" ")} at the end; ` +
      `demo data, API and portal as \`npm start\` runs them, logged in through the portal's form; ${s.rounds} interleaved rounds of ${s.warmupSeconds} s warm-up + ${s.measuredSeconds} s measured per page and connection count; ` +
      `a response counts only as a 200 holding the page's markers.`,
  ];
}

export function writePortalReport(report, { print, docs, readFileSync, writeFileSync, existsSync }) {
  const lines = [...portalTable(report), "", ...portalSummary(report)];
  print("");
  for (const [label, statements] of Object.entries(report.statementsOfOnePage ?? {})) {
    print(`The API's statements for one page, ${label} (calls, statement):`);
    for (const s of statements) print(`  ${String(s.calls).padStart(3)}  ${s.query}`);
    print("");
  }
  for (const line of lines) print(line);
  if (!existsSync(docs)) return;
  const text = readFileSync(docs, "utf8");
  const from = text.indexOf(PORTAL_START);
  const to = text.indexOf(PORTAL_END);
  if (from < 0 || to < from) return;
  writeFileSync(docs, `${text.slice(0, from + PORTAL_START.length)}\n${lines.join("\n")}\n${text.slice(to)}`);
  print(`\nWritten to bench/results/latest.json (portal) and docs/performance.md.`);
}

// Monitoring's hot paths (bench/monitoring.mjs): their own table, between their own markers.
const MONITORING_START = "<!-- bench:monitoring:start -->";
const MONITORING_END = "<!-- bench:monitoring:end -->";

export function monitoringLines(report) {
  const { pings: p, sweep: s, goals: g } = report;
  const met = (ok) => (ok ? "met" : "**not met**");
  return [
    "| path | figure | goal |",
    "|---|---|---|",
    `| ping ingestion (${p.connections} connections, ${p.checks.toLocaleString("en")} checks) | ${p.perSecond.toFixed(0)} pings/s, p50 ${ms(p.p50Ms)}, p99 ${ms(p.p99Ms)}, ${p.errors} errors | ≥ ${g.pingsPerSecond.toLocaleString("en")}/s: ${met(p.perSecond >= g.pingsPerSecond)}; p99 < ${g.p99Ms} ms: ${met(p.p99Ms < g.p99Ms)} |`,
    `| per ping | ${p.statementsPerPing.toFixed(1)} SQL statements, ${ms(p.cpuMsPerPing)} API CPU${
      p.postgresCpuMsPerPing === undefined
        ? ""
        : `, ${ms(p.postgresCpuMsPerPing)} PostgreSQL CPU, ${ms(p.benchCpuMsPerPing)} autocannon CPU`
    } | |`,
    `| API resident memory while pinged | ${p.peakRssMb.toFixed(0)} MB | < ${g.peakRssMb} MB: ${met(p.peakRssMb < g.peakRssMb)} |`,
    `| sweep of ${s.dueChecks.toLocaleString("en")} checks due at once | ${s.checksPerSecond.toFixed(0)} checks/s (${s.flips.toLocaleString("en")} flips in ${s.seconds.toFixed(1)} s), ${ms(s.cpuMsPerCheck)} API CPU per check | keeps up with 100,000 checks |`,
    "",
    `Measured ${report.date.slice(0, 16).replace("T", " ")} UTC${report.machine ? ` on ${report.machine.cpu} (${report.machine.cores} cores), Node ${report.machine.node}` : ""}${p.loadAverage === undefined ? "" : ` (load average ${p.loadAverage.toFixed(1)} as the pings were measured)`}, the API compiled and run as \`npm start\` runs it (default log level), one PostgreSQL 15 on the same machine.`,
  ];
}

export function writeMonitoringReport(report, { print, docs, readFileSync, writeFileSync }) {
  const lines = monitoringLines(report);
  print("");
  for (const line of lines) print(line);
  const text = readFileSync(docs, "utf8");
  const from = text.indexOf(MONITORING_START);
  const to = text.indexOf(MONITORING_END);
  if (from < 0 || to < from) return;
  writeFileSync(docs, `${text.slice(0, from + MONITORING_START.length)}\n${lines.join("\n")}\n${text.slice(to)}`);
  print(`\nWritten to bench/results/latest.json (monitoring) and docs/performance.md.`);
}
