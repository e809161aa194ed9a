import { EXTENSIONS } from "./attachment-content.js";

/** What a file is called when nothing of its sent name is left. */
const FALLBACK_NAME = "bilaga";

/**
 * The name a download carries: the sent name with the extension of the type its bytes proved, so
 * that a saved file opens as what it is. The sender's extension stays only when it is one of that
 * type's own (`server.log` stays, `report.html` holding text becomes `report.txt`). Path separators
 * and control characters, which a name may not carry onto a disk, become `_`.
 */
export function downloadFileName(fileName: string, contentType: string): string {
  const allowed = EXTENSIONS[contentType] ?? ["bin"];
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  const clean = fileName.replace(/[\u0000-\u001f\u007f/\\]/g, "_").trim();
  const dot = clean.lastIndexOf(".");
  const given = dot > 0 ? clean.slice(dot + 1).toLowerCase() : "";
  const base = (dot > 0 ? clean.slice(0, dot) : clean).trim() || FALLBACK_NAME;
  return `${base}.${allowed.includes(given) ? given : allowed[0]}`;
}

/** RFC 5987 percent-encoding: `encodeURIComponent` leaves `'()*` bare, which `filename*` may not. */
const encodeValue = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition: attachment` with the name twice (RFC 6266): plain ASCII for old clients,
 * where anything else (and `"`, `\`, `%`) is `_`, and the exact name as UTF-8 in `filename*`.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeValue(name)}`;
}
