import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_PDF_RENDER_TIMEOUT_SECONDS, renderProtocolPdf, setPdfRenderTimeout } from "./protocol-pdf.js";
import type { ProtocolDocument } from "./visit-protocol-document.js";
import { dataUrl, PNG_MAGIC, spinningPng } from "./visit.fixture.js";

/** A protocol as an old row would give it: signed, with whatever image was stored then. */
function signedWith(png: string): ProtocolDocument {
  return {
    language: "SV",
    vendorName: "Aptus Elektronik AB",
    agreementNumber: "TR-2027-0001",
    customerName: "Västkust Fastigheter AB",
    property: { name: "Kvarteret Äppelträdet", address: "Storgatan 1, 411 01 Göteborg" },
    visitedOn: "2027-03-10",
    scheduledAt: new Date("2027-03-10T07:30:00Z"),
    technicianName: "Tomas Tekniker",
    formerUsers: { technician: false, acknowledger: false },
    version: 1,
    correctionReason: null,
    checks: [
      {
        code: "DATABASE_REVIEW",
        titleSv: "Genomgång av databasen",
        titleEn: "Database review",
        result: "OK",
        note: "",
        databaseSizeMb: null,
        versions: null,
      },
    ],
    sizeTrend: {
      readings: [],
      current: null,
      previous: null,
      changeMb: null,
      changePercent: null,
      growthMbPerYear: null,
    },
    backup: null,
    signature: { name: "Karin Åström", at: new Date("2027-03-10T09:00:00Z"), png },
    acknowledgement: null,
  };
}

/** How often a 50 ms timer fired while `work` ran: it cannot fire while the event loop is held. */
async function ticksDuring(work: () => Promise<unknown>): Promise<{ ms: number; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 50);
  const started = Date.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { ms: Date.now() - started, ticks };
}

afterEach(() => setPdfRenderTimeout(DEFAULT_PDF_RENDER_TIMEOUT_SECONDS));

describe("the protocol PDF, made in a thread with a deadline", () => {
  it("gives up on a stored signature that spins the PNG reader at the deadline, with a clean error, the event loop free all the while", async () => {
    setPdfRenderTimeout(3);
    let failure: unknown;
    const { ms, ticks } = await ticksDuring(() =>
      renderProtocolPdf(signedWith(dataUrl(spinningPng()))).catch((e: unknown) => (failure = e)),
    );
    expect(failure).toMatchObject({
      code: "PROTOCOL_PDF_FAILED",
      message: expect.stringContaining("it took over 3 s"),
    });
    expect(ms).toBeGreaterThanOrEqual(3000);
    expect(ms).toBeLessThan(5000);
    // The timer kept firing through the three seconds (a held loop gives none): the spinning happened
    // elsewhere. A quarter of the ticks leaves room for a machine busy with other work.
    expect(ticks).toBeGreaterThan(ms / 50 / 4);
  });

  it("answers a damaged stored image (an SVG behind the PNG magic bytes) with the same clean error, at once", async () => {
    const broken = dataUrl(
      Buffer.concat([PNG_MAGIC, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')]),
    );
    const { ms } = await ticksDuring(() =>
      expect(renderProtocolPdf(signedWith(broken))).rejects.toMatchObject({
        code: "PROTOCOL_PDF_FAILED",
        message: expect.stringContaining("renderer failed"),
      }),
    );
    expect(ms).toBeLessThan(DEFAULT_PDF_RENDER_TIMEOUT_SECONDS * 1000);
  });

  it("renders good protocols, three at once: more than there are threads, so one waits its turn", async () => {
    // What this pins is the queue, not the deadline: a machine busy with other work may take long.
    setPdfRenderTimeout(150);
    const good = signedWith(
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    );
    const pdfs = await Promise.all([renderProtocolPdf(good), renderProtocolPdf(good), renderProtocolPdf(good)]);
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  }, 180_000);
});
