import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { PublicCard } from "~/components/public-card";
import { SubmitButton } from "~/components/submit-button";
import { LogoutDocument } from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor, type Api } from "~/lib/api.server";
import { commitSession, getSession } from "~/lib/session.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "logout.title") }];

/**
 * A GET only asks. Whatever a GET did, any page on the web could do to a logged-in user with an
 * image tag or a link; the log-out itself is the POST below, which server.mjs takes only from the
 * portal's own pages.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  if (!session.get("token")) throw redirect("/login");
  return null;
}

/**
 * Whether the API session behind the cookie is over. A session the API no longer knows (it ended
 * elsewhere, or expired) answers UNAUTHENTICATED, which apiFor turns into the redirect to /login
 * that forgets the token: that is thrown on. Any other failure (the API down, throttled) leaves the
 * session alive in the API, so it is not over.
 */
async function endApiSession(api: Api): Promise<boolean> {
  try {
    await api.mutate(LogoutDocument, {});
    // loggedOut, or NOT_A_SESSION for an API token, which a log-out cannot end: either way nothing is left to end.
    return true;
  } catch (error) {
    if (error instanceof Response) throw error;
    return false;
  }
}

/**
 * Ends the session in the API first, then forgets the token. Forgetting it only in the cookie would
 * leave the API session open for anyone holding a copy of the old cookie; so when the API could not
 * end it, the user stays logged in and is told so, and can try again.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await apiFor(request, { requireLogin: false });
  if (session.get("token") && !(await endApiSession(api))) return data({ failed: true }, { status: 503 });
  session.unset("token");
  return redirect("/login", { headers: { "Set-Cookie": await commitSession(session) } });
}

export default function LogoutPage() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <PublicCard title={t("logout.title")}>
      <p>{t("logout.question")}</p>
      {result?.failed ? (
        <p className="alert alert-error" role="alert">
          {t("logout.failed")}
        </p>
      ) : null}
      <Form method="post" action="/logout" className="stack">
        <SubmitButton action="/logout" busyLabel={t("header.loggingOut")} className="button button-wide">
          {t("logout.confirm")}
        </SubmitButton>
        <Link to="/" className="button button-secondary button-wide">
          {t("logout.cancel")}
        </Link>
      </Form>
    </PublicCard>
  );
}
