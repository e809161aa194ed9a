import type { LoaderFunctionArgs } from "@remix-run/node";
import { PersonalDataDocument } from "~/graphql/graphql";
import { apiFor } from "~/lib/api.server";
import { todayInSweden } from "~/lib/dates";

/**
 * "Ladda ner mina personuppgifter": everything Trygg holds about the viewer, as a JSON file (decision 0086). With
 * `?user=<id>`, an admin downloads a user they manage; anyone else's answers 404, like a missing one.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  const userId = new URL(request.url).searchParams.get("user");
  const { personalData } = await api.query(PersonalDataDocument, { userId: userId || null });
  if (!personalData.data) throw new Response("Not found", { status: 404 });
  return new Response(JSON.stringify(personalData.data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="trygg-personuppgifter-${todayInSweden()}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
