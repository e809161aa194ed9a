import { IntentButton, IntentForm } from "~/components/intent-form";
import type { AdminLoginLockoutsQuery } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";

/** Users the log-in limits refuse right now; an admin who has spoken to the person lets them try again. */
export function LockoutsSection({ lockouts }: { lockouts: AdminLoginLockoutsQuery["loginLockouts"] }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card section" aria-labelledby="lockouts-title" id="lockouts">
      <h2 id="lockouts-title">{t("lockouts.title")}</h2>
      {lockouts.length === 0 ? (
        <p className="muted">{t("lockouts.none")}</p>
      ) : (
        <>
          <p className="muted">{t("lockouts.intro")}</p>
          <ul className="dash-list" data-testid="lockouts">
            {lockouts.map((l) => (
              <li key={l.user.id} data-user={l.user.email}>
                <div className="dash-list-main">
                  <strong>{l.user.name}</strong>
                  <span className="muted cell-break">
                    {l.user.email} · {l.user.organisation.name}
                  </span>
                  <span>
                    {t(l.fromEveryAddress ? "lockouts.untilEverywhere" : "lockouts.until", {
                      time: formatDateTime(lang, l.lockedUntil),
                    })}
                  </span>
                </div>
                <IntentForm
                  intent="unlockLogin"
                  target={l.user.id}
                  aria-label={t("lockouts.unlockLabel", { name: l.user.name })}
                >
                  {() => (
                    <IntentButton
                      intent="unlockLogin"
                      target={l.user.id}
                      busy={t("admin.saving")}
                      className="button button-small"
                    >
                      {t("lockouts.unlock")}
                    </IntentButton>
                  )}
                </IntentForm>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
