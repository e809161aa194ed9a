import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import pdfmake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { TIME_ZONE } from "../../shared/dates.js";
import { databaseSizeChartSvg } from "./database-size-chart-svg.js";
import type { ProtocolDocument } from "./visit-protocol-document.js";

const require = createRequire(import.meta.url);
// pdfmake's bundled Roboto has å, ä and ö; the files are read from the package, nothing is fetched.
const roboto = require("pdfmake/fonts/Roboto.js") as { Roboto: Record<string, string> };
const fontDir = dirname(require.resolve("pdfmake/fonts/Roboto.js"));
pdfmake.setFonts(roboto);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));

const PRODUCT_NAME: Record<string, string> = {
  MULTI_ACCESS: "Multi-access",
  HANTERA: "Hantera",
  APTUSPORTAL: "Aptusportal",
};
const RESULT_SV: Record<string, string> = {
  OK: "OK",
  NEEDS_ACTION: "Behöver åtgärdas",
  NOT_APPLICABLE: "Ej tillämpligt",
};
const stockholm = (d: Date, pattern: string) => format(new TZDate(d, TIME_ZONE), pattern);
const mb = (n: number) => `${n.toLocaleString("sv-SE")} MB`;

function checkRows(doc: ProtocolDocument): Content[][] {
  return doc.checks.map((c, i) => {
    const extra: Content[] = [];
    if (c.databaseSizeMb != null) {
      const t = doc.sizeTrend;
      const change =
        t.changeMb == null
          ? "första mätningen"
          : `${t.changeMb >= 0 ? "+" : ""}${mb(t.changeMb)}${t.changePercent == null ? "" : ` (${t.changePercent >= 0 ? "+" : ""}${t.changePercent.toLocaleString("sv-SE")} %)`} sedan förra besöket`;
      extra.push({ text: `Storlek: ${mb(c.databaseSizeMb)}, ${change}.`, style: "small" });
    }
    for (const v of c.versions ?? []) {
      extra.push({
        text: `${PRODUCT_NAME[v.product] ?? v.product}: installerad ${v.installed ?? "–"}, senaste ${v.latest ?? "–"}`,
        style: "small",
      });
    }
    return [
      { text: `${i + 1}. ${c.titleSv}`, bold: true },
      {
        text: c.result ? (RESULT_SV[c.result] ?? c.result) : "Ej registrerad",
        color: c.result === "NEEDS_ACTION" ? "#b45309" : undefined,
      },
      { stack: [{ text: c.note || "–" }, ...extra] },
    ];
  });
}

function signatureBlock(doc: ProtocolDocument): Content[] {
  const out: Content[] = [{ text: "Underskrift och bekräftelse", style: "h2" }];
  if (doc.signature) {
    out.push({ image: doc.signature.png, fit: [220, 60], margin: [0, 2, 0, 2] });
    out.push({ text: `Signerat av ${doc.signature.name}, ${stockholm(doc.signature.at, "yyyy-MM-dd HH:mm")}` });
  }
  if (doc.acknowledgement)
    out.push({
      text: `Bekräftat i portalen av ${doc.acknowledgement.name}, ${stockholm(doc.acknowledgement.at, "yyyy-MM-dd HH:mm")}`,
    });
  if (!doc.signature && !doc.acknowledgement) out.push({ text: "Inte signerat eller bekräftat ännu.", italics: true });
  // The heading, the drawing and the name belong together on one page.
  return [{ stack: out, unbreakable: true }];
}

/**
 * The size chart: the backups' sizes week by week over the year when monitoring has them (denser
 * and nearer the truth than one reading a visit), else the readings of the visits over the years.
 */
function sizeChart(doc: ProtocolDocument, visits: { visitedOn: string; sizeMb: number }[], growth: number | null) {
  const backup = doc.backup;
  if (backup && backup.points.length > 1)
    return [
      { text: "Databasens storlek senaste året", style: "h2" },
      { svg: databaseSizeChartSvg({ points: backup.points, width: 480, height: 165 }), width: 480 },
      { text: "Backupens storlek vecka för vecka.", style: "small", margin: [0, 4, 0, 0] },
      { text: backup.sentence, style: "small" },
    ] satisfies Content[];
  return [
    { text: "Databasens storlek över åren", style: "h2" },
    visits.length
      ? { svg: databaseSizeChartSvg({ points: visits, width: 480, height: 165 }), width: 480 }
      : { text: "Ingen mätning ännu.", italics: true },
    growth != null
      ? {
          text: `Trend över ${visits.length} besök: ${growth >= 0 ? "+" : ""}${mb(growth)} per år.`,
          style: "small",
          margin: [0, 4, 0, 0],
        }
      : { text: "" },
    // Without a chart of the year the evidence still stands in the protocol.
    ...(backup ? [{ text: backup.sentence, style: "small", margin: [0, 4, 0, 0] } satisfies Content] : []),
  ] satisfies Content[];
}

function protocolDefinition(doc: ProtocolDocument): TDocumentDefinitions {
  const points = doc.sizeTrend.readings.map((r) => ({ visitedOn: r.visitedOn, sizeMb: r.sizeMb }));
  const growth = doc.sizeTrend.growthMbPerYear;
  return {
    info: { title: `Protokoll från supportbesök ${doc.agreementNumber} ${doc.visitedOn}`, author: doc.vendorName },
    pageSize: "A4",
    pageMargins: [48, 40, 48, 48],
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      small: { fontSize: 8.5, color: "#4b5563" },
    },
    footer: (page, pages) => ({
      text: `${doc.vendorName} · ${doc.agreementNumber} · sida ${page} av ${pages}`,
      alignment: "center",
      fontSize: 8,
      color: "#6b7280",
    }),
    content: [
      { text: doc.vendorName, color: "#0b6e4f", bold: true },
      { text: "Protokoll från årligt supportbesök", style: "h1" },
      doc.version && doc.version > 1
        ? {
            text: `Version ${doc.version} – rättad: ${doc.correctionReason ?? ""}`,
            color: "#b45309",
            margin: [0, 0, 0, 6],
          }
        : { text: doc.version ? `Version ${doc.version}` : "Utkast – besöket är inte avslutat", style: "small" },
      {
        table: {
          widths: [110, "*"],
          body: [
            ["Avtal", doc.agreementNumber],
            ["Kund", doc.customerName],
            ["Fastighet", `${doc.property.name}, ${doc.property.address}`],
            ["Datum", `${doc.visitedOn} kl. ${stockholm(doc.scheduledAt, "HH:mm")}`],
            ["Tekniker", doc.technicianName],
          ],
        },
        layout: "lightHorizontalLines",
        margin: [0, 8, 0, 0],
      },
      { text: "Kontroller", style: "h2" },
      {
        table: {
          headerRows: 1,
          widths: [150, 80, "*"],
          body: [
            [
              { text: "Kontroll", bold: true },
              { text: "Resultat", bold: true },
              { text: "Anteckning", bold: true },
            ],
            ...checkRows(doc),
          ],
        },
        layout: "lightHorizontalLines",
      },
      ...sizeChart(doc, points, growth),
      ...signatureBlock(doc),
    ],
  };
}

/** The protocol as a PDF, rendered in-process (pdfmake on pdfkit): no browser, no network. */
export async function renderProtocolPdf(doc: ProtocolDocument): Promise<Buffer> {
  return pdfmake.createPdf(protocolDefinition(doc)).getBuffer();
}
