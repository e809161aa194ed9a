import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLang } from "~/i18n/i18n";
import { commitSession, getSession, safeRedirect } from "~/lib/session.server";

/** Stores the chosen language in the session cookie and goes back to the page it came from. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const session = await getSession(request);
  const lang = form.get("lang");
  if (isLang(lang)) session.set("lang", lang);
  return redirect(safeRedirect(form.get("redirectTo")), { headers: { "Set-Cookie": await commitSession(session) } });
}

export function loader() {
  return redirect("/");
}
