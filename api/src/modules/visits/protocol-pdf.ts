import type { ProtocolDocument } from "./visit-protocol-document.js";

/**
 * The protocol PDF, with pdfmake, its fonts and the chart's React loaded on the first protocol rather
 * than at start: about 40 MB that an API process serving partners' queries never needs
 * (docs/performance.md, memory).
 */
export async function renderProtocolPdf(doc: ProtocolDocument): Promise<Buffer> {
  const { renderProtocolPdf: render } = await import("./visit-pdf.js");
  return render(doc);
}
