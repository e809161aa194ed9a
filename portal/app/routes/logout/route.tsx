import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { LogoutDocument } from "~/graphql/graphql";
import { apiFor } from "~/lib/api.server";
import { commitSession } from "~/lib/session.server";

/**
 * Ends the API session, then forgets the token. The cookie keeps only the language, so the login
 * page that follows speaks it. A failed `logout` call must not keep the user logged in here.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await apiFor(request, { requireLogin: false });
  if (session.get("token")) {
    try {
      await api.mutate(LogoutDocument, {});
    } catch {
      // The session may already have ended, or the API may be down; the portal forgets it anyway.
    }
  }
  session.unset("token");
  return redirect("/login", { headers: { "Set-Cookie": await commitSession(session) } });
}

export function loader() {
  return redirect("/");
}
