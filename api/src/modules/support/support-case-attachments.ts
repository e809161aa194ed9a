import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import { supportCaseAttachments } from "../../db/schema/index.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import type { Viewer } from "../../shared/viewer.js";
import { decodeBase64, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, sniffContentType } from "./attachment-content.js";
import type { AttachmentLimits } from "./attachment-limits.js";
import { checkAttachmentQuota } from "./attachment-quota.js";
import type { SupportAttachmentRow } from "./support-case.service.js";
import { SupportErrors as E } from "./support.errors.js";

/*
 * A support case's files, in and out: checked as they come (how many, how large, what the bytes are),
 * let through the user's upload limit and the quota, stored, and read back in chunks for the download.
 */

export interface AttachmentInput {
  fileName: string;
  contentBase64: string;
}

export interface ReadAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Decodes and checks attachments: how many, how large, and what the bytes really are. */
export function readAttachments(list: readonly AttachmentInput[], field: string[]): Result<ReadAttachment[]> {
  if (list.length > MAX_ATTACHMENTS)
    return userError(E.TOO_MANY_ATTACHMENTS, `At most ${MAX_ATTACHMENTS} attachments at a time.`, field);
  const out: ReadAttachment[] = [];
  const tooLarge = (name: string, at: string[]) =>
    userError(
      E.ATTACHMENT_TOO_LARGE,
      `${name}: attachments may be at most ${MAX_ATTACHMENT_BYTES / 1024} KB together.`,
      at,
    );
  let total = 0;
  for (const [i, a] of list.entries()) {
    const at = [...field, String(i)];
    // Checked before decoding, so an oversized upload costs no memory.
    if (a.contentBase64.length > Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 1024) return tooLarge(a.fileName, at);
    const content = decodeBase64(a.contentBase64);
    if (!content) return userError(E.ATTACHMENT_NOT_BASE64, `${a.fileName} is not valid base64.`, at);
    total += content.length;
    if (total > MAX_ATTACHMENT_BYTES) return tooLarge(a.fileName, at);
    const contentType = sniffContentType(content);
    if (!contentType)
      return userError(
        E.ATTACHMENT_TYPE_NOT_ALLOWED,
        `${a.fileName} is not a PNG or JPEG image, a PDF or a text/log file.`,
        at,
      );
    out.push({ fileName: a.fileName.slice(0, 200) || "bilaga", contentType, content });
  }
  return ok(out);
}

/**
 * Stores checked attachments if they fit the case's and the customer's quota; call it inside the
 * mutation's transaction, after the user's upload limit has let them through (`admitUploads`).
 */
export async function storeAttachments(
  tx: Tx,
  viewer: Viewer,
  limits: AttachmentLimits,
  at: { customerId: string; caseId: string; messageId: string | null; isNew: boolean },
  list: ReadAttachment[],
): Promise<Result<void>> {
  if (list.length === 0) return ok(undefined);
  const sizes = list.map((a) => a.content.length);
  const fits = await checkAttachmentQuota(
    tx,
    limits.quota,
    { customerId: at.customerId, caseId: at.isNew ? null : at.caseId },
    sizes,
    ["input", "attachments"],
  );
  if ("errors" in fits) return fits;
  await tx.insert(supportCaseAttachments).values(
    list.map((a) => ({
      caseId: at.caseId,
      messageId: at.messageId,
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.content.length,
      content: a.content,
      uploadedBy: viewer.userId,
    })),
  );
  return ok(undefined);
}

/** Spends the files of a request from the user's hourly upload limit, before any transaction. */
export function admitUploads(viewer: Viewer, limits: AttachmentLimits, list: ReadAttachment[]): Promise<Result<void>> {
  return limits.uploads.admit(viewer.userId, list.length, ["input", "attachments"]);
}

/** Bytes the download reads per statement: a file leaves in pieces, never whole in memory. */
const CHUNK_BYTES = 256 * 1024;

/** The bytes of one attachment (already found in the viewer's scope), a chunk at a time. */
export async function* attachmentChunks(
  db: DbOrTx,
  attachment: Pick<SupportAttachmentRow, "id" | "sizeBytes">,
): AsyncGenerator<Buffer> {
  const a = supportCaseAttachments;
  for (let offset = 0; offset < attachment.sizeBytes; offset += CHUNK_BYTES) {
    const [row] = await db
      .select({
        chunk: sql`substring(${a.content} from ${offset + 1}::int for ${CHUNK_BYTES}::int)`.mapWith(a.content),
      })
      .from(a)
      .where(eq(a.id, attachment.id));
    if (!row || row.chunk.length === 0)
      throw new Error(`attachment ${attachment.id} ended at ${offset} of ${attachment.sizeBytes} bytes`);
    yield row.chunk;
  }
}

/** The bytes of attachments by id, for the deprecated `contentBase64` of attachments already in the viewer's scope. */
export function attachmentContentOf(db: DbOrTx, ids: readonly string[]) {
  return db
    .select({ id: supportCaseAttachments.id, content: supportCaseAttachments.content })
    .from(supportCaseAttachments)
    .where(inArray(supportCaseAttachments.id, [...ids]));
}
