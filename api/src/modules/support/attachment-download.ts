import type { NextFunction, Request, RequestHandler, Response } from "express";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db } from "../../db/client.js";
import { unauthenticated } from "../../shared/errors.js";
import { uuidOf } from "../../shared/ids.js";
import { authenticate, missingScope } from "../access/index.js";
import { attachmentDisposition, downloadFileName } from "./attachment-file-name.js";
import { attachmentChunks } from "./support-case-attachments.js";
import { findAttachment } from "./support-case.service.js";

/** An error in the shape GraphQL answers use, so a client reads one kind of error from the API. */
function fail(
  req: Request,
  res: Response,
  status: number,
  code: string,
  message: string,
  more: Record<string, string> = {},
) {
  const requestId = String(req.id);
  res
    .status(status)
    .json({ errors: [{ message, extensions: { code, ...more, requestId } }], extensions: { requestId } });
}

/** Text was proved valid UTF-8 when it came in (attachment-content.ts), so it is sent as such. */
const contentTypeHeader = (contentType: string) =>
  contentType === "text/plain" ? "text/plain; charset=utf-8" : contentType;

/**
 * `GET /support/attachments/:id`: one attachment's bytes, for the same callers and in the same
 * tenant scope as the GraphQL field (session or API token as `Authorization: Bearer`). An attachment
 * the caller may not see answers exactly as a missing one, 404. The file always comes as a download
 * named by its detected type, with nosniff and a sandboxing CSP, so a browser never renders it in
 * the API's origin; the bytes are read and sent a chunk at a time.
 */
export function attachmentDownload(db: Db): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const header = req.headers.authorization;
      const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
      const viewer = token ? await authenticate(db, token, String(req.id)) : null;
      if (!viewer) {
        res.setHeader("www-authenticate", "Bearer");
        return fail(req, res, 401, "UNAUTHENTICATED", unauthenticated().message);
      }
      // The bytes are part of what `supportCases` reads, so a limited token needs that field's scope here too.
      const missing = missingScope(viewer.apiTokenScopes, "Query", "supportCases");
      if (missing) {
        const message = `This API token lacks the scope ${missing}, which attachment downloads need.`;
        return fail(req, res, 403, "FORBIDDEN", message, { missingScope: missing });
      }
      const attachment = await findAttachment(db, viewer, uuidOf(String(req.params.id), "SupportCaseAttachment"));
      if (!attachment) return fail(req, res, 404, "NOT_FOUND", "No such attachment.");
      res.status(200).set({
        "content-type": contentTypeHeader(attachment.contentType),
        "content-length": String(attachment.sizeBytes),
        "content-disposition": attachmentDisposition(downloadFileName(attachment.fileName, attachment.contentType)),
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
        "cache-control": "private, no-store",
      });
      if (req.method === "HEAD") return res.end();
      await pipeline(Readable.from(attachmentChunks(db, attachment)), res);
    } catch (e) {
      // Once bytes are on their way the status is sent: the cut-off (its Content-Length unmet) is the answer.
      if (res.headersSent) {
        const gone = (e as { code?: string }).code === "ERR_STREAM_PREMATURE_CLOSE";
        return gone
          ? req.log.debug("attachment download left by the client")
          : req.log.warn({ err: e }, "attachment download cut off");
      }
      next(e);
    }
  };
}
