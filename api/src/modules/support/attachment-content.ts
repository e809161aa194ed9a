/**
 * What may be attached to a case: screenshots (PNG, JPEG), documents (PDF) and logs (plain text),
 * recognised by their content, not by the name the browser gave them, up to a size each.
 *
 * 700 KB, for all files of one request together: they travel base64-encoded (4/3 larger) in a JSON
 * body that the API caps at 1 MB, so anything more could never arrive
 * (docs/decisions/0027-support-attachment-limit.md).
 */
export const MAX_ATTACHMENT_BYTES = 700 * 1024;
export const MAX_ATTACHMENTS = 5;

const SIGNATURES: { type: string; bytes: number[] }[] = [
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/**
 * The file-name extensions each accepted type may be saved with, the usual one first. A download
 * is named by these, never by what the sender called it: `report.html` holding text is `report.txt`.
 */
export const EXTENSIONS: Record<string, readonly string[]> = {
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "application/pdf": ["pdf"],
  "text/plain": ["txt", "log"],
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The content type the bytes prove, or null when they are none of the accepted kinds. */
export function sniffContentType(content: Buffer): string | null {
  for (const s of SIGNATURES)
    if (content.length >= s.bytes.length && s.bytes.every((b, i) => content[i] === b)) return s.type;
  // A log or text file: valid UTF-8 without NUL or other binary control bytes (tab, CR, LF allowed).
  if (content.length === 0) return null;
  try {
    const text = utf8.decode(content);
    // eslint-disable-next-line no-control-regex -- binary control characters are exactly what is looked for
    return /[\u0000-\u0008\u000e-\u001f\u007f]/.test(text.replace(/\u001b\[[0-9;]*m/g, "")) ? null : "text/plain";
  } catch {
    return null;
  }
}

/** Strict base64: a bad character or length is the caller's mistake, not silently dropped bytes. */
export function decodeBase64(text: string): Buffer | null {
  const clean = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  return Buffer.from(clean, "base64");
}
