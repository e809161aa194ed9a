import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { renderProtocolPdf } from "./visit-pdf.js";
import type { ProtocolDocument } from "./visit-protocol-document.js";

const SENTENCE =
  "Backup lyckades 358 av 365 nätter (98,1 %); 2 avbrott, längsta 2 nätter (12–13 mars 2027). " +
  "Från Aptus Systemövervakning, 2026-03-20–2027-03-20.";

/** A draft protocol of a visit whose property has a backup check, or (backup: null) none. */
function protocol(backup: ProtocolDocument["backup"]): ProtocolDocument {
  return {
    language: "SV",
    vendorName: "Aptus Elektronik AB",
    agreementNumber: "TR-2027-0001",
    customerName: "Västkust Fastigheter AB",
    property: { name: "Kvarteret Äppelträdet", address: "Storgatan 1, 411 01 Göteborg" },
    visitedOn: "2027-03-20",
    scheduledAt: new Date("2027-03-20T08:30:00Z"),
    technicianName: "Tomas Tekniker",
    formerUsers: { technician: false, acknowledger: false },
    version: null,
    correctionReason: null,
    checks: [
      {
        code: "BACKUP_ROUTINES",
        titleSv: "Kontroll av backup-rutiner",
        titleEn: "Backup routines",
        result: "OK",
        note: backup ? SENTENCE : "Nattlig backup till extern disk.",
        databaseSizeMb: null,
        versions: null,
      },
    ],
    sizeTrend: {
      readings: [{ visitId: "v1", visitedOn: "2026-03-18", sizeMb: 900 }],
      current: null,
      previous: null,
      changeMb: null,
      changePercent: null,
      growthMbPerYear: null,
    },
    backup,
    signature: null,
    acknowledgement: null,
  };
}

async function textOf(doc: ProtocolDocument): Promise<string> {
  const pdf = await renderProtocolPdf(doc);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

const weeks = Array.from({ length: 52 }, (_, i) => ({
  visitedOn: new Date(Date.UTC(2026, 2, 23 + 7 * i)).toISOString().slice(0, 10),
  sizeMb: 1000 + i * 3,
}));

describe("the protocol PDF with monitoring's evidence", () => {
  it("draws the year of backup sizes and states the evidence with its source", async () => {
    const text = await textOf(protocol({ sentence: SENTENCE, points: weeks }));
    expect(text).toContain("Databasens storlek senaste året");
    expect(text).toContain("Backupens storlek vecka för vecka.");
    // Once in the check's note, once under the chart.
    expect(text.split("Från Aptus Systemövervakning, 2026-03-20–2027-03-20.").length - 1).toBe(2);
    // The chart is the year's: labelled at the last week's size, not at the visits' reading.
    expect(text).toMatch(/1\s?153/);
    expect(text).not.toContain("Databasens storlek över åren");
  });

  it("keeps the visits' chart without backup checks, and says nothing of monitoring", async () => {
    const text = await textOf(protocol(null));
    expect(text).toContain("Databasens storlek över åren");
    expect(text).not.toContain("Systemövervakning");
  });
});

describe("the protocol PDF in the reader's language", () => {
  it("is in English for an English reader: headings, labels, check titles and results; notes stay as written", async () => {
    const text = await textOf({ ...protocol(null), language: "EN", version: 1 });
    expect(text).toContain("Annual support visit protocol");
    expect(text).toContain("1. Backup routines");
    expect(text).toContain("Database size over the years");
    expect(text).toContain("Signature and acknowledgement");
    expect(text).toContain("page 1 of 1");
    expect(text).toContain("Nattlig backup till extern disk.");
    expect(text).not.toMatch(/Protokoll|Kontroll|Databasens|Underskrift|sida/);
  });
});
