import type { LoaderFunctionArgs } from "@remix-run/node";
import { SupportAttachmentDocument } from "~/graphql/graphql";
import { apiFor } from "~/lib/api.server";

/**
 * A case's attachment as a download. The API answers only attachments the viewer may see (never
 * another tenant's, never one on an internal note for the customer), so a guessed id is a 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  const { node } = await api.query(SupportAttachmentDocument, { id: params.id ?? "" });
  if (node?.__typename !== "SupportCaseAttachment") throw new Response("Not found", { status: 404 });
  return new Response(Buffer.from(node.contentBase64, "base64"), {
    headers: {
      // The type the API proved from the content; always a download, never rendered in the portal's origin.
      "content-type": node.contentType,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(node.fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
