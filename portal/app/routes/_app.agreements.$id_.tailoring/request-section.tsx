import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/submit-button";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { resultFor, typed } from "~/lib/form-result";
import { type PageTailoring, type SectionProps } from "./types";
import { ResultErrors } from "~/components/intent-form";

/** Step 1: no tailoring yet; a customer admin or seller asks for a review. */
export function RequestSection({ agreement, result }: SectionProps) {
  const t = useT();
  const own = resultFor(result, "request");
  const valid = agreement.status === "ACTIVE" || agreement.status === "EXPIRING";
  return (
    <section className="card section" aria-labelledby="request-title">
      <h2 id="request-title">{t("tailoring.request.heading")}</h2>
      {valid ? <p>{t("tailoring.request.intro")}</p> : null}
      {!valid ? (
        <p className="alert alert-info">{t("tailoring.request.notValid")}</p>
      ) : agreement.viewerCanRequestTailoring ? (
        <Form method="post" className="stack">
          <ResultErrors result={own} />
          <div className="field">
            <label htmlFor="request-message">{t("tailoring.request.message")}</label>
            <textarea
              id="request-message"
              name="message"
              rows={4}
              maxLength={2000}
              defaultValue={typed(own, "message")}
              aria-describedby="request-message-hint"
            />
            <p id="request-message-hint" className="hint">
              {agreement.seller
                ? t("tailoring.request.hintSeller", { name: agreement.seller.name })
                : t("tailoring.request.hint")}
            </p>
          </div>
          <div>
            <SubmitButton intent="request" busyLabel={t("tailoring.request.sending")}>
              {t("tailoring.request.submit")}
            </SubmitButton>
          </div>
        </Form>
      ) : (
        <p className="muted">{t("tailoring.readOnly.request")}</p>
      )}
    </section>
  );
}

/** The customer's request (step 1): who asked, when, and their message. */
export function RequestNote({ tailoring }: { tailoring: PageTailoring }) {
  const t = useT();
  const lang = useLang();
  const requested = tailoring.history.find((e) => e.action === "requested");
  return (
    <div className="request-note">
      <p className="muted small">
        {requested?.actor
          ? t("tailoring.request.askedBy", {
              name: requested.actor.name,
              date: formatDateTime(lang, requested.occurredAt),
            })
          : t("tailoring.request.asked")}
      </p>
      {tailoring.requestMessage ? <blockquote className="quote">{tailoring.requestMessage}</blockquote> : null}
    </div>
  );
}
