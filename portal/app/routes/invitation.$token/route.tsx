import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { NewPasswordFields, newPasswordProblem } from "~/components/new-password-fields";
import { PublicCard } from "~/components/public-card";
import { SubmitButton } from "~/components/submit-button";
import { AcceptInvitationDocument, InvitationPageDocument } from "~/graphql/graphql";
import { formatDate, userErrorKey, type MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { logInWithNewPassword } from "~/lib/log-in.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "invitation.title") },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request, { requireLogin: false });
  const { invitationByToken } = await api.query(InvitationPageDocument, { token: params.token ?? "" });
  const code = invitationByToken.userErrors[0]?.code;
  return { invitation: invitationByToken.invitation, refused: code ? userErrorKey(code) : null };
}

interface Refusal {
  error: MessageKey;
  field: "password" | "confirm" | null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const problem = newPasswordProblem(form);
  if (problem)
    return { error: problem, field: problem === "password.differ" ? "confirm" : "password" } satisfies Refusal;
  const password = String(form.get("password"));
  const { api } = await apiFor(request, { requireLogin: false });
  const { acceptInvitation } = await api.mutate(AcceptInvitationDocument, {
    input: { token: params.token ?? "", password },
  });
  const [userError] = acceptInvitation.userErrors;
  if (userError || !acceptInvitation.user)
    return { error: userErrorKey(userError?.code ?? "INVITATION_INVALID"), field: "password" } satisfies Refusal;
  return logInWithNewPassword(request, acceptInvitation.user.email, password);
}

export default function InvitationPage() {
  const t = useT();
  const lang = useLang();
  const { invitation, refused } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  if (!invitation)
    return (
      <PublicCard title={t("invitation.title")}>
        <p className="alert alert-error" role="alert">
          {t(refused ?? "userError.INVITATION_INVALID")}
        </p>
        <p className="muted">{t("invitation.askAgain")}</p>
        <Link to="/login">{t("forgot.back")}</Link>
      </PublicCard>
    );
  return (
    <PublicCard title={t("invitation.welcome", { name: invitation.name })}>
      <p>
        {t("invitation.intro", {
          organisation: invitation.organisationName,
          role: t(`admin.role.${invitation.role}`),
        })}
      </p>
      <p className="muted">
        {t("invitation.loginWith", { email: invitation.email, date: formatDate(lang, invitation.expiresAt) })}
      </p>
      {refusal ? (
        <p className="alert alert-error" role="alert" id="invitation-error">
          {t(refusal.error)}
        </p>
      ) : null}
      <Form method="post" className="stack" aria-describedby={refusal ? "invitation-error" : undefined}>
        <NewPasswordFields error={refusal?.field} />
        <SubmitButton busyLabel={t("invitation.saving")} className="button button-wide">
          {t("invitation.submit")}
        </SubmitButton>
      </Form>
    </PublicCard>
  );
}
