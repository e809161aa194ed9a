import type { LoaderFunctionArgs } from "@remix-run/node";
import { VisitProtocolPdfDocument } from "~/graphql/graphql";
import { apiFor } from "~/lib/api.server";

/** The protocol PDF as a download; the API decides who may see it (another tenant's visit is a 404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  const { node } = await api.query(VisitProtocolPdfDocument, { id: params.id ?? "" });
  const pdf = node && "protocolPdf" in node ? node.protocolPdf : null;
  if (!pdf) throw new Response("Not found", { status: 404 });
  return new Response(Buffer.from(pdf.base64, "base64"), {
    headers: {
      "content-type": pdf.contentType,
      "content-disposition": `attachment; filename="${pdf.filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "private, no-store",
    },
  });
}
