import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { PublicCard } from "~/components/public-card";
import { SubmitButton } from "~/components/submit-button";
import { LoginDocument } from "~/graphql/graphql";
import { userErrorKey, type MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor, TooManyRequests } from "~/lib/api.server";
import { commitSession, getSession, safeRedirect } from "~/lib/session.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "login.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  // A stale token is caught by the logged-in layout, which clears it and comes back here.
  if (session.get("token")) throw redirect("/");
  return null;
}

interface LoginFailure {
  error: MessageKey;
  email: string;
  /** With login.tooMany: whole minutes to wait, rounded up. */
  minutes?: number;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "login.missing", email } satisfies LoginFailure;

  const { api, session } = await apiFor(request, { requireLogin: false });
  let login;
  try {
    ({ login } = await api.mutate(LoginDocument, { input: { email, password } }));
  } catch (error) {
    if (!(error instanceof TooManyRequests)) throw error;
    return { error: "login.tooMany", email, minutes: Math.ceil(error.retryAfterSeconds / 60) } satisfies LoginFailure;
  }
  const [userError] = login.userErrors;
  // The API answers one code for a wrong e-mail and a wrong password; so does the portal.
  if (userError || !login.token)
    return { error: userErrorKey(userError?.code ?? "INVALID_CREDENTIALS"), email } satisfies LoginFailure;

  session.set("token", login.token);
  // The user's own language (decision 0075), chosen on any device; a language picked before logging in yields to it.
  const language = login.viewer?.user?.language;
  if (language) session.set("lang", language === "EN" ? "en" : "sv");
  return redirect(safeRedirect(form.get("redirectTo")), { headers: { "Set-Cookie": await commitSession(session) } });
}

export default function LoginPage() {
  const t = useT();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const password = useRef<HTMLInputElement>(null);
  // After a failed attempt the password is typed again, never left in the field.
  useEffect(() => {
    if (failure && password.current) password.current.value = "";
  }, [failure]);
  return (
    <PublicCard title={t("login.title")}>
      <p className="muted">{t("login.intro")}</p>
      {failure ? (
        <p className="alert alert-error" role="alert" id="login-error">
          {t(failure.error, { minutes: String(failure.minutes ?? "") })}
        </p>
      ) : null}
      <Form method="post" className="stack" aria-describedby={failure ? "login-error" : undefined}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <div className="field">
          <label htmlFor="email">{t("login.email")}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={failure?.email}
            aria-invalid={failure ? true : undefined}
            autoFocus
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t("login.password")}</label>
          <input
            ref={password}
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={failure ? true : undefined}
          />
        </div>
        <SubmitButton action="/login" busyLabel={t("login.submitting")} className="button button-wide">
          {t("login.submit")}
        </SubmitButton>
      </Form>
      <p className="small">
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
      <p className="small">
        <Link to="/kontakt">{t("login.contact")}</Link>
      </p>
    </PublicCard>
  );
}
