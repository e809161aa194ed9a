/**
 * The API's limit for the attachments of one request, together (docs/decisions/0027-support-attachment-limit.md): they
 * travel
 * base64-encoded in a JSON body capped at 1 MB. Checked in the browser before sending and again in
 * the action, so a big file gets a clear message instead of the API's PAYLOAD_TOO_LARGE.
 */
export const MAX_ATTACHMENT_BYTES = 700 * 1024;
const MAX_ATTACHMENTS = 5;
export const ATTACHMENT_ACCEPT = "image/png,image/jpeg,application/pdf,text/plain,.log,.txt";

export type AttachmentCheck = "ok" | "TOO_MANY_ATTACHMENTS" | "ATTACHMENT_TOO_LARGE";

export function checkAttachments(files: readonly { size: number }[]): AttachmentCheck {
  if (files.length > MAX_ATTACHMENTS) return "TOO_MANY_ATTACHMENTS";
  return files.reduce((sum, f) => sum + f.size, 0) > MAX_ATTACHMENT_BYTES ? "ATTACHMENT_TOO_LARGE" : "ok";
}

/** The files a form posted, without the empty entry a browser sends for an untouched file input. */
export function postedFiles(form: FormData, name = "attachments"): File[] {
  return form
    .getAll(name)
    .filter((v): v is File => typeof v === "object" && v !== null && "arrayBuffer" in v && v.size > 0);
}

export async function toAttachmentInputs(
  files: readonly File[],
): Promise<{ fileName: string; contentBase64: string }[]> {
  return Promise.all(
    files.map(async (f) => ({
      fileName: f.name,
      contentBase64: Buffer.from(await f.arrayBuffer()).toString("base64"),
    })),
  );
}
