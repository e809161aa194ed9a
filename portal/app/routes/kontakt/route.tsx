import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { TextField } from "~/components/admin-fields";
import { IntentButton, IntentForm, useLastResult } from "~/components/intent-form";
import { PublicCard } from "~/components/public-card";
import { SendContactRequestDocument, type ContactRequestKind } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { formError, formErrors, isBadRequest, type FormResult } from "~/lib/form-result";
import { intentOf } from "~/lib/intent.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "contact.title") }];

const INTENT = "sendContactRequest";
const FIELDS = [
  "kind",
  "name",
  "email",
  "phone",
  "organisationName",
  "organisationNumber",
  "message",
  "systemDown",
] as const;

type Answer = FormResult<typeof INTENT> & { sent?: { kind: ContactRequestKind; email: string; answerDueAt: string } };

/**
 * Anyone, logged in or not, asks for help or to be contacted about an agreement (decision 0081). The API counts the
 * requests per network address and e-mail address; `website` is the honeypot, a field people never see.
 */
export async function action({ request }: ActionFunctionArgs): Promise<Answer> {
  const form = await request.formData();
  intentOf(form, [INTENT]);
  const text = (name: string) => String(form.get(name) ?? "");
  const values = Object.fromEntries(FIELDS.map((name) => [name, text(name)]));
  const kind: ContactRequestKind = text("kind") === "AGREEMENT" ? "AGREEMENT" : "HELP";
  const { api } = await apiFor(request, { requireLogin: false });
  const input = {
    kind,
    name: text("name"),
    email: text("email"),
    phone: text("phone") || null,
    organisationName: text("organisationName") || null,
    organisationNumber: text("organisationNumber") || null,
    message: text("message"),
    // Only a help request can be an outage; the API ignores it for a sales lead (decision 0092).
    systemDown: kind === "HELP" && text("systemDown") === "on",
    website: text("website") || null,
  };
  const refused = (errors: Answer["errors"]): Answer => ({ intent: INTENT, ok: false, errors, values });
  try {
    const { sendContactRequest: payload } = await api.mutate(SendContactRequestDocument, { input });
    if (payload.userErrors.length > 0 || !payload.answerDueAt) return refused(formErrors(payload.userErrors));
    const sent = { kind, email: input.email.trim(), answerDueAt: String(payload.answerDueAt) };
    return { intent: INTENT, ok: true, errors: [], values: {}, sent };
  } catch (error) {
    // The API's own text limit (10 000 characters) refuses a field before it runs: said as "too long".
    if (!isBadRequest(error)) throw error;
    return refused([formError("message", "TOO_LONG")]);
  }
}

export default function ContactPage() {
  const t = useT();
  const lang = useLang();
  const sent = (useLastResult<typeof INTENT>() as Answer | undefined)?.sent;
  if (sent) {
    const due = formatDateTime(lang, sent.answerDueAt);
    return (
      <PublicCard title={t("contact.title")}>
        <div className="stack">
          <p className="alert alert-success" role="status">
            {t(sent.kind === "HELP" ? "contact.sentHelp" : "contact.sentAgreement", { due, email: sent.email })}
          </p>
          <Link to="/login">{t("contact.toLogin")}</Link>
        </div>
      </PublicCard>
    );
  }
  return (
    <PublicCard title={t("contact.title")}>
      <p className="muted">{t("contact.intro")}</p>
      <IntentForm intent={INTENT} fields={FIELDS} className="stack" aria-label={t("contact.title")}>
        {(kit) => (
          <>
            <fieldset className="field">
              <legend>{t("contact.kind")}</legend>
              {(["HELP", "AGREEMENT"] as const).map((kind) => (
                <label key={kind} className="check">
                  <input type="radio" name="kind" value={kind} defaultChecked={kit.value("kind", "HELP") === kind} />
                  {t(kind === "HELP" ? "contact.kindHelp" : "contact.kindAgreement")}
                </label>
              ))}
            </fieldset>
            <TextField kit={kit} name="name" label="contact.name" autoComplete="name" required />
            <TextField kit={kit} name="email" label="contact.email" type="email" autoComplete="email" required />
            <TextField kit={kit} name="phone" label="contact.phone" type="tel" autoComplete="tel" />
            <TextField kit={kit} name="organisationName" label="contact.organisationName" autoComplete="organization" />
            <TextField kit={kit} name="organisationNumber" label="contact.organisationNumber" inputMode="numeric" />
            <div className="field">
              <label htmlFor={kit.props("message").id}>{t("contact.message")}</label>
              <textarea {...kit.props("message")} rows={6} required defaultValue={kit.value("message")} />
              {kit.error("message")}
            </div>
            <label className="check">
              <input type="checkbox" name="systemDown" defaultChecked={kit.value("systemDown") === "on"} />
              {t("contact.systemDown")}
            </label>
            {/* The honeypot: off screen, out of the tab order and the accessibility tree; people leave it empty. */}
            <div className="honeypot" aria-hidden="true">
              <label htmlFor="contact-website">{t("contact.website")}</label>
              <input id="contact-website" name="website" tabIndex={-1} autoComplete="off" />
            </div>
            <IntentButton intent={INTENT} busy={t("contact.sending")} className="button button-wide">
              {t("contact.submit")}
            </IntentButton>
          </>
        )}
      </IntentForm>
      <p className="small">
        <Link to="/login">{t("contact.toLogin")}</Link>
      </p>
    </PublicCard>
  );
}
