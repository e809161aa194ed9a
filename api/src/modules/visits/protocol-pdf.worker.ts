import { serveJobs } from "../../shared/run-in-worker.js";
import { renderProtocolPdf } from "./visit-pdf.js";
import type { ProtocolDocument } from "./visit-protocol-document.js";

// Runs in a thread of its own (protocol-pdf.ts), kept warm for a few seconds between protocols: the document in,
// the PDF's bytes out.
serveJobs(async (doc: ProtocolDocument) => {
  const pdf = await renderProtocolPdf(doc);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
});
