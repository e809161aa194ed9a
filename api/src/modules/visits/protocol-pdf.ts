import { runInWorker, WorkerDeadlineExceeded } from "../../shared/run-in-worker.js";
import type { ProtocolDocument } from "./visit-protocol-document.js";

/**
 * How long a protocol may take to become a PDF unless `PDF_RENDER_TIMEOUT_SECONDS` says otherwise; one takes about a
 * second.
 */
export const DEFAULT_PDF_RENDER_TIMEOUT_SECONDS = 20;
let deadlineMs = DEFAULT_PDF_RENDER_TIMEOUT_SECONDS * 1000;

/** Set once at start-up from the settings. */
export function setPdfRenderTimeout(seconds: number): void {
  deadlineMs = seconds * 1000;
}

/** The protocol could not be made into a PDF: its thread failed or ran out of time. */
export class ProtocolPdfFailed extends Error {
  readonly code = "PROTOCOL_PDF_FAILED";
  constructor(
    readonly reason: string,
    cause: unknown,
  ) {
    super(
      `The protocol could not be made into a PDF (${reason}). A signature image stored before images were checked can cause this: support staff can replace it with correctVisitProtocol and a new signature.`,
      { cause },
    );
  }
}

/**
 * The protocol as a PDF, made in a worker thread with a deadline: pdfmake reads the stored
 * signature image, and an image crafted to make its PNG reader spin must not take the API's event
 * loop, and /healthz with it, down. A thread per protocol also keeps pdfmake, its fonts and the
 * chart's React (about 40 MB) out of the API process, which serves partners' queries that never
 * need them (docs/decisions/0036-protocol-pdf-in-a-worker.md).
 */
export async function renderProtocolPdf(doc: ProtocolDocument): Promise<Buffer> {
  try {
    const bytes = await runInWorker<Uint8Array>({
      entry: new URL("./protocol-pdf.worker.js", import.meta.url),
      data: doc,
      deadlineMs,
      // A protocol with the largest signature needs under 64 MB; a document that needs far more is refused, not the
      // API's memory.
      resourceLimits: { maxOldGenerationSizeMb: 128 },
    });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (e) {
    throw new ProtocolPdfFailed(
      e instanceof WorkerDeadlineExceeded ? `it took over ${e.deadlineMs / 1000} s` : "its renderer failed",
      e,
    );
  }
}
