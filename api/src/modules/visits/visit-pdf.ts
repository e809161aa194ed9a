import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import pdfmake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { TIME_ZONE } from "../../shared/dates.js";
import { databaseSizeChartSvg } from "./database-size-chart-svg.js";
import { PROTOCOL_WORDS } from "./protocol-words.js";
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
const stockholm = (d: Date, pattern: string) => format(new TZDate(d, TIME_ZONE), pattern);
type Words = (typeof PROTOCOL_WORDS)[keyof typeof PROTOCOL_WORDS];
const wordsOf = (doc: ProtocolDocument): Words => PROTOCOL_WORDS[doc.language];
const mbIn = (w: Words) => (n: number) => `${n.toLocaleString(w.locale)} MB`;

function checkRows(doc: ProtocolDocument): Content[][] {
  const w = wordsOf(doc);
  const mb = mbIn(w);
  return doc.checks.map((c, i) => {
    const extra: Content[] = [];
    if (c.databaseSizeMb != null) {
      const t = doc.sizeTrend;
      const change =
        t.changeMb == null
          ? w.firstReading
          : `${t.changeMb >= 0 ? "+" : ""}${mb(t.changeMb)}${t.changePercent == null ? "" : ` (${t.changePercent >= 0 ? "+" : ""}${t.changePercent.toLocaleString(w.locale)} %)`} ${w.sinceLast}`;
      extra.push({ text: `${w.size}: ${mb(c.databaseSizeMb)}, ${change}.`, style: "small" });
    }
    for (const v of c.versions ?? []) {
      extra.push({
        text: `${PRODUCT_NAME[v.product] ?? v.product}: ${w.installed} ${v.installed ?? "–"}, ${w.latest} ${v.latest ?? "–"}`,
        style: "small",
      });
    }
    return [
      { text: `${i + 1}. ${doc.language === "EN" ? c.titleEn : c.titleSv}`, bold: true },
      {
        text: c.result ? (w.results[c.result] ?? c.result) : w.notRecorded,
        color: c.result === "NEEDS_ACTION" ? "#b45309" : undefined,
      },
      { stack: [{ text: c.note || "–" }, ...extra] },
    ];
  });
}

function signatureBlock(doc: ProtocolDocument): Content[] {
  const w = wordsOf(doc);
  const out: Content[] = [{ text: w.signing, style: "h2" }];
  if (doc.signature) {
    out.push({ image: doc.signature.png, fit: [220, 60], margin: [0, 2, 0, 2] });
    out.push({ text: `${w.signedBy} ${doc.signature.name}, ${stockholm(doc.signature.at, "yyyy-MM-dd HH:mm")}` });
  }
  if (doc.acknowledgement)
    out.push({
      text: `${w.acknowledgedBy} ${doc.acknowledgement.name}, ${stockholm(doc.acknowledgement.at, "yyyy-MM-dd HH:mm")}`,
    });
  if (!doc.signature && !doc.acknowledgement) out.push({ text: w.unsigned, italics: true });
  // The heading, the drawing and the name belong together on one page.
  return [{ stack: out, unbreakable: true }];
}

/**
 * The size chart: the backups' sizes week by week over the year when monitoring has them (denser
 * and nearer the truth than one reading a visit), else the readings of the visits over the years.
 */
function sizeChart(doc: ProtocolDocument, visits: { visitedOn: string; sizeMb: number }[], growth: number | null) {
  const w = wordsOf(doc);
  const backup = doc.backup;
  if (backup && backup.points.length > 1)
    return [
      { text: w.sizeYear, style: "h2" },
      { svg: databaseSizeChartSvg({ points: backup.points, width: 480, height: 165 }), width: 480 },
      { text: w.weekly, style: "small", margin: [0, 4, 0, 0] },
      { text: backup.sentence, style: "small" },
    ] satisfies Content[];
  return [
    { text: w.sizeYears, style: "h2" },
    visits.length
      ? { svg: databaseSizeChartSvg({ points: visits, width: 480, height: 165 }), width: 480 }
      : { text: w.noReading, italics: true },
    growth != null
      ? {
          text: w.trend(visits.length, `${growth >= 0 ? "+" : ""}${mbIn(w)(growth)}`),
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
  const w = wordsOf(doc);
  return {
    info: { title: w.pdfTitle(doc.agreementNumber, doc.visitedOn), author: doc.vendorName },
    pageSize: "A4",
    pageMargins: [48, 40, 48, 48],
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      small: { fontSize: 8.5, color: "#4b5563" },
    },
    footer: (page, pages) => ({
      text: `${doc.vendorName} · ${doc.agreementNumber} · ${w.page(page, pages)}`,
      alignment: "center",
      fontSize: 8,
      color: "#6b7280",
    }),
    content: [
      { text: doc.vendorName, color: "#0b6e4f", bold: true },
      { text: w.title, style: "h1" },
      doc.version && doc.version > 1
        ? {
            text: w.corrected(doc.version, doc.correctionReason ?? ""),
            color: "#b45309",
            margin: [0, 0, 0, 6],
          }
        : { text: doc.version ? w.version(doc.version) : w.draft, style: "small" },
      {
        table: {
          widths: [110, "*"],
          body: [
            [w.agreement, doc.agreementNumber],
            [w.customer, doc.customerName],
            [w.property, `${doc.property.name}, ${doc.property.address}`],
            [w.date, `${doc.visitedOn} ${w.at} ${stockholm(doc.scheduledAt, "HH:mm")}`],
            [w.technician, doc.technicianName],
          ],
        },
        layout: "lightHorizontalLines",
        margin: [0, 8, 0, 0],
      },
      { text: w.checks, style: "h2" },
      {
        table: {
          headerRows: 1,
          widths: [150, 80, "*"],
          body: [
            [
              { text: w.check, bold: true },
              { text: w.result, bold: true },
              { text: w.note, bold: true },
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
