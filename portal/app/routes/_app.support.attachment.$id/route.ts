import type { LoaderFunctionArgs } from "@remix-run/node";
import { SupportAttachmentDocument } from "~/graphql/graphql";
import { apiFor } from "~/lib/api.server";

/**
 * The headers of the API's answer that the browser gets too: what the file is, how to save it, and
 * its sandboxing CSP. `X-Content-Type-Options: nosniff` is on every portal response already
 * (server.mjs, helmet); passed on as well, it would arrive twice.
 */
const PASSED_ON = ["content-type", "content-length", "content-disposition", "content-security-policy", "cache-control"];

/**
 * A case's attachment as a download. The API decides who may see it (never another tenant's, never
 * one on an internal note for the customer: a guessed id is a 404), where its bytes are, how the
 * file is named (by its detected type) and that it is a download with nosniff; the portal streams
 * the API's answer on as the user, without holding the file.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  const { node } = await api.query(SupportAttachmentDocument, { id: params.id ?? "" });
  if (node?.__typename !== "SupportCaseAttachment") throw new Response("Not found", { status: 404 });
  const file = await api.download(node.downloadUrl);
  const headers = new Headers();
  for (const name of PASSED_ON) {
    const value = file.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(file.body, { status: 200, headers });
}
