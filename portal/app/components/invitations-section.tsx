import { IntentButton, IntentForm, RowAction } from "~/components/intent-form";
import type { AdminInvitationsQuery } from "~/graphql/graphql";
import { formatDate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";

type Invitation = AdminInvitationsQuery["invitations"]["edges"][number]["node"];

/**
 * Invitations not yet accepted: sent again (a new link, 14 more days; the old link stops working)
 * or revoked. An expired one stays here until one of the two.
 */
export function InvitationsSection({ invitations, now }: { invitations: Invitation[]; now: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card section" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t("invitations.title")}</h2>
      {invitations.length === 0 ? (
        <p className="muted">{t("invitations.none")}</p>
      ) : (
        <ul className="dash-list" data-testid="invitations">
          {invitations.map((invitation) => {
            const expired = invitation.expiresAt <= now;
            return (
              <li key={invitation.id} data-email={invitation.email}>
                <div className="dash-list-main">
                  <strong>{invitation.name}</strong>
                  <span className="muted cell-break">
                    {invitation.email} · {invitation.organisation.name} · {t(`admin.role.${invitation.role}`)}
                  </span>
                  <span className={expired ? "badge badge-revoked" : undefined}>
                    {t(expired ? "invitations.expired" : "invitations.validUntil", {
                      date: formatDate(lang, invitation.expiresAt),
                    })}
                  </span>
                </div>
                <div className="row-actions">
                  <IntentForm
                    intent="resendInvitation"
                    target={invitation.id}
                    aria-label={t("invitations.resendLabel", { name: invitation.name })}
                  >
                    {() => (
                      <IntentButton
                        intent="resendInvitation"
                        target={invitation.id}
                        busy={t("admin.saving")}
                        className="button button-secondary button-small"
                      >
                        {t("invitations.resend")}
                      </IntentButton>
                    )}
                  </IntentForm>
                  <RowAction
                    intent="revokeInvitation"
                    target={invitation.id}
                    confirm={t("invitations.revokeConfirm", { name: invitation.name, email: invitation.email })}
                    busy={t("admin.saving")}
                  >
                    {t("invitations.revoke")}
                  </RowAction>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
