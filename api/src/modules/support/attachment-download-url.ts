import { toGlobalId } from "../../shared/ids.js";

/** Where the API serves attachment bytes, beside /graphql (server.ts mounts the route here). */
export const ATTACHMENT_DOWNLOAD_PATH = "/support/attachments";

export function attachmentDownloadUrl(attachmentId: string): string {
  return `${ATTACHMENT_DOWNLOAD_PATH}/${toGlobalId("SupportCaseAttachment", attachmentId)}`;
}
