import { parentPort, workerData } from "node:worker_threads";
import { renderProtocolPdf } from "./visit-pdf.js";
import type { ProtocolDocument } from "./visit-protocol-document.js";

// Runs in a thread of its own (protocol-pdf.ts): the document in, the PDF's bytes out.
const pdf = await renderProtocolPdf(workerData as ProtocolDocument);
parentPort!.postMessage(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength));
