import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { PublicCard } from "~/components/public-card";
import { SubmitButton } from "~/components/submit-button";
import { RequestPasswordResetDocument } from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor, TooManyRequests } from "~/lib/api.server";
import { getSession } from "~/lib/session.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "forgot.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  if ((await getSession(request)).get("token")) throw redirect("/account");
  return null;
}

type Answer = { sent: true; email: string } | { sent: false; email: string; minutes?: number };

export async function action({ request }: ActionFunctionArgs): Promise<Answer> {
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim();
  if (!email) return { sent: false, email };
  const { api } = await apiFor(request, { requireLogin: false });
  try {
    await api.mutate(RequestPasswordResetDocument, { input: { email } });
  } catch (error) {
    if (!(error instanceof TooManyRequests)) throw error;
    return { sent: false, email, minutes: Math.ceil(error.retryAfterSeconds / 60) };
  }
  // The same words whether or not the address has an account: the API does not say, and neither do we.
  return { sent: true, email };
}

export default function ForgotPasswordPage() {
  const t = useT();
  const answer = useActionData<typeof action>();
  return (
    <PublicCard title={t("forgot.title")}>
      {answer?.sent ? (
        <div className="stack">
          <p className="alert alert-success" role="status">
            {t("forgot.sent", { email: answer.email })}
          </p>
          <Link to="/login">{t("forgot.back")}</Link>
        </div>
      ) : (
        <>
          <p className="muted">{t("forgot.intro")}</p>
          {answer ? (
            <p className="alert alert-error" role="alert" id="forgot-error">
              {answer.minutes ? t("forgot.tooMany", { minutes: answer.minutes }) : t("forgot.missing")}
            </p>
          ) : null}
          <Form method="post" className="stack" aria-describedby={answer ? "forgot-error" : undefined}>
            <div className="field">
              <label htmlFor="email">{t("login.email")}</label>
              <input
                id="email"
                name="email"
                type="email"
                autoComplete="username"
                required
                defaultValue={answer?.email}
                autoFocus
              />
            </div>
            <SubmitButton action="/forgot-password" busyLabel={t("forgot.sending")} className="button button-wide">
              {t("forgot.submit")}
            </SubmitButton>
          </Form>
          <p className="small">
            <Link to="/login">{t("forgot.back")}</Link>
          </p>
        </>
      )}
    </PublicCard>
  );
}
