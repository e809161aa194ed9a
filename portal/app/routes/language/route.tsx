import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { SetMyLanguageDocument } from "~/graphql/graphql";
import { isLang } from "~/i18n/i18n";
import { apiFor } from "~/lib/api.server";
import { commitSession, safeRedirect } from "~/lib/session.server";

/**
 * Stores the chosen language in the session cookie and goes back to the page it came from. Logged in, the choice is
 * the user's own (decision 0075): kept by the API for the next log-in anywhere, the e-mails and the visit protocols.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const { api, session } = await apiFor(request, { requireLogin: false });
  const lang = form.get("lang");
  if (isLang(lang)) {
    session.set("lang", lang);
    if (session.get("token"))
      await api.mutate(SetMyLanguageDocument, { input: { language: lang === "en" ? "EN" : "SV" } });
  }
  return redirect(safeRedirect(form.get("redirectTo")), { headers: { "Set-Cookie": await commitSession(session) } });
}

export function loader() {
  return redirect("/");
}
