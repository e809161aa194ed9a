import { PNG } from "pngjs";

/** A drawn signature is a few kilobytes; anything near this is not one. */
export const MAX_SIGNATURE_BYTES = 256 * 1024;
/**
 * The portal's pad is 600 × 200; two and a half times that fits a tablet app that draws at its
 * screen's density. The check runs on the request's thread: at this size even the slowest kind of
 * PNG (16-bit RGBA) is read and written again in about 0.3 s on a busy two-core machine, a canvas's
 * 8-bit one in about 0.1 s (decision 0036).
 */
const MAX_SIGNATURE_WIDTH = 1500;
const MAX_SIGNATURE_HEIGHT = 600;

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IHDR = Buffer.from("IHDR", "latin1");

/** Why the bytes are not a signature we keep, or the signature as a PNG we encoded ourselves. */
export type RedrawnSignature = { ok: Buffer } | { problem: string };

/**
 * A signature is stored only as a PNG that Trygg itself encoded from the decoded pixels: the
 * uploaded bytes are read once by pngjs, within limits, and never kept. Checking the magic bytes
 * alone let through a file whose chunk lengths made the PDF library's PNG reader spin forever, and
 * bytes that were no image at all, which broke the protocol's PDF for good (issue 18).
 *
 * The limits come first, from the header, so the decoder never allocates for a hostile size: pngjs
 * bounds its inflation by the size the header announces, except for interlaced images, which a
 * canvas never draws and which are refused.
 */
export function redrawnSignaturePng(bytes: Buffer): RedrawnSignature {
  if (bytes.length > MAX_SIGNATURE_BYTES) return { problem: `The signature is over ${MAX_SIGNATURE_BYTES / 1024} KB.` };
  // Signature, then the IHDR chunk: length 13, type, width, height, depth, colour type, compression, filter, interlace.
  if (
    bytes.length < 33 ||
    !bytes.subarray(0, 8).equals(PNG_MAGIC) ||
    bytes.readUInt32BE(8) !== 13 ||
    !bytes.subarray(12, 16).equals(IHDR)
  ) {
    return { problem: "The signature is not a PNG image." };
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_SIGNATURE_WIDTH || height > MAX_SIGNATURE_HEIGHT) {
    return {
      problem: `The signature is ${width} × ${height} pixels; at most ${MAX_SIGNATURE_WIDTH} × ${MAX_SIGNATURE_HEIGHT} are accepted.`,
    };
  }
  if (bytes[28] !== 0)
    return { problem: "The signature is an interlaced PNG; send it as a canvas draws it, without interlacing." };
  let decoded: { width: number; height: number; data: Buffer };
  try {
    decoded = PNG.sync.read(bytes);
  } catch {
    return { problem: "The signature is not a PNG image that can be read: it is damaged or incomplete." };
  }
  // pngjs hands back 8-bit RGBA whatever the file held; written out again it is a plain PNG. One
  // filter for every row (Paeth) rather than trying all five per row: a third of the time, a tenth more bytes.
  return {
    ok: PNG.sync.write(Object.assign(new PNG(), { width: decoded.width, height: decoded.height, data: decoded.data }), {
      colorType: 6,
      filterType: 4,
    }),
  };
}
