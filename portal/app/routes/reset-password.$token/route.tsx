import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { NewPasswordFields, newPasswordProblem } from "~/components/new-password-fields";
import { PublicCard } from "~/components/public-card";
import { SubmitButton } from "~/components/submit-button";
import { ResetPasswordDocument } from "~/graphql/graphql";
import { userErrorKey, type MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { logInWithNewPassword } from "~/lib/log-in.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "reset.title") },
  // The token is in the address: no other site is told it.
  { name: "referrer", content: "no-referrer" },
];

interface Refusal {
  error: MessageKey;
  field: "password" | "confirm" | null;
  /** The link itself is no good: offer a new one instead of the form. */
  linkDead: boolean;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const problem = newPasswordProblem(form);
  if (problem)
    return {
      error: problem,
      field: problem === "password.differ" ? "confirm" : "password",
      linkDead: false,
    } satisfies Refusal;
  const password = String(form.get("password"));
  const { api } = await apiFor(request, { requireLogin: false });
  const { resetPassword } = await api.mutate(ResetPasswordDocument, {
    input: { token: params.token ?? "", password },
  });
  const [userError] = resetPassword.userErrors;
  if (userError || !resetPassword.email) {
    const code = userError?.code ?? "RESET_LINK_INVALID";
    return { error: userErrorKey(code), field: "password", linkDead: code.startsWith("RESET_LINK") } satisfies Refusal;
  }
  return logInWithNewPassword(request, resetPassword.email, password);
}

export default function ResetPasswordPage() {
  const t = useT();
  const refusal = useActionData<typeof action>();
  return (
    <PublicCard title={t("reset.title")}>
      {refusal ? (
        <p className="alert alert-error" role="alert" id="reset-error">
          {t(refusal.error)}
        </p>
      ) : null}
      {refusal?.linkDead ? (
        <p>
          <Link to="/forgot-password">{t("reset.again")}</Link>
        </p>
      ) : (
        <>
          <p className="muted">{t("reset.intro")}</p>
          <Form method="post" className="stack" aria-describedby={refusal ? "reset-error" : undefined}>
            <NewPasswordFields error={refusal?.field} />
            <SubmitButton busyLabel={t("reset.saving")} className="button button-wide">
              {t("reset.submit")}
            </SubmitButton>
          </Form>
        </>
      )}
    </PublicCard>
  );
}
