import { LanguageSwitch } from "~/components/language-switch";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { ErrorPanel } from "~/components/error-panel";
import { IntentButton, IntentForm, SuccessNotice } from "~/components/intent-form";
import {
  AccountPageDocument,
  ChangePasswordDocument,
  UpdateNotificationPreferencesDocument,
  type NotificationTopic,
} from "~/graphql/graphql";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor, TooManyRequests } from "~/lib/api.server";
import { formError, refused, type FormResult } from "~/lib/form-result";
import { TextField } from "~/components/admin-fields";
import { intentOf } from "~/lib/intent.server";
import { redirectToLogin } from "~/lib/session.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "account.title") }];

const INTENTS = ["saveNotifications", "changePassword"] as const;
type Intent = (typeof INTENTS)[number];

/** The mails grouped as a person reads them: per kind of incident, then when in the incident; then renewals. */
const GROUPS: { legend: MessageKey; topics: NotificationTopic[] }[] = [
  { legend: "account.outages", topics: ["OUTAGE_STARTED", "OUTAGE_REMINDER", "OUTAGE_RECOVERED"] },
  { legend: "account.backups", topics: ["BACKUP_STARTED", "BACKUP_REMINDER", "BACKUP_RECOVERED"] },
  { legend: "account.renewals", topics: ["RENEWAL_REMINDER", "RENEWAL_DIGEST", "AGREEMENT_LAPSED"] },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await apiFor(request);
  const { viewer } = await api.query(AccountPageDocument, {});
  if (!viewer) return redirectToLogin(session);
  return { viewer };
}

/**
 * Saves every topic the API offers the caller: a ticked box is on, an unticked one off (an unticked
 * checkbox sends nothing, so the offered list comes from the API, not from the form).
 */
export async function action({ request }: ActionFunctionArgs): Promise<FormResult<Intent>> {
  const form = await request.formData();
  const intent = intentOf(form, INTENTS);
  const { api } = await apiFor(request);
  if (intent === "changePassword") {
    const newPassword = String(form.get("newPassword") ?? "");
    // Passwords are never sent back to refill the form.
    if (newPassword !== String(form.get("confirm") ?? ""))
      return { intent, ok: false, errors: [formError("confirm", "DIFFER", "password.differ")], values: {} };
    let payload;
    try {
      ({ changePassword: payload } = await api.mutate(ChangePasswordDocument, {
        input: { currentPassword: String(form.get("currentPassword") ?? ""), newPassword },
      }));
    } catch (error) {
      // A wrong current password counts against the log-in limits, as a wrong log-in does.
      if (!(error instanceof TooManyRequests)) throw error;
      return { intent, ok: false, errors: [formError(null, "TOO_MANY_REQUESTS", "account.tooMany")], values: {} };
    }
    if (payload.userErrors.length > 0) return refused(intent, payload.userErrors, {});
    return { intent, ok: true, errors: [], values: {}, done: "account.passwordChanged", nonce: randomUUID() };
  }
  const { viewer } = await api.query(AccountPageDocument, {});
  const on = new Set(form.getAll("on").map(String));
  const preferences = (viewer?.notificationPreferences ?? []).map(({ topic }) => ({ topic, enabled: on.has(topic) }));
  const { updateNotificationPreferences: payload } = await api.mutate(UpdateNotificationPreferencesDocument, {
    input: { preferences },
  });
  if (payload.userErrors.length > 0) return refused(intent, payload.userErrors, { on: [...on] });
  return { intent, ok: true, errors: [], values: {}, done: "account.saved", nonce: randomUUID() };
}

export default function AccountPage() {
  const t = useT();
  const { viewer } = useLoaderData<typeof loader>();
  const enabled = new Map(viewer.notificationPreferences.map((p) => [p.topic, p.enabled]));
  return (
    <>
      <div className="page-heading">
        <h1>{t("account.title")}</h1>
        <p className="muted">
          {viewer.user.name} · {viewer.user.email} · {viewer.organisation.name} · {t(`role.${viewer.user.role}`)}
        </p>
      </div>
      <SuccessNotice intents={INTENTS} />
      <section className="card section" aria-labelledby="language-title" data-testid="language-preference">
        <h2 id="language-title">{t("account.language")}</h2>
        <p className="hint">{t("account.languageHint")}</p>
        <LanguageSwitch label={t("account.languageChoice")} />
      </section>
      <section className="card section" aria-labelledby="notifications-title" data-testid="notification-preferences">
        <h2 id="notifications-title">{t("account.notifications")}</h2>
        {enabled.size === 0 ? (
          <p className="muted">{t("account.noNotifications")}</p>
        ) : (
          <IntentForm intent="saveNotifications" className="stack">
            {() => (
              <>
                <p className="hint">{t("account.notificationsHint")}</p>
                {GROUPS.filter((g) => g.topics.some((topic) => enabled.has(topic))).map((group) => (
                  <fieldset key={group.legend} className="checks checks-column">
                    <legend>{t(group.legend)}</legend>
                    {group.topics
                      .filter((topic) => enabled.has(topic))
                      .map((topic) => (
                        // Keyed by the saved value too: a box shows what the API holds once the page reloads its data.
                        <label key={`${topic}-${String(enabled.get(topic))}`} className="check">
                          <input type="checkbox" name="on" value={topic} defaultChecked={enabled.get(topic)} />
                          <span>{t(`account.topic.${topic}`)}</span>
                        </label>
                      ))}
                  </fieldset>
                ))}
                <IntentButton intent="saveNotifications" busy={t("account.saving")}>
                  {t("account.save")}
                </IntentButton>
              </>
            )}
          </IntentForm>
        )}
      </section>
      <section className="card section" aria-labelledby="personal-data-title" data-testid="personal-data">
        <h2 id="personal-data-title">{t("account.personalData")}</h2>
        <p className="hint">{t("account.personalDataHint")}</p>
        <p>
          <a className="button button-secondary" href="/account/personal-data" download>
            {t("account.personalDataDownload")}
          </a>
        </p>
      </section>
      <section className="card section" aria-labelledby="password-title">
        <h2 id="password-title">{t("account.password")}</h2>
        <p className="hint">{t("account.passwordHint")}</p>
        <IntentForm intent="changePassword" fields={["currentPassword", "newPassword", "confirm"]} className="stack">
          {(kit) => (
            <>
              <TextField
                kit={kit}
                name="currentPassword"
                label="account.currentPassword"
                type="password"
                required
                autoComplete="current-password"
              />
              <TextField
                kit={kit}
                name="newPassword"
                label="password.new"
                type="password"
                hint="password.rules"
                required
                autoComplete="new-password"
              />
              <TextField
                kit={kit}
                name="confirm"
                label="password.confirm"
                type="password"
                required
                autoComplete="new-password"
              />
              <IntentButton intent="changePassword" busy={t("account.saving")}>
                {t("account.changePassword")}
              </IntentButton>
            </>
          )}
        </IntentForm>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
