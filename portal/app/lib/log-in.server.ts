import { redirect } from "@remix-run/node";
import { LoginDocument } from "~/graphql/graphql";
import { apiFor } from "~/lib/api.server";
import { commitSession } from "~/lib/session.server";

/**
 * Logs the person in with the password they have just chosen (an accepted invitation, a reset) and
 * sends them to the start page; should the log-in not go through, to the log-in page instead.
 */
export async function logInWithNewPassword(request: Request, email: string, password: string): Promise<Response> {
  const { api, session } = await apiFor(request, { requireLogin: false });
  const { login } = await api.mutate(LoginDocument, { input: { email, password } });
  if (!login.token) return redirect("/login");
  session.set("token", login.token);
  return redirect("/", { headers: { "Set-Cookie": await commitSession(session) } });
}
